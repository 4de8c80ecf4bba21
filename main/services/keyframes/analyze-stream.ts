import { performance } from 'node:perf_hooks';
import type { AnalysisParams } from '../../../app/keyframes';
import type { JobContext } from '../../../app/progress';
import type { VideoInfo } from '../../../app/video';
import { streamFrames } from '../video';
import type { ClusterFrame } from './analyze-keyframes';
import type { FeatureKernels } from './features';
import { isBlank } from './shots-blank';
import type { ShotSignal } from './shots-signals';

export interface VideoFeatures {
  /** What shot detection reads, one per decoded frame. */
  signals: ShotSignal[];
  /** What the clustering reads, one per decoded frame. */
  frames: ClusterFrame[];
  decodeSeconds: number;
  featureSeconds: number;
  warnings: string[];
}

/**
 * Decodes the video once at `analysisWidth` and computes each frame's features as it arrives. Only the features are
 * kept (about 2 KB a frame), never the frames. Progress: stage "analyse", frames done of `info.frameCount`, with
 * `fraction` scaled by `share` (the caller's part of the whole job).
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
  const total = info.frameCount;
  let decodeSeconds = 0;
  let featureSeconds = 0;
  let reported = 0;
  for (;;) {
    let t = performance.now();
    const next = await iterator.next();
    decodeSeconds += (performance.now() - t) / 1000;
    if (next.done) break;
    t = performance.now();
    const frame = next.value;
    const f = kernels.frameFeatures(frame.data, frame.width, frame.height, params);
    const shotSignal: ShotSignal = {
      time: frame.time,
      thumb: f.thumb,
      meanLuma: f.meanLuma,
      stdLuma: f.stdLuma,
      colourThumb: f.colourThumb,
    };
    signals.push(shotSignal);
    frames.push({ time: frame.time, features: { hsv: f.hsv, glcm: f.glcm }, blank: isBlank(shotSignal, params) });
    featureSeconds += (performance.now() - t) / 1000;
    if (onProgress && (Date.now() - reported > 100 || signals.length === total)) {
      reported = Date.now();
      const fraction = Math.min(1, signals.length / Math.max(1, total)) * share;
      onProgress({ stage: 'analyse', done: signals.length, total, fraction });
    }
  }
  return { signals, frames, decodeSeconds, featureSeconds, warnings: [...stream.warnings] };
}
