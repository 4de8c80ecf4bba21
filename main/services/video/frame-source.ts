import type { Readable } from 'node:stream';
import { FrameAssembler } from './frame-assembler';

/**
 * How the raw frames ffmpeg writes to its stdout reach this process: one item per frame, in order. bufferFrames
 * reads them here as Buffers; a native reader may take ffmpeg's stdout over instead and deliver what it computes
 * from each frame (keyframes/features does), so that the frames never pass through JavaScript.
 */
export interface FrameSource<T> {
  /** ffmpeg's stdout: 'pipe' (read here, from child.stdout) or a file descriptor someone else reads. */
  readonly stdout: 'pipe' | number;
  /**
   * Frames that may wait for their showinfo line before they are handed out without a time (a guard on memory for
   * whole frames; small items can wait for the end of the stream, so a late line never costs a frame its time).
   */
  readonly maxUntimed: number;
  /**
   * Starts delivering: `frame` for each whole frame in order, then `end` once, with the bytes of an unfinished last
   * frame and the error if reading failed. `stdout` is the child's stdout when `this.stdout` is 'pipe'.
   */
  start(stdout: Readable | null, frame: (item: T) => void, end: (leftoverBytes: number, error?: Error) => void): void;
  /** Backpressure: enough frames are waiting. Sources whose items are small and kept anyway may ignore it. */
  pause(): void;
  resume(): void;
  /** ffmpeg was spawned (or failed to be): the parent's copy of a descriptor given to it can be closed. */
  spawned(): void;
  /** Stop early (ffmpeg is being killed); release what is held. Safe before start and more than once. */
  stop(): void;
}

/** Frames read here from ffmpeg's stdout pipe, cut into Buffers of `frameSize` bytes (see FrameAssembler). */
export function bufferFrames(frameSize: number): FrameSource<Buffer> {
  const assembler = new FrameAssembler(frameSize);
  let stream: Readable | null = null;
  return {
    stdout: 'pipe',
    maxUntimed: 64,
    start(stdout, frame, end) {
      if (!stdout) throw new Error('bufferFrames: ffmpeg has no stdout pipe');
      stream = stdout;
      let ended = false;
      const finish = (error?: Error) => {
        if (ended) return;
        ended = true;
        end(assembler.pendingBytes, error);
      };
      stdout.on('data', (chunk: Buffer) => {
        for (const f of assembler.push(chunk)) frame(f);
      });
      stdout.on('end', () => finish());
      stdout.on('close', () => finish());
      stdout.on('error', (e) => finish(e));
    },
    pause: () => stream?.pause(),
    resume: () => stream?.resume(),
    spawned: () => undefined,
    stop: () => undefined,
  };
}
