import { spawn, type ChildProcess } from 'node:child_process';
import { close, closeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { CancelledError } from '../jobs';
import { FrameAssembler } from './frame-assembler';
import { locateFfmpeg } from './locate-ffmpeg';
import { inputArg, killOnAbort } from './run-tool';
import { leanOrNothing, spawnWithoutFork, type LeanChild } from './spawn-without-fork';
import { LineSplitter, ShowinfoReader } from './showinfo';
import { bigFramePipe, nativeReadFully, yuv420Bytes, yuv420ToRgb, yuv420ToRgbAsync, type YuvColour } from './yuv-native';

/** A span of stream time (seconds, as stored: -copyts) that one wanted frame falls in. */
export interface GrabWindow {
  from: number;
  to: number;
}

export interface GrabbedFrame {
  /** The frame's own time (as stored). */
  time: number;
  /** RGB24, width × height × 3 bytes. */
  data: Buffer;
}

export interface GrabOptions {
  width: number;
  height: number;
  /** Fast input seek (seconds from the file's start) before decoding; absent: decode from the start. */
  seek?: number;
  /** The showinfo filter that reports every decoded frame (before the select), to tell where a seek landed. */
  counting?: string;
  /** Only the first frame of the first window (a moment on a slider): ffmpeg stops after it. */
  firstOnly?: boolean;
  /**
   * swscale flags for the conversion to RGB (and the resampling, when the size differs from the decoded one).
   * Default: lanczos with accurate rounding and full chroma interpolation.
   */
  swsFlags?: string;
  /** Decoder threads (default: ffmpeg's own choice, one per core and one more). */
  threads?: number;
  /**
   * Take the frames as the stream's own 8-bit 4:2:0 bytes and convert them to RGB here, natively (as the analysis
   * pass converts the frames it holds): half the bytes through the pipe and half the CPU of swscale's conversion
   * (about 6 ms against 12 ms for 1080p). Only for frames at their decoded size (width × height, upright, square
   * pixels) in a matrix the native converter knows (yuvColourOf).
   */
  yuv?: { pixelFormat: 'yuv420p' | 'yuvj420p'; colour: YuvColour };
  signal?: AbortSignal;
  /** Each frame as it is decoded, with the index of the window it fills; awaited (the pipe waits meanwhile). */
  onFrame?: (window: number, frame: GrabbedFrame) => Promise<void>;
}

export interface GrabResult {
  /** The frame found for each window (kept only when no onFrame takes them). */
  frames: Array<GrabbedFrame | undefined>;
  found: boolean[];
  /** Time of the first frame after the last window, when decoding got that far (it stops there). */
  passedEnd?: number;
  /** Time of the first frame decoded, when `counting` was given. */
  firstDecoded?: number;
  code: number | null;
  stderr: string;
}

const STALL_MS = 120_000;

/** A pipe of our own for the frames (bigFramePipe), or undefined where none can be made now (then stdout). */
function ownPipe(): [number, number] | undefined {
  try {
    return bigFramePipe();
  } catch {
    return undefined; // out of descriptors, say: Node's stdout pipe still works
  }
}

/** The same memory as a Buffer, not a copy. */
function asBuffer(a: Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * One ffmpeg decoding run that passes only the frames inside `windows` (a select filter on their timestamps), then
 * scales them to width × height with square pixels (rotation is applied by ffmpeg before the filters) and writes
 * them raw to a pipe. Each frame is paired with its showinfo line (the n-th frame on stdout with the n-th line of
 * the showinfo after the select) and given to the window its time falls in.
 */
export function grabFrames(path: string, windows: GrabWindow[], opts: GrabOptions): Promise<GrabResult> {
  if (opts.signal?.aborted) return Promise.reject(new CancelledError());
  const between = windows.map((w) => `between(t\\,${w.from.toFixed(6)}\\,${w.to.toFixed(6)})`).join('+');
  // The first frame after the last window passes the select too, and its showinfo line tells that decoding has
  // gone past every window: the run is then ended even when a window found nothing (a seek that landed late),
  // instead of decoding the rest of the video for nothing. A second select drops it before the conversion to RGB
  // (a full-size frame converted for nothing, a third of a run's cost for a single key frame).
  const last = Math.max(...windows.map((w) => w.to));
  const sentinel = `gt(t\\,${(last + 1e-6).toFixed(6)})`;
  const yuv = opts.yuv;
  const convert = yuv ? [] : [`scale=${opts.width}:${opts.height}`, 'setsar=1', 'format=rgb24'];
  const filters = [opts.counting, `select='${between}+${sentinel}'`, 'showinfo', `select='not(${sentinel})'`, ...convert]
    .filter(Boolean)
    .join(',');
  const args = ['-hide_banner', '-nostdin', '-nostats', '-copyts'];
  // -ss counts from the file's start time; the video stream's start is never earlier, so this errs early.
  if (opts.seek !== undefined) args.push('-noaccurate_seek', '-ss', opts.seek.toFixed(6));
  if (opts.threads) args.push('-threads', String(opts.threads));
  args.push('-i', inputArg(path), '-map', '0:V:0', '-an', '-sn', '-dn', '-vf', filters);
  // ffmpeg stops by itself once every window has its frame.
  args.push('-frames:v', String(opts.firstOnly ? 1 : windows.length));
  // Passthrough: frames leave exactly as the select passed them (no duplication to a constant rate).
  args.push('-vsync', '0', '-sws_flags', opts.swsFlags ?? 'lanczos+accurate_rnd+full_chroma_int', '-f', 'rawvideo', '-pix_fmt', yuv ? yuv.pixelFormat : 'rgb24', 'pipe:1');

  const frameBytes = yuv ? yuv420Bytes(opts.width, opts.height) : opts.width * opts.height * 3;
  /** The RGB picture of the frame being written (yuv: converted into it, reused frame after frame). */
  let rgb: Buffer | undefined;
  // Frames handed to onFrame are read into a few buffers of our own, each reused once its frame is written, from a
  // pipe of our own (1 MiB), a frame in one worker trip: Node's stdout pipe hands out 64-KB chunks, each allocated,
  // then copied into the frame, and a 1080p frame's 6 MB each time kept the garbage collector busy (about 11 ms of
  // the JavaScript thread a frame, a third of a key frame's picture). Where that pipe cannot be made: stdout.
  const readFully = opts.onFrame ? nativeReadFully() : undefined;
  const own = readFully ? ownPipe() : undefined;
  return new Promise((resolve, reject) => {
    let child: ChildProcess | LeanChild;
    try {
      // With a pipe of our own, without fork where the platform allows it (spawn-without-fork.ts): a job holding
      // its frames is large, and Node's fork of it cost 13-43 ms of the JavaScript thread a run.
      const lean = own ? leanOrNothing(() => spawnWithoutFork(locateFfmpeg().path, args, own[1])) : undefined;
      child = lean ?? spawn(locateFfmpeg().path, args, { stdio: ['ignore', own ? own[1] : 'pipe', 'pipe'], windowsHide: true });
    } catch (err) {
      if (own) closeSync(own[0]);
      throw err;
    } finally {
      // The child has its copy of the write end; the pipe ends when the child does.
      if (own) closeSync(own[1]);
    }
    const unkill = killOnAbort(child, opts.signal);
    const assembler = new FrameAssembler(frameBytes);
    /** Buffers whose frames are written, for the next frames (own pipe only). */
    const spare: Buffer[] = [];
    const reader = new ShowinfoReader();
    const lines = new LineSplitter();
    const pixels: Buffer[] = [];
    const times: number[] = [];
    const result: GrabResult = { frames: windows.map(() => undefined), found: windows.map(() => false), code: null, stderr: '' };
    let failure: unknown;
    let busy = Promise.resolve();
    let closed = false;
    /** Decoding has gone as far as it needs to: the kill that follows is no failure. */
    let allFound = false;
    let lastActivity = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > STALL_MS) child.kill('SIGKILL');
    }, 5000).unref();

    const pair = () => {
      while (pixels.length && times.length) {
        const data = pixels.shift() as Buffer;
        const time = times.shift() as number;
        const k = windows.findIndex((w, i) => !result.found[i] && time >= w.from && time <= w.to);
        // A duplicate of a window already filled.
        if (k < 0) {
          if (own) spare.push(data);
          continue;
        }
        result.found[k] = true;
        // Every window has its frame: nothing more to decode.
        if (result.found.every(Boolean)) {
          allFound = true;
          child.kill('SIGKILL');
        }
        if (!opts.onFrame) {
          result.frames[k] = { time, data: yuv ? asBuffer(yuv420ToRgb(data, opts.width, opts.height, yuv.colour)) : data };
          continue;
        }
        // One frame written at a time; ffmpeg waits meanwhile, so memory holds at most a couple of frames.
        child.stdout?.pause();
        busy = busy
          .then(async () => {
            if (failure) return;
            const picture = yuv ? await yuv420ToRgbAsync(data, opts.width, opts.height, yuv.colour, (rgb ??= Buffer.allocUnsafeSlow(opts.width * opts.height * 3))) : data;
            await opts.onFrame!(k, { time, data: picture });
          })
          .catch((e) => {
            failure ??= e;
            child.kill('SIGKILL');
          })
          .finally(() => {
            lastActivity = Date.now();
            if (own) spare.push(data);
            if (!closed) child.stdout?.resume();
          });
      }
      // Past the last window, with every frame before it in: as far as this run can find.
      if (result.passedEnd !== undefined && !times.length && !allFound) {
        allFound = true;
        child.kill('SIGKILL');
      }
    };
    const onLine = (line: string) => {
      const f = reader.read(line);
      if (!f) {
        if (result.stderr.length < 200_000 && !/^\[Parsed_showinfo/.test(line)) result.stderr += `${line}\n`;
        return;
      }
      // With a counting showinfo it is the graph's first filter (Parsed_showinfo_0) and sees every decoded frame.
      const isSelect = !opts.counting || f.filter !== 'Parsed_showinfo_0';
      if (!isSelect && f.n === 0) result.firstDecoded = f.time;
      if (!isSelect || f.time === undefined) return;
      if (f.time > last) {
        // The sentinel after the last window: decoding is as far as this run can find. It is stopped once the
        // frames before it are in (their pixels may still be in the pipe).
        result.passedEnd ??= f.time;
        pair();
        return;
      }
      times.push(f.time);
      pair();
    };
    // Own pipe: each frame read whole into a spare buffer, the next only once the frames before it are written.
    const readAll = own
      ? (async () => {
          const fd = own[0];
          try {
            for (;;) {
              const data = spare.pop() ?? Buffer.allocUnsafeSlow(frameBytes);
              let filled = 0;
              while (filled < frameBytes) {
                const n = await readFully!(fd, data, filled, frameBytes - filled);
                if (n === 0) break;
                filled += n;
              }
              if (filled < frameBytes) return;
              lastActivity = Date.now();
              pixels.push(data);
              pair();
              await busy;
            }
          } catch (err) {
            failure ??= err;
            child.kill('SIGKILL');
          } finally {
            await promisify(close)(fd).catch(() => undefined);
          }
        })()
      : Promise.resolve();
    child.stdout?.on('data', (chunk: Buffer) => {
      lastActivity = Date.now();
      pixels.push(...assembler.push(chunk));
      pair();
    });
    const stderr = child.stderr as Readable;
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      lastActivity = Date.now();
      for (const l of lines.push(text)) onLine(l);
    });
    child.on('error', (e) => {
      failure ??= e;
    });
    child.on('close', (code) => {
      for (const l of lines.end()) onLine(l);
      pair();
      closed = true;
      clearInterval(watchdog);
      unkill();
      result.code = allFound ? 0 : code;
      // Frames written just before ffmpeg exited may still be in our own pipe.
      void readAll.then(() => {
        pair();
        return busy;
      }).then(() => {
        if (opts.signal?.aborted) reject(new CancelledError());
        else if (failure) reject(failure);
        else resolve(result);
      });
    });
  });
}
