import { performance } from 'node:perf_hooks';
import type { AnalysisParams } from '../../../app/keyframes';
import type { JobContext } from '../../../app/progress';
import type { VideoInfo } from '../../../app/video';
import { throwIfAborted } from '../jobs';
import { streamDecoded, streamFrames, type FilmstripOutput, type FullFrameOutput } from '../video';
import type { ClusterFrame } from './analyze-keyframes';
import type { FeatureKernels, FrameFeatures } from './features';
import { isBlank } from './shots-blank';
import type { ShotSignal } from './shots-signals';

export interface VideoFeatures {
  /** What shot detection reads, one per decoded frame. */
  signals: ShotSignal[];
  /** What the clustering reads, one per decoded frame. */
  frames: ClusterFrame[];
  /** Time spent waiting for decoded frames (with the native reader: for their features). */
  decodeSeconds: number;
  /** Time spent waiting for features that were not ready when their frame's turn came, and storing them. */
  featureSeconds: number;
  /** Times of the stream's key frames (where decoding can start), in order: what the key-frame images seek to. */
  syncTimes: number[];
  warnings: string[];
}

/**
 * Where the kernels read frames themselves, frames whose features are computed at once off the JavaScript thread.
 * Meanwhile this thread keeps draining ffmpeg's pipe: computing features synchronously would stall ffmpeg (its pipe
 * holds less than two frames) and serialise decoding and analysis. Each frame in flight holds its buffer, so memory
 * stays bounded at about (this + the pipe's own queue) frames.
 */
export const FRAMES_IN_FLIGHT = 3;

type StreamContext = JobContext & {
  share?: number;
  /** Each frame's shot signal, as it arrives (before its progress event). */
  onSignal?: (signal: ShotSignal) => void;
  /** Also write the filmstrip's sheets from the same decode. */
  filmstrip?: FilmstripOutput;
  /** Also hand out every so many frames at full size from the same decode (inpass-pictures.ts). */
  fullFrames?: FullFrameOutput;
  /** After each frame is added, with what the analysis holds so far (in order, growing). */
  onAdded?: (signals: ReadonlyArray<ShotSignal>, frames: ReadonlyArray<ClusterFrame>) => void;
};

/**
 * Decodes the video once at `analysisWidth` and computes each frame's features as it arrives: with the native
 * kernels' reader (kernels.featureSource) straight from ffmpeg's output, else from frames read here, up to
 * FRAMES_IN_FLIGHT at once with frameFeaturesAsync, results taken in order. Only the features are kept (about 2 KB
 * a frame), never the frames. Progress: stage "analyse", frames done of `info.frameCount`, with `fraction` scaled by
 * `share` (the caller's part of the whole job). A failure or cancellation stops ffmpeg and rejects.
 */
export async function streamFeatures(
  path: string,
  info: VideoInfo,
  params: AnalysisParams,
  kernels: FeatureKernels,
  ctx: StreamContext = {},
): Promise<VideoFeatures> {
  const found = collector(info, params, ctx);
  const options = { width: params.analysisWidth, info, signal: ctx.signal, filmstrip: ctx.filmstrip, fullFrames: ctx.fullFrames };
  const featureSource = kernels.featureSource?.bind(kernels);
  if (featureSource) {
    const stream = streamDecoded(path, options, (width, height) => featureSource(width, height, params));
    let t = performance.now();
    for await (const frame of stream) {
      found.decodeSeconds += (performance.now() - t) / 1000;
      found.add(frame.time, frame.item, frame.key);
      t = performance.now();
    }
    return found.result(stream.warnings);
  }
  const stream = streamFrames(path, options);
  const iterator = stream[Symbol.asyncIterator]();
  const inFlight: Array<{ time: number; features: Promise<FrameFeatures>; key?: boolean }> = [];
  let decoded = false;
  try {
    for (;;) {
      if (!decoded && inFlight.length < FRAMES_IN_FLIGHT) {
        const t = performance.now();
        const next = await iterator.next();
        found.decodeSeconds += (performance.now() - t) / 1000;
        if (next.done) decoded = true;
        else {
          const { data, width, height, time, key } = next.value;
          const features = kernels.frameFeaturesAsync(data, width, height, params);
          // Awaited below, in order; this only keeps a failure that comes first from counting as unhandled.
          features.catch(() => undefined);
          inFlight.push({ time, features, key });
          continue;
        }
      }
      const head = inFlight.shift();
      if (!head) break;
      const t = performance.now();
      const f = await head.features;
      found.featureSeconds += (performance.now() - t) / 1000;
      found.add(head.time, f, head.key);
    }
  } finally {
    // Leaving early (a kernel failed, the caller's progress callback threw): stop ffmpeg now, not when it times out.
    if (!decoded) await iterator.return?.();
  }
  return found.result(stream.warnings);
}

/** Keeps what shot detection and clustering read of each frame, in order, and reports progress. */
function collector(info: VideoInfo, params: AnalysisParams, { signal, onProgress, onSignal, onAdded, share = 1 }: StreamContext) {
  const signals: ShotSignal[] = [];
  const frames: ClusterFrame[] = [];
  const syncTimes: number[] = [];
  const total = info.frameCount;
  let reported = 0;
  return {
    decodeSeconds: 0,
    featureSeconds: 0,
    add(time: number, f: FrameFeatures, key?: boolean): void {
      const t = performance.now();
      if (key) syncTimes.push(time);
      const shot: ShotSignal = { time, thumb: f.thumb, colourThumb: f.colourThumb, meanLuma: f.meanLuma, stdLuma: f.stdLuma };
      signals.push(shot);
      onSignal?.(shot);
      frames.push({
        time,
        features: { hsv: f.hsv, glcm: f.glcm },
        blank: isBlank(shot, params),
        flat: f.stdLuma <= params.blankMaxStd,
        sharpness: f.sharpness,
        ...(key ? { key: true } : {}),
      });
      onAdded?.(signals, frames);
      this.featureSeconds += (performance.now() - t) / 1000;
      if (onProgress && (signals.length === total || Date.now() - reported > 100)) {
        reported = Date.now();
        const fraction = Math.min(1, signals.length / Math.max(1, total)) * share;
        onProgress({ stage: 'analyse', done: signals.length, total, fraction });
      }
      // The decoder may be done already while features are still coming: it would not notice the signal.
      throwIfAborted(signal);
    },
    result(warnings: string[]): VideoFeatures {
      const { decodeSeconds, featureSeconds } = this;
      return { signals, frames, decodeSeconds, featureSeconds, syncTimes, warnings: [...warnings] };
    },
  };
}
