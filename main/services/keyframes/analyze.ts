import { performance } from 'node:perf_hooks';
import type { AnalysisParams, DetectedKeyFrame, KeyframeAnalysis } from '../../../app/keyframes';
import type { JobContext } from '../../../app/progress';
import { throwIfAborted } from '../jobs';
import { probeVideo } from '../video';
import { keyframesOfShots } from './analyze-keyframes';
import { validateAnalysisParams } from './analyze-params';
import { streamFeatures } from './analyze-stream';
import { loadKernels } from './features';
import { droppedKeyFrames, removeDuplicates } from './mutual';
import { samePictureTest } from './same-picture';
import { planFilmstrip } from '../../../app/filmstrip';
import { finishFilmstrip, keyFrameInterval } from '../video';
import type { VideoInfo } from '../../../app/video';
import { frameStructure } from './shot-structure';
import { ShotsSoFar } from './shots-so-far';
import { heldFrame, InPassPictures, inPassPlan, picturesAfterThePass, type InPassOutput, type InPassPicture, type InPassStats } from './inpass-pictures';

/** Share of the overall progress the single decoding pass stands for (the rest is quick). */
const STREAM_SHARE = 0.95;

export interface AnalyzeContext extends JobContext {
  /** Write the filmstrip (small frames for scrubbing) into this folder during the decoding pass. */
  filmstripDir?: string;
  /**
   * Write the key frames' full-resolution pictures from the decoding pass where it can (inpass-pictures.ts); the
   * result's `pictures` lists those written, `others` takes the rest (a second pass) at the same time.
   */
  pictures?: InPassOutput & {
    maxWidth?: number;
    /**
     * Takes the pictures of the key frames the pass does not have (all of them when it holds none), while the pass
     * writes its own: the second pass's decoding overlaps their encoding. The analysis waits for both.
     */
    others?: (keyframes: DetectedKeyFrame[], video: { info: VideoInfo; syncTimes?: number[]; keyframes: number }) => Promise<void>;
  };
  /**
   * The progress events carry the shots found so far (`found`), so the editor's timeline fills while the analysis
   * runs. Off unless asked for: a terminal's progress bar has no use for them, and finding them costs up to 5 % of
   * the analysis (shots-so-far.ts).
   */
  shotsSoFar?: boolean;
}

/** The analysis, with the key-frame pictures the decoding pass wrote (AnalyzeContext.pictures). */
export interface AnalysisWithPictures extends KeyframeAnalysis {
  pictures?: Map<number, InPassPicture>;
  /** How the pass did (held, written, used), or why it held none. */
  inPass?: InPassStats | { reason: string };
}

/** How the key-frame pictures are taken: in the decoding pass (its plan), or after it, with why. */
async function picturePlan(path: string, info: VideoInfo, kernels: 'native' | 'typescript', maxWidth?: number, signal?: AbortSignal) {
  if (kernels !== 'native') return { reason: 'no native kernels' };
  const plan = inPassPlan(info, maxWidth);
  if ('reason' in plan) return plan;
  const gop = await keyFrameInterval(path, signal);
  if (gop !== undefined && picturesAfterThePass(gop, plan.every)) return { reason: `key frames every ${gop.toFixed(1)} s: decoding each picture again costs less` };
  return plan;
}

/**
 * The key-frame analysis of one video: decodes it once at `analysisWidth`, computes each frame's features as it
 * arrives (only the features are kept, never the frames), detects shots, clusters each shot into key frames, and
 * drops key frames that repeat one kept earlier anywhere in the video (the mutual comparison). Reports progress
 * (stage "analyse" with frames done of the total, then "shots", "cluster", "done") and stops with CancelledError when
 * the signal fires (the ffmpeg child is killed). Bad parameters throw AnalysisParamsError, unreadable videos VideoError.
 */
export async function analyzeVideo(path: string, params: AnalysisParams, ctx: AnalyzeContext = {}): Promise<AnalysisWithPictures> {
  const { signal, onProgress } = ctx;
  validateAnalysisParams(params);
  throwIfAborted(signal);
  const info = await probeVideo(path, { signal });
  const loaded = loadKernels();
  const { kernels } = loaded;
  const warnings: string[] = [];
  if (loaded.kind !== 'native' && loaded.reason) warnings.push(`using the TypeScript feature kernels: ${loaded.reason}`);

  const filmstrip = ctx.filmstripDir ? { dir: ctx.filmstripDir, ...planFilmstrip(info.duration, info.width, info.height) } : undefined;
  const soFar = ctx.shotsSoFar && onProgress ? new ShotsSoFar(info, params) : undefined;
  const plan = ctx.pictures && (await picturePlan(path, info, loaded.kind, ctx.pictures.maxWidth, signal));
  const pictures = ctx.pictures && plan && !('reason' in plan) ? new InPassPictures(plan, ctx.pictures, info, params, kernels) : undefined;
  try {
    return await analyse();
  } catch (err) {
    await pictures?.discard();
    throw err;
  }

  async function analyse(): Promise<AnalysisWithPictures> {
    const features = await streamFeatures(path, info, params, kernels, {
      signal,
      onProgress: onProgress && ((p) => onProgress(soFar ? { ...p, found: soFar.current() } : p)),
      onSignal: soFar && ((s) => soFar.push(s)),
      share: STREAM_SHARE,
      filmstrip,
      fullFrames: pictures?.output,
      onAdded: pictures && ((s, f) => pictures.analysed(s, f)),
    });
    warnings.push(...features.warnings);
    const { signals, frames } = features;
    const done = signals.length;
    throwIfAborted(signal);
    const t = performance.now();
    onProgress?.({ stage: 'shots', done, total: done, fraction: STREAM_SHARE });
    const { shots, transitions, boundaries, fading, inTransition } = frameStructure(signals, frames, info, params);
    frames.forEach((f, i) => {
      f.fading = fading[i];
      f.transition = inTransition[i];
    });
    const found = { shots, transitions, analysedSeconds: info.duration, duration: info.duration, fps: info.fps };
    throwIfAborted(signal);
    onProgress?.({ stage: 'cluster', done: 0, total: shots.length, fraction: STREAM_SHARE + 0.02, ...(soFar ? { found } : {}) });
    // Among a cluster's good frames, those whose pictures cost least (SAMPLED_SHARPNESS_SHARE): the frames the pass
    // holds; when it holds none it can use (pictures all decoded again), the stream's key frames, each decoded again
    // alone instead of from the key frame before it. An analysis that keeps no pictures prefers what the pass would
    // hold.
    const prefer = ctx.pictures && !pictures?.usable ? (i: number) => frames[i].key === true : heldFrame(info);
    const detected = keyframesOfShots(shots, frames, kernels, params, signal, prefer);
    const { kept, dropped } = removeDuplicates(
      detected,
      (a, b) => kernels.frameSimilarity(frames[a.frame].features, frames[b.frame].features, params),
      params.duplicateSimilarity,
      (k) => k.shot,
      samePictureTest(signals),
    );
    const analysisSeconds = features.featureSeconds + (performance.now() - t) / 1000;
    const strip = filmstrip && signals.length ? await finishFilmstrip(filmstrip, signals[signals.length - 1].time) : undefined;
    // Done with the analysis; the pictures follow (their progress is the caller's, after this).
    onProgress?.({ stage: 'done', done: shots.length, total: shots.length, fraction: 1, ...(soFar ? { found } : {}) });
    const others = kept.filter((k) => !pictures?.has(k.frame));
    const [written, taken] = await Promise.allSettled([
      pictures ? pictures.finish(kept) : undefined,
      others.length && ctx.pictures?.others ? ctx.pictures.others(others, { info, syncTimes: features.syncTimes, keyframes: kept.length }) : undefined,
    ]);
    // Both have stopped writing before either's failure goes up (the caller then discards their folder).
    if (written.status === 'rejected') throw written.reason;
    if (taken.status === 'rejected') throw taken.reason;
    return {
      info,
      shots,
      transitions,
      boundaries: boundaries.map((b) => ({
        frame: b.frame,
        time: signals[b.frame].time,
        kind: b.kind,
        ...(b.reason ?? { signal: b.kind, value: b.strength, threshold: 1, checks: {} }),
      })),
      keyframes: kept,
      duplicates: droppedKeyFrames(dropped),
      ...(strip ? { filmstrip: strip } : {}),
      syncTimes: features.syncTimes,
      timing: { decodeSeconds: features.decodeSeconds, analysisSeconds },
      kernels: loaded.kind,
      warnings,
      ...(written.value ? { pictures: written.value } : {}),
      ...(pictures ? { inPass: pictures.stats } : plan && 'reason' in plan ? { inPass: plan } : {}),
    };
  }
}
