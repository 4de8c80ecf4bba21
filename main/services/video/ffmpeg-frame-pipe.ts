import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { FrameSource } from './frame-source';
import { killOnAbort } from './run-tool';
import { LineSplitter, ShowinfoReader } from './showinfo';
import { diagnosticLines } from './video-error';

/**
 * The ffmpeg children decoding now. When this process exits (an uncaught error, process.exit()) they are killed:
 * else they would go on decoding into pipes nobody reads, and a reader blocked on one in a worker thread (the
 * full-size frames) would keep the exit waiting for that thread.
 */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** Frames waiting for the consumer before ffmpeg's stdout is paused (backpressure). */
const HIGH_WATER = 4;

/**
 * One ffmpeg child writing fixed-size raw frames to stdout with a showinfo filter reporting each frame's pts on
 * stderr. Pairs the two streams in order (n-th frame ↔ n-th showinfo line), which cannot drift: showinfo sees
 * exactly the frames the rawvideo muxer writes when the frame rate is passed through. The frames arrive through
 * `source` (Buffers read here, or what a native reader computed from each), one item per frame.
 */
export class FfmpegFramePipe<T = Buffer> {
  readonly frames: T[] = [];
  readonly times: Array<number | undefined> = [];
  /** Whether each frame is a key frame (as its showinfo line said), in step with `times`. */
  readonly keys: boolean[] = [];
  readonly diagnostics: string[] = [];
  diagnosticCount = 0;
  ended = false;
  exitCode: number | null = null;
  failure: Error | undefined;
  stalled = false;
  /** How often showinfo's frame count started again from 0 (ffmpeg rebuilt its filters: a change of size or format). */
  restarts = 0;
  /** Frames handed out so far; times[delivered] is the time of frames[0]. */
  delivered = 0;
  /** Bytes of a last frame that ffmpeg did not finish (known once the source has ended). */
  leftoverBytes = 0;
  private readonly child: ChildProcess;
  private childClosed = false;
  private sourceEnded = false;
  private wake: (() => void) | undefined;
  private paused = false;
  private lastActivity = Date.now();
  private readonly watchdog: NodeJS.Timeout;
  private readonly unlisten: () => void;

  constructor(
    bin: string,
    args: string[],
    private readonly source: FrameSource<T>,
    signal: AbortSignal | undefined,
    stallMs: number,
    /** A third output: a descriptor the child writes to (pipe:3), or a reader of a pipe made for it here. */
    extra: { fd3?: number | ((stream: Readable) => void) } = {},
  ) {
    try {
      const fd3 = extra.fd3 === undefined ? [] : [typeof extra.fd3 === 'number' ? extra.fd3 : 'pipe'];
      const stdio = ['ignore', source.stdout, 'pipe', ...fd3] as StdioOptions;
      this.child = spawn(bin, args, { stdio, windowsHide: true });
    } catch (e) {
      source.spawned();
      source.stop();
      throw e;
    }
    source.spawned();
    liveChildren.add(this.child);
    this.child.once('exit', () => liveChildren.delete(this.child));
    // A third output (pipe:3) is read from the start, so ffmpeg never waits on it for long.
    if (typeof extra.fd3 === 'function') extra.fd3(this.child.stdio[3] as Readable);
    const unkill = killOnAbort(this.child, signal);
    const wakeOnAbort = () => this.notify();
    signal?.addEventListener('abort', wakeOnAbort, { once: true });
    this.unlisten = () => {
      unkill();
      signal?.removeEventListener('abort', wakeOnAbort);
    };
    const showinfo = new ShowinfoReader();
    const lines = new LineSplitter();
    const onLine = (line: string) => {
      const info = showinfo.read(line);
      if (info) {
        if (info.n === 0 && this.times.length > 0) this.restarts++;
        this.times.push(info.time);
        this.keys.push(info.key === true);
      } else if (!/^\[Parsed_showinfo/.test(line) && diagnosticLines(line).length && !/\] video:\d|muxing overhead/.test(line)) {
        this.diagnosticCount++;
        if (this.diagnostics.length < 200) this.diagnostics.push(line.trim());
      }
    };
    const onFrame = (item: T) => {
      this.lastActivity = Date.now();
      this.frames.push(item);
      if (this.frames.length >= HIGH_WATER && this.times.length > this.delivered) this.pause();
      this.notify();
    };
    try {
      source.start(this.child.stdout, onFrame, (leftoverBytes, error) => {
        this.leftoverBytes = leftoverBytes;
        this.sourceEnded = true;
        if (error) this.failure ??= error;
        if (this.childClosed) this.finish(this.exitCode);
      });
    } catch (e) {
      this.child.kill('SIGKILL');
      source.stop();
      this.unlisten();
      throw e;
    }
    const stderr = this.child.stderr as NodeJS.ReadableStream; // stdio[2] is always 'pipe'
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      this.lastActivity = Date.now();
      for (const line of lines.push(text)) onLine(line);
      this.notify();
    });
    this.child.on('error', (e) => {
      // ffmpeg could not be started: no frame will come, whatever the source is waiting for.
      this.failure = e;
      this.source.stop();
      this.finish(null);
    });
    this.child.on('close', (code) => {
      for (const line of lines.end()) onLine(line);
      // A source reading a descriptor of its own may still hold frames written just before ffmpeg exited.
      this.childClosed = true;
      this.exitCode = code;
      if (this.sourceEnded) this.finish(code);
    });
    this.watchdog = setInterval(() => {
      if (!this.paused && Date.now() - this.lastActivity > stallMs) {
        this.stalled = true;
        this.child.kill('SIGKILL');
      }
    }, Math.min(5000, stallMs)).unref();
  }

  /** A frame is ready when its time is known, or when waiting longer cannot bring the time. */
  ready(): boolean {
    if (!this.frames.length) return false;
    return this.times.length > this.delivered || this.ended || this.frames.length >= this.source.maxUntimed;
  }

  take(): { data: T; time: number | undefined; key: boolean } {
    const data = this.frames.shift() as T;
    const time = this.times[this.delivered];
    const key = this.keys[this.delivered] === true;
    this.delivered++;
    if (this.paused && this.frames.length < HIGH_WATER / 2) this.resume();
    return { data, time, key };
  }

  waitForChange(): Promise<void> {
    return new Promise((r) => (this.wake = r));
  }

  stop(): void {
    if (!this.ended) this.child.kill('SIGKILL');
    this.source.stop();
    this.cleanup();
  }

  private pause(): void {
    this.paused = true;
    this.source.pause();
  }

  private resume(): void {
    this.paused = false;
    this.lastActivity = Date.now();
    this.source.resume();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private finish(code: number | null): void {
    if (this.ended) return;
    this.ended = true;
    this.exitCode = code;
    this.cleanup();
    this.notify();
  }

  private cleanup(): void {
    clearInterval(this.watchdog);
    this.unlisten();
  }
}
