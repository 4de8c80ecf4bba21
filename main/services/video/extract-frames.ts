import { join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import type { VideoInfo } from '../../../app/video';
import { CancelledError, forEachConcurrently, throwIfAborted } from '../jobs';
import { writeFileAtomic } from '../store/atomic-file';
import { imageCodecArgs, type ImageFormat } from './image-io';
import { ffmpegFeatures } from './ffmpeg-features';
import { locateFfmpeg } from './locate-ffmpeg';
import { assertReadableFile, probeVideo } from './probe';
import { inputArg, runTool } from './run-tool';
import { LineSplitter, ShowinfoReader, type ShowinfoFrame } from './showinfo';
import { classifyFailure, diagnosticLines, VideoError } from './video-error';

export interface FrameRequest {
  /** Decoded-frame index, as streamFrames numbered it (used for the file name and echoed back). */
  frame: number;
  /** The frame's time from streamFrames (seconds from the first frame): this is what selects the frame. */
  time: number;
  /** Where to write this frame; default `<outDir>/frame-<index>.<ext>`. */
  outPath?: string;
}

export interface ExtractFramesOptions extends JobContext {
  format: ImageFormat;
  /** JPEG quality 1..100. */
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
}

export interface ExtractedFrame {
  frame: number;
  time: number;
  /** The chosen frame's own time (equals `time` up to rounding of the request). */
  actualTime: number;
  path: string;
  width: number;
  height: number;
  /** True when a fast input seek found the frame; false when it had to be decoded from the start. */
  seeked: boolean;
}

const RUN_TIMEOUT_MS = 120_000;
const EXTRACT_CONCURRENCY = 2;
/** Seek this far before the target: some demuxers land a little late. */
const SEEK_MARGIN_S = 1;

/** The first video frame's own timestamp (-copyts: as stored), the origin of streamFrames' times. */
async function firstFrameTimestamp(path: string, signal?: AbortSignal): Promise<number> {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-copyts', '-i', inputArg(path), '-map', '0:V:0'];
  args.push('-frames:v', '1', '-vf', 'showinfo', '-f', 'null', '-');
  const r = await runTool(locateFfmpeg().path, args, { signal, timeoutMs: RUN_TIMEOUT_MS });
  const time = showinfoFrames(r.stderr)[0]?.time;
  if (time === undefined) {
    const { code, cause } = classifyFailure(r.stderr);
    throw new VideoError(code, path, cause, diagnosticLines(r.stderr));
  }
  return time;
}

function showinfoFrames(stderr: string): ShowinfoFrame[] {
  const reader = new ShowinfoReader();
  return new LineSplitter()
    .push(`${stderr}\n`)
    .map((l) => reader.read(l))
    .filter((f): f is ShowinfoFrame => f !== undefined);
}

/** Output size: the display size (SAR and rotation applied), optionally capped in width. */
function outputSize(info: VideoInfo, maxWidth?: number): { width: number; height: number } {
  if (!maxWidth || maxWidth >= info.width) return { width: info.width, height: info.height };
  return { width: Math.round(maxWidth), height: Math.max(1, Math.round((maxWidth * info.height) / info.width)) };
}

/**
 * Writes the exact decoded frames asked for, at full (display) resolution, upright. Each frame is found by
 * its timestamp: a fast input seek to shortly before it, then the first frame whose pts reaches the target,
 * so it is the same frame streamFrames delivered, on constant or variable frame rate alike.
 */
export async function extractFrames(
  path: string,
  requests: FrameRequest[],
  opts: ExtractFramesOptions,
): Promise<ExtractedFrame[]> {
  throwIfAborted(opts.signal);
  const bad = requests.find((r) => !Number.isFinite(r.time) || r.time < 0);
  if (bad) throw new RangeError(`extractFrames: frame ${bad.frame} has no valid time (${bad.time})`);
  if (!opts.outDir && requests.some((r) => !r.outPath)) throw new TypeError('extractFrames needs outDir or an outPath per request');
  await assertReadableFile(path);
  const info = opts.info ?? (await probeVideo(path, { signal: opts.signal }));
  const origin = await firstFrameTimestamp(path, opts.signal);
  const { width, height } = outputSize(info, opts.maxWidth);
  // Half the nominal frame spacing at most: tolerates rounded request times, never reaches the previous frame.
  const tolerance = Math.min(0.4 / Math.max(info.fps, info.averageFps), 0.02);
  // The window around the target the frame taken may fall in: half a frame either side; for any moment, from the
  // moment itself (less a millisecond of rounding) up to the seek margin after it.
  const early = opts.exact === false ? 0.001 : tolerance;
  const slack = opts.exact === false ? SEEK_MARGIN_S : tolerance;
  const ext = opts.format === 'png' ? 'png' : 'jpg';
  // The showinfo that sees every frame decoded up to a moment: without checksums where the build allows.
  const counting = opts.exact === false ? (await ffmpegFeatures()).showinfo : 'showinfo';
  const out: ExtractedFrame[] = new Array(requests.length);
  let done = 0;
  const extractOne = async (r: FrameRequest, i: number) => {
    throwIfAborted(opts.signal);
    const target = origin + r.time;
    // For any moment, a showinfo before the select also reports the first frame decoded: a seek that landed at or
    // after the moment may have skipped frames that qualified.
    const before = opts.exact === false ? `${counting},` : '';
    const filters = `${before}select='gte(t\\,${(target - early).toFixed(6)})',showinfo,scale=${width}:${height},setsar=1`;
    const grab = async (seek: number | undefined) => {
      const args = ['-hide_banner', '-nostdin', '-nostats', '-copyts'];
      // -ss counts from the file's start time; the video stream's start is never earlier, so this errs early.
      if (seek !== undefined) args.push('-noaccurate_seek', '-ss', seek.toFixed(6));
      args.push('-i', inputArg(path), '-map', '0:V:0', '-frames:v', '1', '-vf', filters);
      args.push('-sws_flags', 'lanczos+accurate_rnd+full_chroma_int', ...imageCodecArgs(opts.format, opts.quality));
      args.push('-f', 'image2pipe', 'pipe:1');
      const res = await runTool(locateFfmpeg().path, args, { signal: opts.signal, timeoutMs: RUN_TIMEOUT_MS });
      const frames = showinfoFrames(res.stderr);
      if (!before) return { res, chosen: frames[0], first: frames[0] };
      return { res, chosen: frames.find((f) => f.filter !== frames[0].filter), first: frames[0] };
    };
    const seek = target - info.startTime - SEEK_MARGIN_S;
    let seeked = seek > 0;
    let { res, chosen, first } = await grab(seeked ? seek : undefined);
    const landedLate = before !== '' && first?.time !== undefined && first.time >= target - early;
    if (seeked && (!chosen || chosen.time === undefined || chosen.time > target + slack || landedLate)) {
      seeked = false; // the seek overshot: decode from the start instead
      ({ res, chosen } = await grab(undefined));
    }
    if (opts.signal?.aborted) throw new CancelledError();
    if (!chosen || chosen.time === undefined || chosen.time < target - early || chosen.time > target + slack || res.stdout.length === 0) {
      const found = chosen?.time !== undefined ? `; the nearest later frame is at ${(chosen.time - origin).toFixed(3)} s` : '';
      const why = res.code !== 0 ? ` (${classifyFailure(res.stderr).cause})` : '';
      throw new VideoError('DECODE_FAILED', path, `no frame ${r.frame} at ${r.time.toFixed(3)} s${found}${why}`, diagnosticLines(res.stderr));
    }
    const file = r.outPath ?? join(opts.outDir as string, `frame-${String(r.frame).padStart(6, '0')}.${ext}`);
    await writeFileAtomic(file, res.stdout);
    out[i] = { frame: r.frame, time: r.time, actualTime: chosen.time - origin, path: file, width, height, seeked };
    done++;
    opts.onProgress?.({ stage: 'extract', done, total: requests.length, fraction: done / requests.length });
  };
  // Each grab decodes from the key frame before its target: mostly waiting on one ffmpeg at a time, so two run
  // side by side (in time order, so a cancel leaves the earliest frames done).
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.time - b.r.time);
  await forEachConcurrently(order, EXTRACT_CONCURRENCY, ({ r, i }) => extractOne(r, i));
  return out;
}
