import type { VideoInfo } from '../../../app/video';
import { nativeAddonWith } from '../keyframes/features/load-kernels';

/** How a 4:2:0 picture's bytes turn into RGB: the stream's matrix and range. */
export interface YuvColour {
  bt709: boolean;
  fullRange: boolean;
}

interface YuvAddon {
  yuv420ToRgb(yuv: Uint8Array, width: number, height: number, bt709: boolean, fullRange: boolean): Uint8Array;
  yuv420ToRgbAsync(yuv: Uint8Array, width: number, height: number, bt709: boolean, fullRange: boolean, out: Uint8Array): Promise<void>;
  createFramePipe?(): [number, number];
  readFully?(fd: number, target: Uint8Array, offset: number, length: number): Promise<number>;
}

/**
 * Reads `length` bytes from `fd` into `target` at `offset` on a worker thread, looping until it has them or the
 * writer has closed (fewer bytes then): one worker trip for a whole frame. Undefined without the native kernels.
 */
export function nativeReadFully(): YuvAddon['readFully'] {
  const a = loadYuv();
  return a?.readFully?.bind(a);
}

/**
 * A pipe of 1 MiB (where Linux allows it) for a child's big frames, [readFd, writeFd], close-on-exec: read with
 * fs.read straight into the frame's buffer, a few calls a frame. (Node's own stdio pipes are socket pairs of about
 * 200 KB read in 64 KB chunks: reading 3 MB frames that way cost about 3 ms of CPU each here.) Undefined where the
 * native kernels do not make one (Windows, no build): the child's stdio pipe is read then.
 */
export function bigFramePipe(): [number, number] | undefined {
  const a = loadYuv();
  return a?.createFramePipe ? a.createFramePipe() : undefined;
}

let addon: YuvAddon | null | undefined;

function loadYuv(): YuvAddon | null {
  // Not built or not loadable here: the pictures are taken by the second pass.
  if (addon === undefined) addon = nativeAddonWith<YuvAddon>((a) => typeof a.yuv420ToRgb === 'function' && typeof a.yuv420ToRgbAsync === 'function');
  return addon;
}

/** Bytes of an 8-bit 4:2:0 picture (Y plane, then Cb and Cr at half size, rounded up). */
export function yuv420Bytes(width: number, height: number): number {
  return width * height + 2 * Math.ceil(width / 2) * Math.ceil(height / 2);
}

/**
 * How the decoded frames of this video convert to RGB the way ffmpeg's scale filter converts them (the matrix the
 * stream is tagged with, BT.601 when untagged; full range for yuvj420p or a "pc" tag), or undefined where the native
 * converter does not apply: another pixel format (10-bit, 4:2:2, 4:4:4), a matrix other than BT.601/BT.709, or no
 * native kernels built.
 */
export function yuvColourOf(info: Pick<VideoInfo, 'pixelFormat' | 'colorSpace' | 'colorRange'>): YuvColour | undefined {
  if (!loadYuv()) return undefined;
  if (info.pixelFormat !== 'yuv420p' && info.pixelFormat !== 'yuvj420p') return undefined;
  const space = info.colorSpace;
  if (space !== undefined && !['bt709', 'bt470bg', 'smpte170m', 'bt601'].includes(space)) return undefined;
  return { bt709: space === 'bt709', fullRange: info.pixelFormat === 'yuvj420p' || info.colorRange === 'pc' };
}

/** The picture as packed RGB24 (width × height × 3). Throws where yuvColourOf said undefined. */
export function yuv420ToRgb(yuv: Uint8Array, width: number, height: number, colour: YuvColour): Uint8Array {
  const a = loadYuv();
  if (!a) throw new Error('yuv420ToRgb: the native kernels are not built');
  return a.yuv420ToRgb(yuv, width, height, colour.bt709, colour.fullRange);
}

/**
 * yuv420ToRgb on the libuv thread pool, into `into` (width × height × 3 bytes) or a new buffer: the JavaScript thread
 * goes on meanwhile (it drains the decoder's pipes during the analysis). Neither may change until the promise settles.
 */
export async function yuv420ToRgbAsync(yuv: Uint8Array, width: number, height: number, colour: YuvColour, into?: Buffer): Promise<Buffer> {
  const a = loadYuv();
  if (!a) throw new Error('yuv420ToRgb: the native kernels are not built');
  const out = into ?? Buffer.allocUnsafe(width * height * 3);
  await a.yuv420ToRgbAsync(yuv, width, height, colour.bt709, colour.fullRange, out);
  return out;
}
