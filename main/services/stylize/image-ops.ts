import type { RgbImage } from '../../../app/video';

/** Float RGB image (values 0..255, not rounded): what tiles are blended in before the final rounding. */
export interface FloatRgbImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** One output sample of a resampling: the first source index it reads and the normalised weights from there. */
export interface ResampleTap {
  first: number;
  weights: Float32Array;
}

/**
 * The taps of a triangle (linear) filter from `srcLen` to `dstLen` samples, half-pixel centres, whose support widens
 * when shrinking, so downscaling averages every source pixel instead of skipping some (plain bilinear aliases on a
 * 4K → 512 resize) and enlarging is ordinary bilinear.
 */
export function resampleTaps(srcLen: number, dstLen: number): ResampleTap[] {
  const scale = srcLen / dstLen;
  const support = Math.max(1, scale);
  const taps: ResampleTap[] = [];
  for (let i = 0; i < dstLen; i++) {
    const center = (i + 0.5) * scale;
    const first = Math.max(0, Math.floor(center - support));
    const last = Math.min(srcLen - 1, Math.ceil(center + support));
    const w = new Float32Array(last - first + 1);
    let sum = 0;
    for (let j = first; j <= last; j++) {
      const v = Math.max(0, 1 - Math.abs(j + 0.5 - center) / support);
      w[j - first] = v;
      sum += v;
    }
    if (sum === 0) w[Math.min(w.length - 1, Math.max(0, Math.round(center - 0.5) - first))] = (sum = 1);
    for (let k = 0; k < w.length; k++) w[k] /= sum;
    taps.push({ first, weights: w });
  }
  return taps;
}

/** Resamples the three channels of interleaved RGB lines along one axis with resampleTaps. */
function resampleAxis(
  src: ArrayLike<number>,
  srcLen: number,
  dstLen: number,
  lines: number,
  stride: number, // distance between neighbours along the axis, in values
  lineStride: number, // distance between lines, in values (source)
  dstStride: number,
  dstLineStride: number,
  dst: Float32Array,
): void {
  const taps = resampleTaps(srcLen, dstLen);
  for (let line = 0; line < lines; line++) {
    const s0 = line * lineStride;
    const d0 = line * dstLineStride;
    for (let i = 0; i < dstLen; i++) {
      const { first, weights } = taps[i];
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        for (let k = 0; k < weights.length; k++) acc += weights[k] * src[s0 + (first + k) * stride + c];
        dst[d0 + i * dstStride + c] = acc;
      }
    }
  }
}

/** Resizes to width × height (antialiased when shrinking); float in, float out. */
export function resizeFloat(img: { width: number; height: number; data: ArrayLike<number> }, width: number, height: number): FloatRgbImage {
  if (img.width === width && img.height === height) return { width, height, data: Float32Array.from(img.data) };
  const tmp = new Float32Array(width * img.height * 3);
  resampleAxis(img.data, img.width, width, img.height, 3, img.width * 3, 3, width * 3, tmp);
  const out = new Float32Array(width * height * 3);
  resampleAxis(tmp, img.height, height, width, width * 3, 3, width * 3, 3, out);
  return { width, height, data: out };
}

export function toRgbImage(img: FloatRgbImage): RgbImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, Math.round(img.data[i])));
  return { width: img.width, height: img.height, data };
}

export function resizeImage(img: RgbImage, width: number, height: number): RgbImage {
  if (img.width === width && img.height === height) return img;
  return toRgbImage(resizeFloat(img, width, height));
}

/** Size whose long side is `longSide`, keeping the aspect ratio (at least 1 px each way). */
export function fitLongSide(width: number, height: number, longSide: number): { width: number; height: number } {
  const s = longSide / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/** Pads right and bottom to multiples of `multiple` by repeating the edge pixels (crop back with cropImage). */
export function padToMultiple<T extends RgbImage | FloatRgbImage>(img: T, multiple: number): T {
  const width = Math.ceil(img.width / multiple) * multiple;
  const height = Math.ceil(img.height / multiple) * multiple;
  return padEdge(img, width, height);
}

export function padEdge<T extends RgbImage | FloatRgbImage>(img: T, width: number, height: number): T {
  if (width === img.width && height === img.height) return img;
  const Ctor = img.data.constructor as { new (n: number): T['data'] };
  const data = new Ctor(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(y, img.height - 1);
    const row = img.data.subarray(sy * img.width * 3, (sy + 1) * img.width * 3);
    data.set(row as never, y * width * 3);
    const last = (img.width - 1) * 3;
    for (let x = img.width; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = row[last];
      data[o + 1] = row[last + 1];
      data[o + 2] = row[last + 2];
    }
  }
  return { width, height, data } as T;
}

export function cropImage<T extends RgbImage | FloatRgbImage>(img: T, x: number, y: number, width: number, height: number): T {
  if (x === 0 && y === 0 && width === img.width && height === img.height) return img;
  const Ctor = img.data.constructor as { new (n: number): T['data'] };
  const data = new Ctor(width * height * 3);
  for (let r = 0; r < height; r++) {
    const start = ((y + r) * img.width + x) * 3;
    data.set(img.data.subarray(start, start + width * 3) as never, r * width * 3);
  }
  return { width, height, data } as T;
}
