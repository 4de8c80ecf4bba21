import { spawn } from 'node:child_process';
import { FrameAssembler } from './frame-assembler';
import { killOnAbort } from './run-tool';
import { LineSplitter, ShowinfoReader } from './showinfo';
import { diagnosticLines } from './video-error';

/** Frames waiting for the consumer before ffmpeg's stdout is paused (backpressure). */
const HIGH_WATER = 4;
/** Frames buffered while their showinfo lines have not arrived, before giving up on timestamps. */
const NO_TIME_LIMIT = 64;

/**
 * One ffmpeg child writing fixed-size raw frames to stdout with a showinfo filter reporting each frame's pts on
 * stderr. Pairs the two streams in order (n-th frame ↔ n-th showinfo line), which cannot drift: showinfo sees
 * exactly the frames the rawvideo muxer writes when the frame rate is passed through.
 */
export class FfmpegFramePipe {
  readonly frames: Buffer[] = [];
  readonly times: Array<number | undefined> = [];
  readonly diagnostics: string[] = [];
  diagnosticCount = 0;
  ended = false;
  exitCode: number | null = null;
  failure: Error | undefined;
  stalled = false;
  /** Frames handed out so far; times[delivered] is the time of frames[0]. */
  delivered = 0;
  private readonly assembler: FrameAssembler;
  private readonly child;
  private wake: (() => void) | undefined;
  private paused = false;
  private lastActivity = Date.now();
  private readonly watchdog: NodeJS.Timeout;
  private readonly unlisten: () => void;

  constructor(bin: string, args: string[], frameSize: number, signal: AbortSignal | undefined, stallMs: number) {
    this.assembler = new FrameAssembler(frameSize);
    this.child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
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
      if (info) this.times.push(info.time);
      else if (!/^\[Parsed_showinfo/.test(line) && diagnosticLines(line).length && !/\] video:\d|muxing overhead/.test(line)) {
        this.diagnosticCount++;
        if (this.diagnostics.length < 200) this.diagnostics.push(line.trim());
      }
    };
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.lastActivity = Date.now();
      for (const f of this.assembler.push(chunk)) this.frames.push(f);
      if (this.frames.length >= HIGH_WATER && this.times.length > this.delivered) this.pause();
      this.notify();
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (text: string) => {
      this.lastActivity = Date.now();
      for (const line of lines.push(text)) onLine(line);
      this.notify();
    });
    this.child.on('error', (e) => {
      this.failure = e;
      this.finish(null);
    });
    this.child.on('close', (code) => {
      for (const line of lines.end()) onLine(line);
      this.finish(code);
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
    return this.times.length > this.delivered || this.ended || this.frames.length >= NO_TIME_LIMIT;
  }

  take(): { data: Buffer; time: number | undefined } {
    const data = this.frames.shift() as Buffer;
    const time = this.times[this.delivered];
    this.delivered++;
    if (this.paused && this.frames.length < HIGH_WATER / 2) this.resume();
    return { data, time };
  }

  /** Bytes of a last frame that ffmpeg did not finish. */
  get leftoverBytes(): number {
    return this.assembler.pendingBytes;
  }

  waitForChange(): Promise<void> {
    return new Promise((r) => (this.wake = r));
  }

  stop(): void {
    if (!this.ended) this.child.kill('SIGKILL');
    this.cleanup();
  }

  private pause(): void {
    this.paused = true;
    this.child.stdout.pause();
  }

  private resume(): void {
    this.paused = false;
    this.lastActivity = Date.now();
    this.child.stdout.resume();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private finish(code: number | null): void {
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
