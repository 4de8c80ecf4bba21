import { basename, extname } from 'node:path';
import type { RgbImage } from '../../../app/video';
import { locateFfmpeg } from './locate-ffmpeg';
import { writeFileAtomic } from '../store/atomic-file';
import { assertPictureSize } from './picture-limits';
import { assertReadableFile } from './probe';
import { inputArg, runTool } from './run-tool';
import { LineSplitter, ShowinfoReader } from './showinfo';
import { classifyFailure, diagnosticLines, VideoError } from './video-error';

export interface DecodeImageOptions {
  /** Exact output width; with only one of width/height the other follows the aspect ratio. */
  width?: number;
  height?: number;
  /** Without width/height: shrink (never enlarge) so the longer side is at most this. */
  maxSide?: number;
  signal?: AbortSignal;
}

export type ImageFormat = 'png' | 'jpeg';

export interface EncodeImageOptions {
  /** Default: from the file extension (.png, .jpg, .jpeg). */
  format?: ImageFormat;
  /** JPEG quality 1..100 (default 92); ignored for PNG. */
  quality?: number;
  signal?: AbortSignal;
}

const IMAGE_TIMEOUT_MS = 120_000;
// Stills are looked at closely (stylized panels, printed pages): favour quality over speed when resampling.
const QUALITY_SWS = ['-sws_flags', 'lanczos+accurate_rnd+full_chroma_int'];

function scaleFilter(o: DecodeImageOptions): string | undefined {
  const dim = (v: number | undefined) => (v && v > 0 ? String(Math.round(v)) : '-1');
  if (o.width || o.height) return `scale=${dim(o.width)}:${dim(o.height)}`;
  if (o.maxSide && o.maxSide > 0) {
    const m = Math.round(o.maxSide);
    return `scale=w='if(gte(iw,ih),min(${m},iw),-1)':h='if(gte(iw,ih),-1,min(${m},ih))'`;
  }
  return undefined;
}

/** Decodes the first frame of any image ffmpeg reads (png, jpeg, webp, bmp, gif, tiff...) to RGB24. */
export async function decodeImage(path: string, opts: DecodeImageOptions = {}): Promise<RgbImage> {
  await assertReadableFile(path);
  await assertPictureSize(path);
  const filters = [scaleFilter(opts), 'format=rgb24', 'showinfo'].filter(Boolean).join(',');
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-i', inputArg(path)];
  args.push('-map', '0:v:0', '-frames:v', '1', '-vf', filters, ...QUALITY_SWS, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  const r = await runTool(locateFfmpeg().path, args, { signal: opts.signal, timeoutMs: IMAGE_TIMEOUT_MS });
  const reader = new ShowinfoReader();
  const frame = new LineSplitter()
    .push(`${r.stderr}\n`)
    .map((l) => reader.read(l))
    .find((f) => f?.width);
  if (r.code !== 0 || !frame?.width || !frame.height) {
    const { code, cause } = classifyFailure(r.stderr);
    throw new VideoError(code, path, cause.replace('not a video file', 'not an image file'), diagnosticLines(r.stderr));
  }
  const { width, height } = frame;
  if (r.stdout.length !== width * height * 3) {
    throw new VideoError('DECODE_FAILED', path, `ffmpeg returned ${r.stdout.length} bytes for a ${width}x${height} image`);
  }
  return { width, height, data: new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength) };
}

export function imageFormatOf(path: string): ImageFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  throw new Error(`${basename(path)}: cannot tell the image format from "${ext}"; use .png, .jpg or .jpeg`);
}

/** Encoder arguments for a still: PNG (lossless RGB) or JPEG at a 1..100 quality (default 92). */
export function imageCodecArgs(format: ImageFormat, quality = 92): string[] {
  if (format === 'png') return ['-c:v', 'png', '-pix_fmt', 'rgb24'];
  const q = Math.min(100, Math.max(1, quality));
  // mjpeg's qscale runs 2 (best) .. 31 (worst); 4:4:4 chroma keeps the flat colours of cartoons clean.
  return ['-c:v', 'mjpeg', '-q:v', String(Math.round(2 + ((100 - q) * 29) / 99)), '-pix_fmt', q >= 90 ? 'yuvj444p' : 'yuvj420p'];
}

/** Encodes an RGB24 image to PNG or JPEG bytes in memory. */
export async function encodeImageBytes(img: RgbImage, format: ImageFormat, opts: EncodeImageOptions = {}): Promise<Buffer> {
  if (img.data.length !== img.width * img.height * 3) {
    throw new RangeError(`image data is ${img.data.length} bytes, expected ${img.width}x${img.height}x3`);
  }
  const codec = imageCodecArgs(format, opts.quality);
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24'];
  args.push('-s', `${img.width}x${img.height}`, '-i', 'pipe:0', '-frames:v', '1', ...QUALITY_SWS, ...codec, '-f', 'image2pipe', 'pipe:1');
  const r = await runTool(locateFfmpeg().path, args, { input: img.data, signal: opts.signal, timeoutMs: IMAGE_TIMEOUT_MS });
  if (r.code !== 0 || r.stdout.length === 0) {
    throw new Error(`encoding a ${img.width}x${img.height} ${format} failed: ${diagnosticLines(r.stderr).join(' | ')}`);
  }
  return r.stdout;
}

/** Writes an image atomically: to a temporary file beside the target, then renamed over it. */
export async function encodeImage(path: string, img: RgbImage, opts: EncodeImageOptions = {}): Promise<void> {
  const bytes = await encodeImageBytes(img, opts.format ?? imageFormatOf(path), opts);
  await writeFileAtomic(path, bytes);
}
