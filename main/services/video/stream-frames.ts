import { closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { JobContext } from '../../../app/progress';
import type { RgbFrame, VideoInfo } from '../../../app/video';
import { CancelledError, throwIfAborted } from '../jobs';
import { FfmpegFramePipe } from './ffmpeg-frame-pipe';
import { ffmpegFeatures } from './ffmpeg-features';
import { filmstripArgs, type FilmstripOutput } from './filmstrip-output';
import { fullFrameBranch, fullFrameOutputArgs, readFullFrames, readFullFramesFd, type FullFrameOutput, type FullFramesEnd } from './full-frame-output';
import { bigFramePipe } from './yuv-native';
import { bufferFrames, type FrameSource } from './frame-source';
import { locateFfmpeg } from './locate-ffmpeg';
import { assertReadableFile, probeVideo } from './probe';
import { inputArg } from './run-tool';
import { classifyFailure, VideoError } from './video-error';
import { analysisSize } from './video-geometry';

export interface StreamFramesOptions extends JobContext {
  /** Analysis width in pixels; the height follows the display aspect (after SAR and rotation), rounded to even. */
  width: number;
  /** From probeVideo, when the caller already has it (saves one ffprobe run). */
  info?: VideoInfo;
  /** Called for each warning as it is added to `warnings`. */
  onWarning?: (message: string) => void;
  /** A running (not back-pressured) ffmpeg silent this long is killed as hung. Default 60 s. */
  stallTimeoutMs?: number;
  /** Also write the filmstrip's sheets from the same decode (the folder must exist). */
  filmstrip?: FilmstripOutput;
  /** Also hand out every so many decoded frames at full size from the same decode (full-frame-output.ts). */
  fullFrames?: FullFrameOutput;
}

/**
 * Decoder threads: one per core. ffmpeg's own choice is cores + 1, which leaves nothing for whoever reads the frames
 * (the analysis computes features on a thread of its own as they arrive): on 2 cores its 3 decoding threads and our
 * reader preempt each other, and the analysis of a 150 s 1080p clip took 10 % longer than with 2. Frame threading
 * does not change the decoded pictures. (The decode-speed reference keeps ffmpeg's own choice.)
 */
function decodeThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The decoding arguments shared with the decode-speed reference, so the two measure the same work. The scaler's
 * flags are the scale filter's own: `-sws_flags` reaches only a simple (-vf) graph, and a -filter_complex graph (the
 * decode that also writes the filmstrip) would scale with swscale's default bicubic instead: other pixels, so other
 * features than the same video analysed without a filmstrip, and about a third more of ffmpeg's CPU time.
 */
export function scaleArgs(width: number, height: number, passthrough: string[]): string[] {
  return ['-vf', `scale=${width}:${height}:flags=fast_bilinear,format=rgb24`, ...passthrough];
}

/** Frames of one decode; `warnings` fills while iterating (skipped or damaged data) and is complete at the end. */
export interface FrameStream extends AsyncIterable<RgbFrame> {
  readonly warnings: string[];
}

/** One decoded frame as a FrameSource delivered it (`item`: its pixels, or what was computed from them). */
export interface DecodedFrame<T> {
  index: number;
  /** Presentation time in seconds relative to the first frame (see streamFrames). */
  time: number;
  width: number;
  height: number;
  item: T;
  /** A key frame of the stream (decoding can start there: what a seek lands on). */
  key?: boolean;
}

export interface DecodedStream<T> extends AsyncIterable<DecodedFrame<T>> {
  readonly warnings: string[];
}

/**
 * Decodes every frame of a video once, in order, at analysis resolution, upright, as RGB24, through one ffmpeg
 * process and a pipe. `time` is the frame's own presentation time relative to the first frame (correct on
 * variable-frame-rate video). Ends on damaged input, with what could be decoded and `warnings` saying what was not;
 * throws VideoError when nothing could be decoded, CancelledError when the signal fires.
 */
export function streamFrames(path: string, opts: StreamFramesOptions): FrameStream {
  const decoded = streamDecoded(path, opts, (width, height) => bufferFrames(width * height * 3));
  return { warnings: decoded.warnings, [Symbol.asyncIterator]: () => asRgbFrames(decoded) };
}

async function* asRgbFrames(decoded: DecodedStream<Buffer>): AsyncGenerator<RgbFrame> {
  for await (const { item, ...frame } of decoded) yield { ...frame, data: item };
}

/**
 * streamFrames with the frames delivered by a FrameSource of the caller's, made once the analysis size is known
 * (e.g. features computed natively from ffmpeg's output, the frames never passing through JavaScript). Same times,
 * warnings, errors, cancellation and progress.
 */
export function streamDecoded<T>(
  path: string,
  opts: StreamFramesOptions,
  makeSource: (width: number, height: number) => FrameSource<T>,
): DecodedStream<T> {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    opts.onWarning?.(message);
  };
  return { warnings, [Symbol.asyncIterator]: () => decode(path, opts, warn, makeSource) };
}

async function* decode<T>(
  path: string,
  opts: StreamFramesOptions,
  warn: (m: string) => void,
  makeSource: (width: number, height: number) => FrameSource<T>,
): AsyncGenerator<DecodedFrame<T>> {
  const { signal, onProgress } = opts;
  if (!(opts.width >= 2)) throw new RangeError(`streamFrames: width must be at least 2 pixels, got ${opts.width}`);
  throwIfAborted(signal);
  await assertReadableFile(path);
  const info = opts.info ?? (await probeVideo(path, { signal }));
  const { width, height } = analysisSize(info, opts.width);
  const { passthrough, showinfo } = await ffmpegFeatures();
  throwIfAborted(signal);
  // No -copyts here: without it ffmpeg repairs the clock jumps of MPEG-TS (cameras' .mts, joined segments, broadcast
  // recordings), so the times stay continuous; with it a 4-s file of two joined clips read as 95 000 s long.
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info'];
  args.push('-threads', String(decodeThreads()), '-i', inputArg(path));
  const decodeArgs = scaleArgs(width, height, passthrough);
  decodeArgs[decodeArgs.indexOf('-vf') + 1] += `,${showinfo}`;
  const { filmstrip, fullFrames } = opts;
  const outputs: string[] = [];
  if (filmstrip || fullFrames) {
    // One decode, split: the analysis frames (as before, to pipe:1), the filmstrip's sheets, the full-size frames.
    const chain = decodeArgs.splice(decodeArgs.indexOf('-vf'), 2)[1];
    const labels = ['[analysis]', ...(filmstrip ? ['[strip]'] : []), ...(fullFrames ? ['[full]'] : [])];
    const graph = [`[0:V:0]split=${labels.length}${labels.join('')}`, `[analysis]${chain}[frames]`];
    if (filmstrip) {
      const strip = filmstripArgs(filmstrip, passthrough);
      graph.push(strip.branch);
      outputs.push(...strip.output);
    }
    if (fullFrames) {
      graph.push(fullFrameBranch(fullFrames));
      outputs.push(...fullFrameOutputArgs(fullFrames, passthrough));
    }
    args.push('-filter_complex', graph.join(';'), '-map', '[frames]', '-an', '-sn', '-dn', ...decodeArgs);
  } else {
    args.push('-map', '0:V:0', '-an', '-sn', '-dn', ...decodeArgs);
  }
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1', ...outputs);
  const bin = locateFfmpeg().path;
  let fullFramesRead: Promise<FullFramesEnd> | undefined;
  const own = fullFrames ? bigFramePipe() : undefined;
  let pipe: FfmpegFramePipe<T>;
  try {
    pipe = new FfmpegFramePipe(bin, args, makeSource(width, height), signal, opts.stallTimeoutMs ?? 60_000, {
      fd3: own ? own[1] : fullFrames ? (stream) => (fullFramesRead = readFullFrames(stream, fullFrames)) : undefined,
    });
  } catch (err) {
    if (own) closeSync(own[0]);
    throw err;
  } finally {
    // The child has its copy of the write end (or never started): ours must go, or the read end never sees the end.
    if (own) closeSync(own[1]);
  }
  if (own && fullFrames) fullFramesRead = readFullFramesFd(own[0], fullFrames);
  let index = 0;
  let first: number | undefined;
  let last = -Infinity;
  let untimed = 0;
  let reported = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw new CancelledError();
      if (pipe.ready()) {
        const { data: item, time: pts, key } = pipe.take();
        // A frame without a timestamp (NOPTS, or no showinfo line) sits one nominal frame after the previous one.
        let time: number;
        if (pts !== undefined) {
          first ??= pts;
          time = pts - first;
        } else {
          untimed++;
          time = index === 0 ? 0 : last + 1 / info.fps;
        }
        last = time;
        yield { index, time, width, height, item, key };
        index++;
        if (onProgress && (Date.now() - reported > 100 || index === info.frameCount)) {
          reported = Date.now();
          const fraction = Math.min(1, index / Math.max(1, info.frameCount));
          onProgress({ stage: 'decode', done: index, total: info.frameCount, fraction });
        }
        continue;
      }
      if (pipe.ended) break;
      await pipe.waitForChange();
    }
  } finally {
    pipe.stop();
  }
  if (signal?.aborted) throw new CancelledError();
  if (pipe.failure) throw pipe.failure;
  // The full-size frames' pipe ends with ffmpeg: every frame it wrote has been handed out once this settles.
  const fullEnd = fullFramesRead ? await fullFramesRead : undefined;
  if (fullEnd?.error) throw fullEnd.error;
  // ffmpeg rebuilds its filters when the stream changes size or format part-way (showinfo counts from 0 again):
  // the full-size frames' numbering restarts there too, so they no longer say which frames they are.
  if (fullFrames && pipe.restarts) fullFrames.invalid?.('the video changes size or format part-way');
  const report = pipe.diagnostics.join('\n');
  if (index === 0) {
    const { code, cause } = pipe.exitCode === 0 ? { code: 'DECODE_FAILED' as const, cause: 'no frame could be decoded' } : classifyFailure(report);
    throw new VideoError(code, path, pipe.stalled ? 'ffmpeg stopped responding while decoding' : cause, pipe.diagnostics);
  }
  if (untimed) warn(`${untimed} frame(s) had no timestamp; their times were estimated from the frame rate`);
  if (pipe.leftoverBytes) warn(`the last frame was incomplete (${pipe.leftoverBytes} bytes) and was dropped`);
  if (pipe.stalled) warn(`ffmpeg stopped responding after ${index} frames and was stopped`);
  else if (pipe.exitCode !== 0) warn(`ffmpeg stopped with an error (exit ${pipe.exitCode}) after ${index} frames`);
  const missing = info.frameCountIsEstimate ? 0 : info.frameCount - index;
  if (missing > Math.max(1, info.frameCount * 0.01)) {
    warn(`decoded ${index} of the ${info.frameCount} frames the file lists; ${missing} could not be decoded`);
  }
  if (pipe.diagnosticCount) {
    // ffmpeg names the input by its full file: URL; the file's own name reads better in a warning.
    const shown = pipe.diagnostics.slice(0, 5).join(' | ').split(inputArg(path)).join(basename(path));
    warn(`ffmpeg reported ${pipe.diagnosticCount} problem line(s) while decoding: ${shown}`);
  }
}
