import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import type { VideoInfo } from '../../../app/video';
import { CancelledError, forEachConcurrently, throwIfAborted } from '../jobs';
import { writeFileAtomic } from '../store/atomic-file';
import { ffmpegFeatures } from './ffmpeg-features';
import { grabFrames, type GrabbedFrame, type GrabOptions, type GrabWindow } from './grab-frames';
import { encoderFor, type ImageFormat } from './image-io';
import { locateFfmpeg } from './locate-ffmpeg';
import { assertReadableFile, probeVideo } from './probe';
import { inputArg, runTool } from './run-tool';
import { sharp } from './sharp-instance';
import { LineSplitter, ShowinfoReader } from './showinfo';
import { classifyFailure, diagnosticLines, VideoError } from './video-error';
import { yuvColourOf } from './yuv-native';

export interface FrameRequest {
  /** Decoded-frame index, as streamFrames numbered it (used for the file name and echoed back). */
  frame: number;
  /** The frame's time from streamFrames (seconds from the first frame): this is what selects the frame. */
  time: number;
  /** Where to write this frame; default `<outDir>/frame-<index>.<ext>`. */
  outPath?: string;
}

export interface ThumbnailOptions {
  /** Folder the thumbnails go in, each named after its picture (with .jpg). */
  dir: string;
  /** Thumbnail width in px (default 320); the height follows the picture's aspect. */
  width?: number;
}

export interface ExtractFramesOptions extends JobContext {
  format: ImageFormat;
  /** JPEG / WebP quality 1..100. */
  quality?: number;
  outDir?: string;
  /** Shrink wider frames to this width (aspect kept); default full display resolution. */
  maxWidth?: number;
  info?: VideoInfo;
  /**
   * true (default): each request's time is a frame's own time (from streamFrames) and exactly that frame is taken.
   * false: the time is any moment (a slider) and the first frame at or after it is taken.
   */
  exact?: boolean;
  /** Also write a small JPEG of each frame, from the same decoded pixels. */
  thumbnails?: ThumbnailOptions;
  /**
   * Times of the stream's key frames (as streamFrames times them, sorted), when known (the analysis' decoding
   * pass saw them): frames after the same key frame are then taken in one run, which decodes that stretch once,
   * and a run is started wherever that costs less than decoding on.
   */
  syncTimes?: readonly number[];
}

export interface ExtractedFrame {
  frame: number;
  time: number;
  /** The chosen frame's own time (equals `time` up to rounding of the request). */
  actualTime: number;
  path: string;
  width: number;
  height: number;
  /** Its thumbnail, when thumbnails were asked for. */
  thumbnail?: string;
  /** True when a fast input seek found the frame; false when it had to be decoded from the start. */
  seeked: boolean;
}

const RUN_TIMEOUT_MS = 120_000;
/**
 * Seek this far before a group's first frame: a demuxer with an index (MP4, MOV, MKV with cues) lands on the key
 * frame at or before it, so no margin is needed and none of the group's GOP is decoded twice; one without an index
 * may land late, which is seen (the first frame is missing) and retried 2 s further back, then from the start.
 */
const SEEK_MARGINS_S = [0, 2];
/** For any moment (a slider), frames up to this long after it qualify. */
const MOMENT_SPAN_S = 1;
/**
 * Requests closer than this to the previous one share one decoding run: decoding 2 s of video costs about what a
 * seek does (a seek lands on the key frame before the target, typically 0.5-2 s earlier in camera and phone files).
 */
const JOIN_GAP_S = 2;
export const DEFAULT_THUMB_WIDTH = 320;
/**
 * What starting a decoding run costs (ffmpeg's start, probe and seek, about 20 ms of CPU), in seconds of video
 * decoded instead (about 8 frames of 1080p at 25 fps).
 */
const RUN_COST_S = 0.3;
/** Decoding runs side by side (memory: each holds a couple of frames at most). */
const RUNS_AT_ONCE = 2;
/**
 * Decoder threads per run: the cores shared among the runs there are (RUNS_AT_ONCE at most). Frame threading has
 * each run decode a frame or two past its last wanted one and start threads it hardly uses; with one thread each,
 * two runs on two cores took 17-19 % less CPU and time than with ffmpeg's own choice (bench/README.md, "Pictures").
 * A lone run (one key frame left for the second pass) has them all.
 */
const threadsPerRun = (runs: number) => Math.max(1, Math.floor(availableParallelism() / Math.max(1, Math.min(RUNS_AT_ONCE, runs))));

/**
 * A key frame's picture file and its thumbnail (a small JPEG, `thumbWidth` wide) from the same RGB24 pixels: what
 * the extraction writes, and what the analysis pass writes of the frames it held (keyframes/inpass-pictures.ts).
 */
export async function encodeFramePicture(
  rgb: Uint8Array,
  size: { width: number; height: number },
  format: ImageFormat,
  opts: { quality?: number; thumbWidth?: number; halfChroma?: boolean } = {},
): Promise<{ bytes: Buffer; thumb?: Buffer }> {
  const { quality, thumbWidth, halfChroma } = opts;
  const raw = () => sharp(rgb, { raw: { width: size.width, height: size.height, channels: 3 } });
  const [bytes, thumb] = await Promise.all([
    encoderFor(raw(), format, { quality, fast: true, halfChroma }).toBuffer(),
    thumbWidth ? raw().resize({ width: thumbWidth, kernel: 'lanczos3' }).jpeg({ quality: 82 }).toBuffer() : undefined,
  ]);
  return { bytes, thumb };
}

/** The first video frame's own timestamp (-copyts: as stored), the origin of streamFrames' times. */
async function firstFrameTimestamp(path: string, signal?: AbortSignal): Promise<number> {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-copyts', '-i', inputArg(path), '-map', '0:V:0'];
  args.push('-frames:v', '1', '-vf', 'showinfo', '-f', 'null', '-');
  const r = await runTool(locateFfmpeg().path, args, { signal, timeoutMs: RUN_TIMEOUT_MS });
  const reader = new ShowinfoReader();
  const time = new LineSplitter().push(`${r.stderr}\n`).map((l) => reader.read(l)).find((f) => f)?.time;
  if (time === undefined) {
    const { code, cause } = classifyFailure(r.stderr);
    throw new VideoError(code, path, cause, diagnosticLines(r.stderr));
  }
  return time;
}

/** Output size: the display size (SAR and rotation applied), optionally capped in width. */
function outputSize(info: VideoInfo, maxWidth?: number): { width: number; height: number } {
  if (!maxWidth || maxWidth >= info.width) return { width: info.width, height: info.height };
  return { width: Math.round(maxWidth), height: Math.max(1, Math.round((maxWidth * info.height) / info.width)) };
}

/** The decoded frame's size once upright (a stream rotated a quarter turn has its sides swapped). */
function uprightDecodedSize(info: Pick<VideoInfo, 'codedWidth' | 'codedHeight' | 'rotation'>): [number, number] {
  const turned = info.rotation === 90 || info.rotation === 270;
  return turned ? [info.codedHeight, info.codedWidth] : [info.codedWidth, info.codedHeight];
}

/**
 * swscale's flags for the RGB conversion. At the decoded size (the common case: square pixels, no width cap) only
 * the chroma planes are interpolated (2× for 4:2:0), and bilinear interpolation, the usual reconstruction for that, costs
 * half of lanczos' (about 10 ms against 22 ms a 1080p frame here); a frame resized (anamorphic pixels, a width
 * cap) keeps lanczos for its luma. Both with accurate rounding and full chroma interpolation, not swscale's
 * fast approximate path.
 */
export function swsFlagsFor(info: Pick<VideoInfo, 'codedWidth' | 'codedHeight' | 'rotation'>, size: { width: number; height: number }): string {
  const [w, h] = uprightDecodedSize(info);
  const kernel = size.width === w && size.height === h ? 'bilinear' : 'lanczos';
  return `${kernel}+accurate_rnd+full_chroma_int`;
}

/**
 * Whether the frames can leave ffmpeg as they are decoded (the stream's own 4:2:0 bytes, converted to RGB natively:
 * GrabOptions.yuv): the picture is the decoded frame at its own size (square pixels, no width cap), in a matrix the
 * native converter knows. Else undefined, and swscale converts (and resamples).
 */
export function directYuv(info: VideoInfo, size: { width: number; height: number }): GrabOptions['yuv'] {
  const colour = yuvColourOf(info);
  if (!colour || (info.pixelFormat !== 'yuv420p' && info.pixelFormat !== 'yuvj420p')) return undefined;
  const [w, h] = uprightDecodedSize(info);
  if (w !== size.width || h !== size.height) return undefined;
  // An odd width or height: swscale spreads the last chroma sample over the edge differently (3-6 levels on average
  // on testsrc), so such rare sizes keep its conversion and the pictures stay as they were.
  if (w % 2 || h % 2) return undefined;
  return { pixelFormat: info.pixelFormat, colour };
}

/**
 * Whether the picture's colour is at half resolution, as the video stores it: a 4:2:0 stream (8 or more bits, planar
 * or semi-planar) written at its decoded size or larger (upright, anamorphic pixels widened). A picture scaled down
 * from it (a width cap) has colour at full resolution again, as does a 4:2:2 or 4:4:4 stream.
 */
export function halfChromaOf(info: Pick<VideoInfo, 'pixelFormat' | 'codedWidth' | 'codedHeight' | 'rotation'>, size: { width: number; height: number }): boolean {
  if (!/^(yuvj?420p|nv12|nv21|p010|p016)/.test(info.pixelFormat ?? '')) return false;
  const [w, h] = uprightDecodedSize(info);
  return size.width >= w && size.height >= h;
}

/**
 * Where a run's fast seek (-noaccurate_seek: it lands on the key frame at or before the point) aims for its first
 * window. An exact frame: the window's end, so that a frame that is itself a key frame is decoded alone (aimed at
 * the window's start, half a frame early, the seek landed on the key frame before it and decoded a whole GOP for
 * it); any other frame lands on the key frame before it either way. Any moment: the moment itself.
 */
export function seekPoint(first: GrabWindow, exact: boolean): number {
  return exact ? first.to : first.from;
}

/** The last of the sorted `times` at or before `t` (a frame's own key frame), or undefined. */
function lastAtOrBefore(times: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = times.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t + 1e-6) {
      found = times[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Consecutive requests (in time order) that one decoding run serves. With the key frames known, a request joins
 * the run before it when decoding on from that run's last frame costs no more than a run of its own (its start,
 * then decoding from its key frame): always when both follow the same key frame. Without them, requests closer
 * than JOIN_GAP_S share a run.
 */
export function groupsOf<T extends { target: number; time: number }>(sorted: T[], exact: boolean, syncTimes?: readonly number[]): T[][] {
  const groups: T[][] = [];
  for (const r of sorted) {
    const last = groups[groups.length - 1];
    // Any moment (a slider) takes the first frame at or after it: one request per run, so frames cannot be shared.
    if (!exact || !last) {
      groups.push([r]);
      continue;
    }
    const through = r.target - last[last.length - 1].target;
    const sync = syncTimes?.length ? lastAtOrBefore(syncTimes, r.time) : undefined;
    const join = sync === undefined ? through <= JOIN_GAP_S : through <= r.time - sync + RUN_COST_S;
    if (join) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

/**
 * Writes the exact decoded frames asked for, at full (display) resolution, upright and with square pixels, and
 * their thumbnails from the same pixels. Frames close together in time share one ffmpeg decoding run (a fast
 * input seek to the key frame at or before the first of them, then every frame decoded up to the last, and no
 * further); each frame is found
 * by its timestamp, so it is the same frame streamFrames delivered, on constant or variable frame rate alike. The
 * raw frames come through a pipe and are encoded in-process by sharp.
 */
export async function extractFrames(path: string, requests: FrameRequest[], opts: ExtractFramesOptions): Promise<ExtractedFrame[]> {
  throwIfAborted(opts.signal);
  const bad = requests.find((r) => !Number.isFinite(r.time) || r.time < 0);
  if (bad) throw new RangeError(`extractFrames: frame ${bad.frame} has no valid time (${bad.time})`);
  if (!opts.outDir && requests.some((r) => !r.outPath)) throw new TypeError('extractFrames needs outDir or an outPath per request');
  if (!requests.length) return [];
  await assertReadableFile(path);
  const info = opts.info ?? (await probeVideo(path, { signal: opts.signal }));
  const origin = await firstFrameTimestamp(path, opts.signal);
  if (opts.thumbnails) await mkdir(opts.thumbnails.dir, { recursive: true });
  const size = outputSize(info, opts.maxWidth);
  const swsFlags = swsFlagsFor(info, size);
  const yuv = directYuv(info, size);
  const halfChroma = halfChromaOf(info, size);
  const exact = opts.exact !== false;
  // Half the nominal frame spacing at most: tolerates rounded request times, never reaches the neighbour frames.
  const tolerance = Math.min(0.4 / Math.max(info.fps, info.averageFps), 0.02);
  // The window a frame taken may fall in: half a frame either side; for any moment, from the moment itself (less
  // a millisecond of rounding) up to MOMENT_SPAN_S after it.
  const early = exact ? tolerance : 0.001;
  const late = exact ? tolerance : MOMENT_SPAN_S;
  const ext = opts.format === 'png' ? 'png' : opts.format === 'webp' ? 'webp' : 'jpg';
  const counting = exact ? undefined : (await ffmpegFeatures()).showinfo;
  const items = requests
    .map((r, i) => ({ r, i, time: r.time, target: origin + r.time }))
    .sort((a, b) => a.target - b.target);
  const out: ExtractedFrame[] = new Array(requests.length);
  let done = 0;

  const write = async (item: (typeof items)[number], frame: GrabbedFrame, seeked: boolean) => {
    const file = item.r.outPath ?? join(opts.outDir as string, `frame-${String(item.r.frame).padStart(6, '0')}.${ext}`);
    const { bytes, thumb } = await encodeFramePicture(frame.data, size, opts.format, {
      quality: opts.quality,
      thumbWidth: opts.thumbnails && (opts.thumbnails.width ?? DEFAULT_THUMB_WIDTH),
      halfChroma,
    });
    if (opts.signal?.aborted) throw new CancelledError();
    await writeFileAtomic(file, bytes);
    let thumbnail: string | undefined;
    if (thumb && opts.thumbnails) {
      thumbnail = join(opts.thumbnails.dir, `${basename(file, extname(file))}.jpg`);
      await writeFileAtomic(thumbnail, thumb);
    }
    out[item.i] = { frame: item.r.frame, time: item.r.time, actualTime: frame.time - origin, path: file, ...size, thumbnail, seeked };
    done++;
    opts.onProgress?.({ stage: 'extract', done, total: requests.length, fraction: done / requests.length });
  };

  // Runs in time order, two at a time (each spends part of its time starting, probing and seeking, on one core),
  // so a cancel leaves the earliest frames done.
  const groups = groupsOf(items, exact, opts.syncTimes);
  await forEachConcurrently(groups, RUNS_AT_ONCE, async (group) => {
    throwIfAborted(opts.signal);
    const windows: GrabWindow[] = group.map((g) => ({ from: g.target - early, to: g.target + late }));
    const written = group.map(() => false);
    // -ss counts from the file's start time; the video stream's start is never earlier, so this errs early.
    const seeks = SEEK_MARGINS_S.map((m) => seekPoint(windows[0], exact) - info.startTime - m).filter((t) => t > 0);
    let seeked = false;
    // Exact frames are written as they come (a frame inside its window is the frame, wherever the seek landed);
    // a moment's frame only once the run says the seek did not skip frames before it.
    const onFrame = exact
      ? async (k: number, f: GrabbedFrame) => {
          if (written[k]) return;
          written[k] = true;
          await write(group[k], f, seeked);
        }
      : undefined;
    let got: Awaited<ReturnType<typeof grabFrames>> | undefined;
    for (const seek of [...seeks, undefined]) {
      seeked = seek !== undefined;
      got = await grabFrames(path, windows, { ...size, swsFlags, yuv, threads: threadsPerRun(groups.length), seek, counting, firstOnly: !exact, signal: opts.signal, onFrame });
      // A seek that landed after a target skipped frames: try further back, then from the start.
      const landedLate = exact ? got.found.some((f) => !f) : got.firstDecoded === undefined || got.firstDecoded >= windows[0].from;
      if (!seeked || !landedLate) break;
    }
    got = got!;
    throwIfAborted(opts.signal);
    for (let k = 0; k < group.length; k++) {
      if (!exact && got.frames[k]) await write(group[k], got.frames[k]!, seeked);
      else if (!got.found[k]) {
        const r = group[k].r;
        const why = got.code !== 0 ? ` (${classifyFailure(got.stderr).cause})` : '';
        throw new VideoError('DECODE_FAILED', path, `no frame ${r.frame} at ${r.time.toFixed(3)} s${why}`, diagnosticLines(got.stderr));
      }
    }
  });
  return out;
}
