import { performance } from 'node:perf_hooks';
import type { AnalysisParams } from '../../../app/keyframes';
import type { JobContext } from '../../../app/progress';
import type { VideoInfo } from '../../../app/video';
import { throwIfAborted } from '../jobs';
import { streamFrames } from '../video';
import type { ClusterFrame } from './analyze-keyframes';
import type { FeatureKernels, FrameFeatures } from './features';
import { isBlank } from './shots-blank';
import type { ShotSignal } from './shots-signals';

export interface VideoFeatures {
  /** What shot detection reads, one per decoded frame. */
  signals: ShotSignal[];
  /** What the clustering reads, one per decoded frame. */
  frames: ClusterFrame[];
  /** Time spent waiting for decoded frames. */
  decodeSeconds: number;
  /** Time spent waiting for (and storing) features that were not ready when their frame's turn came. */
  featureSeconds: number;
  warnings: string[];
}

/**
 * Frames whose features are computed at once, off the JavaScript thread. Meanwhile this thread keeps draining
 * ffmpeg's pipe: computing features synchronously would stall ffmpeg (its pipe holds less than one frame) and
 * serialise decoding and analysis. Each frame in flight holds its buffer, so memory stays bounded at about
 * (this + the pipe's own queue) frames.
 */
export const FRAMES_IN_FLIGHT = 3;

/**
 * Decodes the video once at `analysisWidth` and computes each frame's features as it arrives (up to
 * FRAMES_IN_FLIGHT frames at once, results taken in order). Only the features are kept (about 2 KB a frame), never
 * the frames. Progress: stage "analyse", frames done of `info.frameCount`, with `fraction` scaled by `share` (the
 * caller's part of the whole job). A failure or cancellation stops ffmpeg and rejects.
 */
export async function streamFeatures(
  path: string,
  info: VideoInfo,
  params: AnalysisParams,
  kernels: FeatureKernels,
  ctx: JobContext & { share?: number } = {},
): Promise<VideoFeatures> {
  const { signal, onProgress } = ctx;
  const share = ctx.share ?? 1;
  const signals: ShotSignal[] = [];
  const frames: ClusterFrame[] = [];
  const stream = streamFrames(path, { width: params.analysisWidth, info, signal });
  const iterator = stream[Symbol.asyncIterator]();
  const inFlight: Array<{ time: number; features: Promise<FrameFeatures> }> = [];
  const total = info.frameCount;
  let decodeSeconds = 0;
  let featureSeconds = 0;
  let reported = 0;
  let decoded = false;
  try {
    for (;;) {
      if (!decoded && inFlight.length < FRAMES_IN_FLIGHT) {
        const t = performance.now();
        const next = await iterator.next();
        decodeSeconds += (performance.now() - t) / 1000;
        if (next.done) decoded = true;
        else {
          const { data, width, height, time } = next.value;
          const features = kernels.frameFeaturesAsync(data, width, height, params);
          // Awaited below, in order; this only keeps a failure that comes first from counting as unhandled.
          features.catch(() => undefined);
          inFlight.push({ time, features });
          continue;
        }
      }
      const head = inFlight.shift();
      if (!head) break;
      const t = performance.now();
      const f = await head.features;
      const shotSignal: ShotSignal = {
        time: head.time,
        thumb: f.thumb,
        colourThumb: f.colourThumb,
        meanLuma: f.meanLuma,
        stdLuma: f.stdLuma,
      };
      signals.push(shotSignal);
      frames.push({ time: head.time, features: { hsv: f.hsv, glcm: f.glcm }, blank: isBlank(shotSignal, params) });
      featureSeconds += (performance.now() - t) / 1000;
      if (onProgress && (signals.length === total || Date.now() - reported > 100)) {
        reported = Date.now();
        const fraction = Math.min(1, signals.length / Math.max(1, total)) * share;
        onProgress({ stage: 'analyse', done: signals.length, total, fraction });
      }
      // The decoder may be done already while features are still coming: it would not notice the signal.
      throwIfAborted(signal);
    }
  } finally {
    // Leaving early (a kernel failed, the caller's progress callback threw): stop ffmpeg now, not when it times out.
    if (!decoded) await iterator.return?.();
  }
  return { signals, frames, decodeSeconds, featureSeconds, warnings: [...stream.warnings] };
}
