import { GLCM_CONTRAST, GLCM_CORRELATION, GLCM_ENERGY, GLCM_HOMOGENEITY } from './glcm';
import type { SimilarityFeatures } from './types';

/**
 * Σ min(aᵢ, bᵢ), summed in double in four interleaved lanes combined as (s0 + s1) + (s2 + s3). The fixed order is
 * part of the definition: the native kernel sums the same way (and can use SIMD), so results match bit for bit.
 */
export function histogramIntersection(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  const n = a.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += Math.min(a[i], b[i]);
    s1 += Math.min(a[i + 1], b[i + 1]);
    s2 += Math.min(a[i + 2], b[i + 2]);
    s3 += Math.min(a[i + 3], b[i + 3]);
  }
  for (; i < n; i++) s0 += Math.min(a[i], b[i]);
  return s0 + s1 + (s2 + s3);
}

/**
 * GLCM similarity = 1 − distance, distance = the mean of four per-property distances, each in [0, 1]:
 *   contrast (unbounded, ≥ 0): softened Canberra |a − b| / (a + b + 1), scale-free for textured frames while
 *     differences under one grey-level step² between near-flat frames count little;
 *   correlation (in [−1, 1]): |a − b| / 2;  energy, homogeneity (in [0, 1]): |a − b|.
 * So it is symmetric, 1 for equal properties, in [0, 1] (clamped against rounding).
 */
export function glcmSimilarity(a: Float64Array, b: Float64Array): number {
  const ca = a[GLCM_CONTRAST];
  const cb = b[GLCM_CONTRAST];
  const d =
    Math.abs(ca - cb) / (ca + cb + 1) +
    Math.abs(a[GLCM_CORRELATION] - b[GLCM_CORRELATION]) / 2 +
    Math.abs(a[GLCM_ENERGY] - b[GLCM_ENERGY]) +
    Math.abs(a[GLCM_HOMOGENEITY] - b[GLCM_HOMOGENEITY]);
  return Math.min(1, Math.max(0, 1 - d / 4));
}

/** Sim = w · histogram intersection + (1 − w) · GLCM similarity (the paper: w = 0.7). */
export function frameSimilarity(a: SimilarityFeatures, b: SimilarityFeatures, histogramWeight: number): number {
  return histogramWeight * histogramIntersection(a.hsv, b.hsv) + (1 - histogramWeight) * glcmSimilarity(a.glcm, b.glcm);
}

/** Mean absolute difference of two 8-bit thumbnails, divided by 255. */
export function thumbDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return a.length === 0 ? 0 : sum / (a.length * 255);
}
