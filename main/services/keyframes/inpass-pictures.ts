import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnalysisParams, DetectedKeyFrame, Shot } from '../../../app/keyframes';
import type { VideoInfo } from '../../../app/video';
import { writeFileAtomic } from '../store';
import { encodeFramePicture, yuv420Bytes, yuv420ToRgbAsync, yuvColourOf, type FullFrameOutput, type YuvColour } from '../video';
import { keyframesOfShots, type ClusterFrame } from './analyze-keyframes';
import { MutualComparison } from './mutual';
import { samePictureTest } from './same-picture';
import type { FeatureKernels } from './features';
import { frameStructure } from './shot-structure';
import type { ShotSignal } from './shots-signals';
import { framesOf } from './shots-types';

/**
 * Key-frame pictures taken in the analysis pass, so that most key frames need no second decoding (on a long GOP the
 * second pass decodes most of the video again: each picture from its GOP's start).
 *
 * The analysis decode also hands out every n-th frame (about SAMPLES_PER_SECOND a second) at full size, as the
 * stream's own 4:2:0 bytes (full-frame-output.ts), into a pool of buffers of bounded size. When the pool is full,
 * the shot detector runs over the recent frames; each shot that ended more than LAG_SECONDS before the newest frame
 * (no later frame can change it: the detector's windows are shorter) gets its key frames chosen as the final analysis
 * chooses them (keyframesOfShots, which prefers a held frame when it is nearly as sharp: SAMPLED_SHARPNESS_SHARE),
 * the held ones among them are converted to RGB (natively, as ffmpeg's scale filter does) and written with their
 * thumbnails in the background, and the shot's other frames leave the pool. When that frees nothing (one long shot)
 * the least sharp frame goes. After the analysis, the final key frames that were written or are still held are
 * written from the pass, and only the others are taken by the second pass; pictures written for a shot the final
 * analysis saw otherwise are removed. A video whose held frames fit the pool (about 80 s of 1080p) never runs the
 * detector twice. Memory: the pool (POOL_BYTES) and one RGB picture per lane (LANES), kept until the pass is over.
 */
export const SAMPLES_PER_SECOND = 3;
/** Pictures larger than this are held less often, in proportion (4K: 3 every 4 s), so the pipe carries the same bytes. */
const SAMPLE_PIXELS = 1920 * 1080;
/** Longer than any window the shot detector looks through after a boundary (flashes 1 s, dissolves 2 s, returns 2 s). */
const LAG_SECONDS = 3;
/** Frames before the first unsettled one that the detector sees again (its windows look back as far). */
const MARGIN_SECONDS = 4;
/** Full-size frames held at most (bytes); 4 frames whatever their size. */
export const POOL_BYTES = 256 * 1024 * 1024;
const MIN_POOL_FRAMES = 4;

/**
 * Key frames a second of video, as a prior for the choice below: footage cut every 3–5 s with a key frame or two a
 * shot. The hard-dev clips have 0.3–0.7, the shared clips 0.2–0.6; a home video of long takes, or the 2-minute
 * benchmark clip of 10-s shots (0.14), fewer.
 */
const KEYFRAMES_PER_SECOND = 0.2;

/**
 * Whether the pictures cost less taken after the pass than held in it, for a stream with key frames `gop` seconds
 * apart of which the pass would hold every `every`-th frame (sampleEvery). Both are counted in full-size frames
 * (measured: carrying a 1080p frame through the kernel costs about 1.7 ms of CPU on each side, decoding one about
 * 2.5 ms): holding costs fps / every frames a second of video; a picture taken after the pass costs decoding from
 * its GOP's key frame, on average half a GOP (gop · fps / 2 frames), KEYFRAMES_PER_SECOND times a second. So after
 * the pass when KEYFRAMES_PER_SECOND · gop · every < 2: at 1080p key frames up to 1.25 s apart at 25 fps, 1 s at 30,
 * 0.5 s at 60; at 4K (held 4 times less often, as its frames are 4 times larger) 0.3 s at 25 fps. Measured
 * (bench/README.md, "Pictures"): a 1-s GOP (1080p, 25 fps) +3-30 % after the pass against +26-34 % held; the hard-dev
 * clips (720p, 2-s GOP, 0.3-0.7 key frames a second) 1.75-2.04 × the decode after the pass, 1.44-1.74 × held; a 10-s
 * GOP +55 % after the pass against +23-34 % held.
 */
export function picturesAfterThePass(gop: number, every: number): boolean {
  return KEYFRAMES_PER_SECOND * gop * every < 2;
}

/**
 * Every how many decoded frames one is held (frame numbers that are multiples of it): SAMPLES_PER_SECOND, fewer for
 * pictures above SAMPLE_PIXELS. On the hard-dev and shared clips 59 of 60 key frames were then held frames (against
 * 52 at 2 a second and 46 at 1): a shot's sharpest frames come in runs, and a held one is seldom far from them.
 */
export function sampleEvery(info: Pick<VideoInfo, 'fps' | 'width' | 'height'>): number {
  const fps = Number.isFinite(info.fps) && info.fps > 0 ? info.fps : 25;
  const perSecond = SAMPLES_PER_SECOND * Math.min(1, SAMPLE_PIXELS / Math.max(1, info.width * info.height));
  return Math.max(1, Math.round(fps / perSecond));
}

/** The frames the decoding pass holds (every sampleEvery-th), which the key-frame choice prefers. */
export function heldFrame(info: Pick<VideoInfo, 'fps' | 'width' | 'height'>): (frame: number) => boolean {
  const every = sampleEvery(info);
  return (frame) => frame % every === 0;
}

export interface InPassPlan {
  every: number;
  width: number;
  height: number;
  pixelFormat: 'yuv420p' | 'yuvj420p';
  colour: YuvColour;
}

/**
 * Whether this video's key-frame pictures can come from the analysis pass: 8-bit 4:2:0 with a BT.601/BT.709 matrix
 * (the native converter), square pixels and no width cap (the decoded frame is the picture as shown); else the
 * reason, and every picture comes from the second pass as before.
 */
export function inPassPlan(info: VideoInfo, maxWidth?: number): InPassPlan | { reason: string } {
  const colour = yuvColourOf(info);
  if (!colour) return { reason: `pixel format ${info.pixelFormat ?? 'unknown'}${info.colorSpace ? `, ${info.colorSpace}` : ''} (or no native kernels)` };
  const turned = info.rotation === 90 || info.rotation === 270;
  const [width, height] = turned ? [info.codedHeight, info.codedWidth] : [info.codedWidth, info.codedHeight];
  if (width !== info.width || height !== info.height) return { reason: 'non-square pixels' };
  if (maxWidth && maxWidth < width) return { reason: 'a width cap' };
  return { every: sampleEvery(info), width, height, pixelFormat: info.pixelFormat as InPassPlan['pixelFormat'], colour };
}

/** Pictures written at a time (libuv's thread pool, where the conversion, sharp and the file system run, has 4). */
const LANES = 4;

export interface InPassOutput {
  /** Where the pictures are written (`inpass-<frame>.<ext>`), and their thumbnails (same name, .jpg). */
  dir: string;
  thumbDir: string;
  thumbWidth: number;
  format: 'jpeg' | 'png';
  quality?: number;
  /** Pool size in bytes (default POOL_BYTES). */
  poolBytes?: number;
}

export interface InPassPicture {
  frame: number;
  path: string;
  thumbnail: string;
  width: number;
  height: number;
}

export interface InPassStats {
  every: number;
  /** Frames the pool took, frames skipped because it was full of frames not yet analysed, frames pushed out. */
  held: number;
  skipped: number;
  evicted: number;
  /** Pictures written during the analysis, and of those the final key frames used. */
  written: number;
  used: number;
  settles: number;
  settleSeconds: number;
  peakPoolFrames: number;
  /** Why none of the pictures the pass wrote was used (a stream that changes size part-way). */
  invalid?: string;
}

export class InPassPictures {
  readonly output: FullFrameOutput;
  readonly stats: InPassStats;
  private readonly pool = new Map<number, Buffer>();
  private readonly free: Buffer[] = [];
  private readonly maxFrames: number;
  private buffers = 0;
  /**
   * The pool's memory: one allocation, sliced a frame at a time as the pool grows. A buffer per frame made V8 see
   * its external memory grow 1.4 MB (a 720p frame) at a time and run a full collection every few dozen frames (7
   * on a 33-s clip, against none without the pool); the pages of one large allocation are only taken as they are
   * first written, so it costs no more memory than the frames held.
   */
  private slab: Buffer | undefined;
  private readonly frameBytes: number;
  /** Pictures being or already written, by frame. */
  private readonly written = new Map<number, Promise<InPassPicture>>();
  /**
   * Pictures are converted and encoded in the background, LANES at a time: each spends part of its time waiting on
   * the file system, so two lanes left a two-core machine part idle.
   */
  private readonly queues: Array<Promise<unknown>> = Array.from({ length: LANES }, () => Promise.resolve());
  private turn = 0;
  /** Each lane's RGB picture, reused (a new one per picture made V8 collect the whole heap more often). */
  private readonly rgb: Buffer[] = [];
  private failure: unknown;
  private stopped = false;
  private discarded = false;
  private settledEnd = -1;
  /** Set when the decode says the held frames' numbers cannot be trusted: none of them is used. */
  private invalidReason: string | undefined;
  /** The mutual comparison over the settled shots' key frames (mutual.ts, as the final analysis runs it). */
  private mutual: MutualComparison<DetectedKeyFrame> | undefined;
  /** The frame count from which the next settle may run (once half the pool has come in since the last). */
  private nextSettle = 0;
  private readonly fps: number;
  /** The analysis' per-frame data, as it grows (analysed() hands them over). */
  private signals: ReadonlyArray<ShotSignal> = [];
  private frames: ReadonlyArray<ClusterFrame> = [];

  constructor(
    private readonly plan: InPassPlan,
    private readonly out: InPassOutput,
    private readonly info: VideoInfo,
    private readonly params: AnalysisParams,
    private readonly kernels: FeatureKernels,
  ) {
    this.frameBytes = yuv420Bytes(plan.width, plan.height);
    this.sampled = heldFrame(info);
    // Never more than the video has frames to hold (when its frame count is known).
    const held = info.frameCountIsEstimate || !(info.frameCount > 0) ? Infinity : Math.ceil(info.frameCount / plan.every) + 1;
    this.maxFrames = Math.max(MIN_POOL_FRAMES, Math.min(held, Math.floor((out.poolBytes ?? POOL_BYTES) / this.frameBytes)));
    this.fps = info.fps > 0 ? info.fps : 25;
    this.stats = { every: plan.every, held: 0, skipped: 0, evicted: 0, written: 0, used: 0, settles: 0, settleSeconds: 0, peakPoolFrames: 0 };
    this.output = {
      every: plan.every,
      width: plan.width,
      height: plan.height,
      pixelFormat: plan.pixelFormat,
      buffer: () => this.take(),
      invalid: (reason) => (this.invalidReason = reason),
      frame: (index, data) => {
        if (this.stopped) return this.release(data);
        this.pool.set(index, data);
        this.stats.held++;
        this.stats.peakPoolFrames = Math.max(this.stats.peakPoolFrames, this.buffers);
      },
    };
  }

    /** Whether the pass holds frame `i`'s picture (the key-frame choice prefers those: SAMPLED_SHARPNESS_SHARE). */
  private readonly sampled: (frame: number) => boolean;

  /** What the analysis holds so far (growing, in order): the pool settles shots from it when it fills. */
  analysed(signals: ReadonlyArray<ShotSignal>, frames: ReadonlyArray<ClusterFrame>): void {
    this.signals = signals;
    this.frames = frames;
  }

  /** False once the decode said the held frames' numbers cannot be trusted: none of them will be used. */
  get usable(): boolean {
    return !this.invalidReason;
  }

  /** Whether finish() will deliver frame i's picture (written, or still held), as it stands once the pass is over. */
  has(frame: number): boolean {
    return !this.invalidReason && (this.written.has(frame) || this.pool.has(frame));
  }

  /**
   * The final key frames' pictures this pass has: those written, and those still held (written now). Pictures of
   * other frames are removed. Rejects when writing one failed (a full disk: the job fails as the extraction would).
   */
  async finish(keyframes: ReadonlyArray<DetectedKeyFrame>): Promise<Map<number, InPassPicture>> {
    if (!this.invalidReason) for (const k of keyframes) if (!this.written.has(k.frame) && this.pool.has(k.frame)) this.write(k.frame);
    this.stopped = true;
    for (const [i, data] of this.pool) {
      this.pool.delete(i);
      this.release(data);
    }
    await Promise.all(this.queues);
    if (this.failure) throw this.failure;
    const wanted = new Set(this.invalidReason ? [] : keyframes.map((k) => k.frame));
    if (this.invalidReason) this.stats.invalid = this.invalidReason;
    const found = new Map<number, InPassPicture>();
    for (const [frame, picture] of this.written) {
      const p = await picture;
      if (wanted.has(frame)) found.set(frame, p);
      else await Promise.all([rm(p.path, { force: true }), rm(p.thumbnail, { force: true })]);
    }
    this.stats.used = found.size;
    this.free.length = 0;
    this.slab = undefined;
    this.rgb.length = 0;
    return found;
  }

  /** The analysis failed or was cancelled: nothing more is written (the caller discards the folder). */
  async discard(): Promise<void> {
    this.stopped = true;
    this.discarded = true;
    this.pool.clear();
    this.free.length = 0;
    this.slab = undefined;
    this.rgb.length = 0;
    await Promise.all(this.queues);
  }

  private take(): Buffer | undefined {
    if (this.stopped) return undefined;
    const reused = this.free.pop();
    if (reused) return reused;
    if (this.buffers < this.maxFrames) {
      this.slab ??= Buffer.allocUnsafeSlow(this.maxFrames * this.frameBytes);
      const start = this.buffers++ * this.frameBytes;
      return this.slab.subarray(start, start + this.frameBytes);
    }
    // Full: the shots that cannot change any more give up their frames, their key frames' pictures written. Again
    // only once half the pool has come in since: within one long shot nothing can be given up.
    const n = this.signals.length;
    if (n >= this.nextSettle) {
      this.nextSettle = n + Math.max(1, Math.floor(this.maxFrames / 2)) * this.plan.every;
      const t = performance.now();
      this.settle(n);
      this.stats.settles++;
      this.stats.settleSeconds += (performance.now() - t) / 1000;
      const freed = this.free.pop();
      if (freed) return freed;
    }
    // Still full: the least sharp frame analysed so far goes (a frame not yet analysed has no sharpness to judge by).
    let worst: number | undefined;
    for (const i of this.pool.keys()) {
      const s = this.frames[i]?.sharpness;
      if (s === undefined) continue;
      if (worst === undefined || s < (this.frames[worst].sharpness as number)) worst = i;
    }
    if (worst === undefined) {
      this.stats.skipped++;
      return undefined;
    }
    const data = this.pool.get(worst) as Buffer;
    this.pool.delete(worst);
    this.stats.evicted++;
    return data;
  }

  private release(data: Buffer): void {
    if (!this.stopped) this.free.push(data);
    else this.buffers--;
  }

  /** Runs the detector over the recent frames and settles every shot that ended LAG_SECONDS before frame n. */
  private settle(n: number): void {
    const { params, info, frames, signals } = this;
    const limit = n - framesOf(LAG_SECONDS, this.fps);
    if (limit <= this.settledEnd + 1) return;
    const from = Math.max(0, this.settledEnd + 1 - framesOf(MARGIN_SECONDS, this.fps));
    const { shots, fading, inTransition } = frameStructure(signals.slice(from, n), frames.slice(from, n), info, params);
    for (let s = 0; s < shots.length - 1; s++) {
      const start = Math.max(shots[s].startFrame + from, this.settledEnd + 1);
      const end = shots[s].endFrame + from;
      if (end < start) continue;
      if (end >= limit) break;
      // The shot's frames as the final analysis marks them: fade ramps and dissolve windows are no key frames.
      const view: ClusterFrame[] = [];
      for (let i = start; i <= end; i++) {
        view[i] = { ...frames[i], fading: fading[i - from], transition: inTransition[i - from] };
      }
      const shot: Shot = { index: 0, startFrame: start, endFrame: end, startTime: signals[start].time, endTime: signals[end].time };
      // The mutual comparison drops here exactly what the final one will (the same code, a shot at a time): its
      // repeats of earlier key frames (a reverse angle) are not written.
      const chosen = keyframesOfShots([shot], view, this.kernels, params, undefined, this.sampled);
      // On the analysis' data as it is at each comparison.
      this.mutual ??= new MutualComparison<DetectedKeyFrame>(
        (a, b) => this.kernels.frameSimilarity(this.frames[a.frame].features, this.frames[b.frame].features, params),
        params.duplicateSimilarity,
        samePictureTest(() => this.signals),
      );
      for (const k of this.mutual.shot(chosen, true).kept) if (this.pool.has(k.frame)) this.write(k.frame);
      for (const i of [...this.pool.keys()]) {
        if (i > end) continue;
        this.release(this.pool.get(i) as Buffer);
        this.pool.delete(i);
      }
      this.settledEnd = end;
    }
  }

  /** Converts and writes frame i's picture and thumbnail in the background, on one of the lanes. */
  private write(i: number): void {
    const data = this.pool.get(i) as Buffer;
    this.pool.delete(i);
    const { width, height, colour } = this.plan;
    const ext = this.out.format === 'png' ? 'png' : 'jpg';
    const name = `inpass-${String(i).padStart(6, '0')}`;
    const picture: InPassPicture = { frame: i, path: join(this.out.dir, `${name}.${ext}`), thumbnail: join(this.out.thumbDir, `${name}.jpg`), width, height };
    const lane = this.turn++ % this.queues.length;
    const job = this.queues[lane].then(async () => {
      let rgb: Uint8Array;
      try {
        // After a failure (a full disk) or a cancel nothing more is written; the buffer goes back either way.
        if (this.failure) throw this.failure;
        if (this.discarded) throw new Error('discarded');
        // Off the JavaScript thread, which meanwhile drains the decoder's pipes (or starts the second pass).
        // Each lane converts into its own buffer, again and again (its picture is encoded before the next).
        rgb = await yuv420ToRgbAsync(data, width, height, colour, (this.rgb[lane] ??= Buffer.allocUnsafeSlow(width * height * 3)));
      } finally {
        this.release(data);
      }
      const { bytes, thumb } = await encodeFramePicture(rgb, { width, height }, this.out.format, {
        quality: this.out.quality,
        thumbWidth: this.out.thumbWidth,
        // The held frames are the stream's own 4:2:0 bytes at their decoded size.
        halfChroma: true,
      });
      await mkdir(this.out.thumbDir, { recursive: true });
      // Into the staging folder, whose commit syncs every file before the swap.
      await writeFileAtomic(picture.path, bytes, { sync: false });
      await writeFileAtomic(picture.thumbnail, thumb as Buffer, { sync: false });
      this.stats.written++;
      return picture;
    });
    job.catch((e) => (this.failure ??= e));
    this.queues[lane] = job.catch(() => undefined);
    this.written.set(i, job);
  }
}
