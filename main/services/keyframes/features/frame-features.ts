import { hsvBin, luma8, quantiseLuma } from './color';
import { glcmProperties } from './glcm';
import { colourThumbnail, lumaThumbnail } from './thumbnail';
import {
  COLOUR_THUMB_HEIGHT,
  COLOUR_THUMB_WIDTH,
  THUMB_HEIGHT,
  THUMB_WIDTH,
  type FeatureParams,
  type FrameFeatures,
} from './types';

/**
 * glcm (4 doubles, first for alignment) and hsv (floats) share one ArrayBuffer; the two thumbnails share another,
 * so a caller that keeps the features of every frame can drop `thumb` and `colourThumb` after shot detection and
 * free them. The native module lays its results out the same way.
 */
export function allocateFeatures(hsvBins: number): Omit<FrameFeatures, 'meanLuma' | 'stdLuma' | 'sharpness'> {
  const buffer = new ArrayBuffer(32 + hsvBins * 4);
  const thumbs = new ArrayBuffer(THUMB_WIDTH * THUMB_HEIGHT + COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT * 3);
  return {
    glcm: new Float64Array(buffer, 0, 4),
    hsv: new Float32Array(buffer, 32, hsvBins),
    thumb: new Uint8Array(thumbs, 0, THUMB_WIDTH * THUMB_HEIGHT),
    colourThumb: new Uint8Array(thumbs, THUMB_WIDTH * THUMB_HEIGHT),
  };
}

/** The TypeScript reference of the per-frame kernel (inputs already validated). */
export function frameFeaturesReference(rgb: Uint8Array, width: number, height: number, params: FeatureParams): FrameFeatures {
  const { h: hB, s: sB, v: vB } = params.hsvBins;
  const levels = params.glcmLevels;
  const n = width * height;
  const counts = new Uint32Array(hB * sB * vB);
  const luma = new Uint8Array(n);
  const grey = new Uint8Array(n);
  let sum = 0;
  let sumSq = 0;
  for (let p = 0, q = 0; p < n; p++, q += 3) {
    const r = rgb[q];
    const g = rgb[q + 1];
    const b = rgb[q + 2];
    counts[hsvBin(r, g, b, hB, sB, vB)]++;
    const y = luma8(r, g, b);
    luma[p] = y;
    grey[p] = quantiseLuma(y, levels);
    sum += y;
    sumSq += y * y;
  }
  const f = allocateFeatures(counts.length);
  for (let k = 0; k < counts.length; k++) f.hsv[k] = counts[k] / n;
  glcmProperties(grey, width, height, levels, params.glcmOffsets, f.glcm);
  lumaThumbnail(luma, width, height, f.thumb);
  colourThumbnail(rgb, width, height, f.colourThumb);
  const mean = sum / n;
  const variance = Math.max(0, sumSq / n - mean * mean);
  return { ...f, meanLuma: mean / 255, stdLuma: Math.sqrt(variance) / 255, sharpness: laplacianVariance(luma, width, height) };
}

/**
 * Variance of the 4-neighbour Laplacian of an 8-bit image over its interior pixels, from exact integer sums (the
 * native kernel's LaplacianVariance does the same operations in the same order): a focus / motion-blur measure.
 */
export function laplacianVariance(luma: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y + 1 < height; y++) {
    const row = y * width;
    for (let x = 1; x + 1 < width; x++) {
      const k = row + x;
      const l = 4 * luma[k] - luma[k - width] - luma[k + width] - luma[k - 1] - luma[k + 1];
      sum += l;
      sumSq += l * l;
    }
  }
  const m = (width - 2) * (height - 2);
  const mean = sum / m;
  return Math.max(0, sumSq / m - mean * mean);
}
