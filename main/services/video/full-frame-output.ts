import { close, read } from 'node:fs';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import { nativeReadFully, yuv420Bytes } from './yuv-native';

/**
 * A third output of the analysis decode: every `every`-th decoded frame (index 0, every, 2·every, …) at its decoded
 * size, upright (ffmpeg's autorotation applies before the split), as the stream's own 8-bit 4:2:0 bytes, unconverted
 * (a conversion to RGB would cost more than the decode). The frames come through pipe:3 into buffers the caller
 * hands out, so memory is what the caller holds.
 */
export interface FullFrameOutput {
  every: number;
  /** The decoded frame's size, upright. */
  width: number;
  height: number;
  pixelFormat: 'yuv420p' | 'yuvj420p';
  /** A buffer of yuv420Bytes(width, height) to read decoded frame `index` into, or undefined to skip that frame. */
  buffer(index: number): Buffer | undefined;
  /** Decoded frame `index` is whole in `data` (the buffer handed out for it). */
  frame(index: number, data: Buffer): void;
  /** After the decode: the frames handed out cannot be trusted to be the frames their numbers say (why). */
  invalid?(reason: string): void;
}

/** The filter branch from `[full]` to `[fullframes]`. */
export function fullFrameBranch(out: Pick<FullFrameOutput, 'every'>): string {
  if (!(Number.isInteger(out.every) && out.every >= 1)) throw new RangeError(`fullFrames.every must be a whole number ≥ 1, got ${out.every}`);
  return `[full]select='not(mod(n\\,${out.every}))'[fullframes]`;
}

export function fullFrameOutputArgs(out: Pick<FullFrameOutput, 'pixelFormat'>, passthrough: string[]): string[] {
  return ['-map', '[fullframes]', ...passthrough, '-f', 'rawvideo', '-pix_fmt', out.pixelFormat, 'pipe:3'];
}

/**
 * Reads the frames of pipe:3 into the caller's buffers, each byte copied once; a frame the caller skips is read
 * past without a copy. Resolves when the stream ends, with the bytes of an unfinished last frame (0 after a clean end).
 */
/** How reading the full-size frames ended: bytes of an unfinished last frame, and the error that stopped it. */
export interface FullFramesEnd {
  leftoverBytes: number;
  error?: Error;
}

export function readFullFrames(stream: Readable, out: FullFrameOutput): Promise<FullFramesEnd> {
  const size = yuv420Bytes(out.width, out.height);
  let ordinal = 0;
  let filled = 0;
  let target: Buffer | undefined;
  let started = false;
  return new Promise((resolve) => {
    let error: Error | undefined;
    const onData = (chunk: Buffer) => {
      let offset = 0;
      while (offset < chunk.length) {
        if (!started) {
          target = out.buffer(ordinal * out.every);
          // A buffer too small for the frame cannot take it: the frame is skipped.
          if (target && target.length < size) target = undefined;
          started = true;
        }
        const n = Math.min(size - filled, chunk.length - offset);
        if (target) chunk.copy(target, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled === size) {
          if (target) out.frame(ordinal * out.every, target);
          ordinal++;
          filled = 0;
          target = undefined;
          started = false;
        }
      }
    };
    stream.on('data', (chunk: Buffer) => {
      if (error) return;
      try {
        onData(chunk);
      } catch (err) {
        // As readFullFramesFd: the decode fails with it (destroying the stream stops ffmpeg).
        error = err instanceof Error ? err : new Error(String(err));
        stream.destroy();
      }
    });
    const end = (e?: Error) => resolve({ leftoverBytes: filled, error: error ?? e });
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (e) => end(e));
  });
}

const fsReadAsync = promisify(read);

/**
 * readFullFrames for a pipe of our own (bigFramePipe): each frame is read with fs.read straight into its buffer
 * (a skipped one into a scratch buffer), so each byte is copied once, by the kernel. Closes `fd` at the end.
 */
export async function readFullFramesFd(fd: number, out: FullFrameOutput): Promise<FullFramesEnd> {
  const size = yuv420Bytes(out.width, out.height);
  const scratch = Buffer.allocUnsafe(Math.min(size, 1 << 20));
  // Natively, the rest of a frame in one worker trip; else fs.read, a trip for each piece the pipe holds.
  const native = nativeReadFully();
  const readAsync = native
    ? async (f: number, b: Buffer, o: number, n: number) => ({ bytesRead: await native(f, b, o, n) })
    : (f: number, b: Buffer, o: number, n: number) => fsReadAsync(f, b, o, n, null);
  try {
    for (let ordinal = 0; ; ordinal++) {
      // The frame's first bytes, before a buffer is asked for (after the last frame there are none: no buffer taken).
      let filled = (await fsReadAsync(fd, scratch, 0, Math.min(scratch.length, size), null)).bytesRead;
      if (filled === 0) return { leftoverBytes: 0 };
      const given = out.buffer(ordinal * out.every);
      const target = given && given.length >= size ? given : undefined;
      if (target) scratch.copy(target, 0, 0, filled);
      while (filled < size) {
        const n = target
          ? (await readAsync(fd, target, filled, size - filled)).bytesRead
          : (await readAsync(fd, scratch, 0, Math.min(scratch.length, size - filled))).bytesRead;
        if (n === 0) return { leftoverBytes: filled };
        filled += n;
      }
      if (target) out.frame(ordinal * out.every, target);
    }
  } catch (err) {
    // A read that failed, or the caller's buffer()/frame() threw: the decode must fail with it (closing the pipe
    // stops ffmpeg, whose exit alone would read as a damaged file), never end as if the video were shorter.
    return { leftoverBytes: 0, error: err instanceof Error ? err : new Error(String(err)) };
  } finally {
    await promisify(close)(fd).catch(() => undefined);
  }
}
