// Still pictures, in-process through sharp (libvips): decode any picture to upright sRGB RGB24, resize, encode PNG,
// JPEG or WebP. One code path for every still of the app; ffmpeg is for video only.
import { basename, extname } from 'node:path';
import type { Sharp } from 'sharp';
import type { RgbImage } from '../../../app/video';
import { writeFileAtomic } from '../store/atomic-file';
import { CancelledError } from '../jobs';
import { assertReadableFile } from './probe';
import { sharp } from './sharp-instance';
import { VideoError } from './video-error';

export interface DecodeImageOptions {
  /** Exact output width; with only one of width/height the other follows the aspect ratio. */
  width?: number;
  height?: number;
  /** Without width/height: shrink (never enlarge) so the longer side is at most this. */
  maxSide?: number;
  signal?: AbortSignal;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface EncodeImageOptions {
  /** Default: from the file extension (.png, .jpg, .jpeg, .webp). */
  format?: ImageFormat;
  /** JPEG / WebP quality 1..100 (default 92); ignored for PNG. */
  quality?: number;
  /** Pictures written in bulk (a job's outputs): the faster settings of encoderFor. */
  fast?: boolean;
  signal?: AbortSignal;
}

/** What a picture file is, read from its header only (no pixels decoded). */
export interface ImageInfo {
  /** The picture's size as shown, upright (EXIF orientation applied). */
  width: number;
  height: number;
  /** sharp's name of the container format: png, jpeg, webp, tiff, gif, heif, ... */
  format: string;
  /** Colour space as stored (srgb, b-w, cmyk, rgb16, grey16, ...). */
  space: string;
  channels: number;
  /** Bits per sample as stored: 8 or 16 (or 32 / 64 for float formats). */
  bitsPerSample: number;
  hasAlpha: boolean;
  /** EXIF orientation 1..8 (1: as stored), when the file has one. */
  orientation?: number;
}

/**
 * Pictures larger than this are refused before any pixel is decoded: a few kilobytes of PNG or JPEG can claim a
 * picture of billions of pixels (a decompression bomb). 100 megapixels holds the largest camera photos (a
 * 12000×8000 medium format frame is 96 MP) and is 300 MB as RGB24.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

const BITS: Record<string, number> = { uchar: 8, char: 8, ushort: 16, short: 16, uint: 32, int: 32, float: 32, double: 64 };

function abortable(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** A sharp error as the user should read it: which file, and what is wrong with it. */
function readFailure(path: string, err: unknown): VideoError {
  const msg = ((err as Error)?.message ?? String(err)).split('\n')[0].trim();
  if (/unsupported image format|not a known file format|bad seek|Input buffer contains unsupported/i.test(msg)) {
    return new VideoError('NOT_AN_IMAGE', path, 'not an image file (its contents match no picture format: PNG, JPEG, WebP, TIFF, GIF, AVIF, SVG)', [msg]);
  }
  if (/pixel limit/i.test(msg)) {
    return new VideoError('TOO_LARGE', path, `the picture is larger than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit`, [msg]);
  }
  return new VideoError('CORRUPT', path, `the picture is damaged or incomplete (${msg.replace(/^Input file\s*/i, '')})`, [msg]);
}

function open(path: string): Sharp {
  // failOn 'error': a truncated JPEG or a PNG with a bad checksum is refused (libvips would otherwise fill the
  // missing part with grey and say nothing). limitInputPixels: the header check below names the size; this backs it.
  return sharp(path, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true });
}

/** Reads a picture file's header: size (upright), format, colour space, depth, alpha, orientation. */
export async function imageInfo(path: string, opts: { signal?: AbortSignal } = {}): Promise<ImageInfo> {
  await assertReadableFile(path);
  abortable(opts.signal);
  let m;
  try {
    m = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw readFailure(path, err);
  }
  if (!m.width || !m.height || !m.format) throw new VideoError('NOT_AN_IMAGE', path, 'not an image file (no picture size in it)');
  const turned = (m.orientation ?? 1) >= 5;
  return {
    width: turned ? m.height : m.width,
    height: turned ? m.width : m.height,
    format: m.format,
    space: m.space ?? 'srgb',
    channels: m.channels ?? 3,
    bitsPerSample: BITS[m.depth ?? 'uchar'] ?? 8,
    hasAlpha: Boolean(m.hasAlpha),
    ...(m.orientation ? { orientation: m.orientation } : {}),
  };
}

/** The output size a decode asks for, from the picture's upright size. */
function targetSize(w: number, h: number, o: DecodeImageOptions): { width: number; height: number } {
  const round = (v: number) => Math.max(1, Math.round(v));
  if (o.width && o.height) return { width: round(o.width), height: round(o.height) };
  if (o.width) return { width: round(o.width), height: round((o.width * h) / w) };
  if (o.height) return { width: round((o.height * w) / h), height: round(o.height) };
  if (o.maxSide && o.maxSide > 0 && Math.max(w, h) > o.maxSide) {
    const s = o.maxSide / Math.max(w, h);
    return { width: round(w * s), height: round(h * s) };
  }
  return { width: w, height: h };
}

/**
 * Decodes a picture (the first page or frame: PNG, JPEG, WebP, TIFF, GIF, AVIF/HEIF, SVG, ...) to 8-bit sRGB RGB24,
 * upright (EXIF orientation applied), whatever it holds: greyscale, 16 bits per sample, CMYK (through its ICC
 * profile or a standard one), alpha (flattened onto white, the paper of a comic page). Resized with Lanczos when
 * asked. A file that is missing, not a picture, damaged or over MAX_IMAGE_PIXELS is a VideoError naming it.
 */
export async function decodeImage(path: string, opts: DecodeImageOptions = {}): Promise<RgbImage> {
  const info = await imageInfo(path, opts);
  if (info.width * info.height > MAX_IMAGE_PIXELS) {
    throw new VideoError('TOO_LARGE', path, `${info.width}×${info.height} pixels (${((info.width * info.height) / 1e6).toFixed(0)} MP) is more than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit for a picture`);
  }
  const { width, height } = targetSize(info.width, info.height, opts);
  let pipeline = open(path).autoOrient();
  if (width !== info.width || height !== info.height) pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
  if (info.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  abortable(opts.signal);
  let out;
  try {
    out = await pipeline.toColourspace('srgb').removeAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw readFailure(path, err);
  }
  abortable(opts.signal);
  const { data, info: o } = out;
  if (o.channels !== 3 || data.length !== o.width * o.height * 3) {
    throw new VideoError('DECODE_FAILED', path, `decoding gave ${o.channels} channels of ${o.width}×${o.height}, expected RGB`);
  }
  return { width: o.width, height: o.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Resizes RGB24 pixels in memory (Lanczos; area-averaging when shrinking a lot). */
export async function resizeRgb(img: RgbImage, width: number, height: number): Promise<RgbImage> {
  checkRgb(img);
  if (img.width === width && img.height === height) return img;
  const { data } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function imageFormatOf(path: string): ImageFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.webp') return 'webp';
  throw new Error(`${basename(path)}: cannot tell the image format from "${ext}"; use .png, .jpg, .jpeg or .webp`);
}

function checkRgb(img: RgbImage): void {
  if (!(img.width >= 1 && img.height >= 1) || img.data.length !== img.width * img.height * 3) {
    throw new RangeError(`image data is ${img.data.length} bytes, expected ${img.width}x${img.height}x3`);
  }
}

/**
 * sharp's encoder for a format. PNG: zlib level 6 with adaptive filtering off (flat cartoon colours compress well
 * either way; filtering costs time). JPEG: libjpeg-turbo's encoder (not mozjpeg's slower one) at the quality asked,
 * 4:4:4 chroma from quality 90 so flat colours and thin lines stay clean. WebP: the same quality scale.
 * `fast` (for pictures written in bulk, such as a video's key frames): JPEG without the second, Huffman-optimising
 * pass: a third of the time (11 ms against 33 ms for a busy 1080p frame here) for a file about 3 % larger
 * (up to a quarter on flat pictures, which are small); PNG at zlib level 4: 8 ms against 19 ms for a stylized
 * 1280×720 picture, 4 % larger.
 * `halfChroma`: the pixels' colour is itself at half resolution (a frame of a 4:2:0 video at its decoded size), so
 * a JPEG keeps it whole in 4:2:0 at any quality: 4:4:4 would store the upsampled colour planes at twice the
 * resolution they hold (a 1080p key frame: 16 ms and 230 KB against 10 ms and 150 KB).
 */
export function encoderFor(pipeline: Sharp, format: ImageFormat, opts: { quality?: number; fast?: boolean; halfChroma?: boolean } = {}): Sharp {
  const q = Math.round(Math.min(100, Math.max(1, opts.quality ?? 92)));
  if (format === 'png') return pipeline.png({ compressionLevel: opts.fast ? 4 : 6, adaptiveFiltering: false });
  if (format === 'webp') return pipeline.webp({ quality: q, smartSubsample: q >= 90 && !opts.halfChroma });
  const chromaSubsampling = q >= 90 && !opts.halfChroma ? '4:4:4' : '4:2:0';
  return pipeline.jpeg({ quality: q, chromaSubsampling, mozjpeg: false, optimiseCoding: !opts.fast });
}

/** Encodes an RGB24 image to PNG, JPEG or WebP bytes in memory. */
export async function encodeImageBytes(img: RgbImage, format: ImageFormat, opts: EncodeImageOptions = {}): Promise<Buffer> {
  checkRgb(img);
  abortable(opts.signal);
  const raw = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
  const bytes = await encoderFor(raw, format, { quality: opts.quality, fast: opts.fast }).toBuffer();
  abortable(opts.signal);
  return bytes;
}

/** Writes an image atomically: to a temporary file beside the target, then renamed over it. */
export async function encodeImage(path: string, img: RgbImage, opts: EncodeImageOptions = {}): Promise<void> {
  const bytes = await encodeImageBytes(img, opts.format ?? imageFormatOf(path), opts);
  await writeFileAtomic(path, bytes);
}
