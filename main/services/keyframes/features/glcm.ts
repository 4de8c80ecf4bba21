/**
 * Grey-level co-occurrence properties, defined as scikit-image's graycomatrix(symmetric=True, normed=True) +
 * graycoprops, then averaged over the offsets:
 *   P = (C + Cᵀ) / Σ(C + Cᵀ), C[i, j] = #pixels with grey i whose neighbour at (x + dx, y + dy) has grey j;
 *   contrast = Σ P (i − j)², homogeneity = Σ P / (1 + (i − j)²), energy = √(Σ P²),
 *   correlation = Σ P (i − μ)(j − μ) / σ², and 1 when σ < 1e-15 (uniform image), as scikit-image does.
 * An offset [dx, dy] is scikit-image's (distance, angle) with row offset dy and column offset dx: [1,0] = angle 0,
 * [0,1] = π/2, [1,1] = π/4, [-1,1] = 3π/4.
 * Deliberate difference: an offset that finds no pixel pair (the image is smaller than the offset) is left out of the
 * average instead of contributing zeros; if none finds a pair, the image counts as uniform: [0, 1, 1, 1].
 */
export const GLCM_CONTRAST = 0;
export const GLCM_CORRELATION = 1;
export const GLCM_ENERGY = 2;
export const GLCM_HOMOGENEITY = 3;

/** Co-occurrence counts of one offset (not symmetric yet) into `counts` (levels²); returns the number of pairs. */
export function countPairs(
  grey: Uint8Array,
  width: number,
  height: number,
  levels: number,
  dx: number,
  dy: number,
  counts: Uint32Array,
): number {
  counts.fill(0);
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(width, width - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(height, height - dy);
  if (x1 <= x0 || y1 <= y0) return 0;
  const shift = dy * width + dx;
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    for (let p = row + x0; p < row + x1; p++) counts[grey[p] * levels + grey[p + shift]]++;
  }
  return (x1 - x0) * (y1 - y0);
}

/** Adds the four properties of the symmetric, normalised matrix of `counts` (with `pairs` pairs) into `out`. */
export function addProperties(counts: Uint32Array, pairs: number, levels: number, out: Float64Array): void {
  const total = 2 * pairs;
  let contrast = 0;
  let homogeneity = 0;
  let asm = 0;
  let mean = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) {
      const p = (counts[i * levels + j] + counts[j * levels + i]) / total;
      const d2 = (i - j) * (i - j);
      contrast += p * d2;
      homogeneity += p / (1 + d2);
      asm += p * p;
      mean += i * p;
    }
  }
  let variance = 0;
  let covariance = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) {
      const p = (counts[i * levels + j] + counts[j * levels + i]) / total;
      variance += p * (i - mean) * (i - mean);
      covariance += p * (i - mean) * (j - mean);
    }
  }
  const sigma = Math.sqrt(variance);
  out[GLCM_CONTRAST] += contrast;
  out[GLCM_CORRELATION] += sigma < 1e-15 ? 1 : covariance / (sigma * sigma);
  out[GLCM_ENERGY] += Math.sqrt(asm);
  out[GLCM_HOMOGENEITY] += homogeneity;
}

/** The four properties averaged over the offsets. `grey` holds values < levels, row-major, width × height. */
export function glcmProperties(
  grey: Uint8Array,
  width: number,
  height: number,
  levels: number,
  offsets: ReadonlyArray<readonly [number, number]>,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  out.fill(0);
  const counts = new Uint32Array(levels * levels);
  let used = 0;
  for (const [dx, dy] of offsets) {
    const pairs = countPairs(grey, width, height, levels, dx, dy, counts);
    if (pairs === 0) continue;
    addProperties(counts, pairs, levels, out);
    used++;
  }
  if (used === 0) {
    out.set([0, 1, 1, 1]);
    return out;
  }
  for (let k = 0; k < 4; k++) out[k] /= used;
  return out;
}
