/**
 * Per-pixel colour definitions shared (by specification) with main/native/src: every step is exact integer
 * arithmetic, so both kernels put every pixel in the same bin.
 */

/**
 * ITU-R BT.601 luma rounded to 8 bits: 0.299 R + 0.587 G + 0.114 B with 16-bit fixed-point weights
 * (19595 + 38470 + 7471 = 65536, as OpenCV's RGB2GRAY), so white stays 255.
 */
export function luma8(r: number, g: number, b: number): number {
  return (19595 * r + 38470 * g + 7471 * b + 32768) >>> 16;
}

/** Grey level for the GLCM: floor(luma · levels / 256), i.e. equal-width bins over 0..255 as `img // (256 / L)`. */
export function quantiseLuma(luma: number, levels: number): number {
  return Math.floor((luma * levels) / 256);
}

/**
 * Joint HSV bin of one pixel, index (h · sBins + s) · vBins + v, with OpenCV's HSV:
 *   V = max / 255, S = (max − min) / max (0 when max = 0),
 *   H = 60° · (G − B)/(max − min) if max = R (+360° when negative), 120° + 60° · (B − R)/(max − min) if max = G,
 *       240° + 60° · (R − G)/(max − min) otherwise; H = 0 for greys. Ties pick R before G before B.
 * Each bin is floor(value · bins / range) (clamped to bins − 1), evaluated on the exact rationals: H · hBins / 360
 * = hueNum · hBins / (6 · (max − min)) with hueNum the integer H / 60° · (max − min).
 */
export function hsvBin(r: number, g: number, b: number, hBins: number, sBins: number, vBins: number): number {
  const mx = r > g ? (r > b ? r : b) : g > b ? g : b;
  const mn = r < g ? (r < b ? r : b) : g < b ? g : b;
  const d = mx - mn;
  const v = Math.min(Math.floor((mx * vBins) / 255), vBins - 1);
  if (d === 0) return v; // grey: H = 0, S = 0
  const s = Math.min(Math.floor((d * sBins) / mx), sBins - 1);
  let hueNum: number;
  if (mx === r) hueNum = g - b;
  else if (mx === g) hueNum = b - r + 2 * d;
  else hueNum = r - g + 4 * d;
  if (hueNum < 0) hueNum += 6 * d;
  const h = Math.min(Math.floor((hueNum * hBins) / (6 * d)), hBins - 1);
  return (h * sBins + s) * vBins + v;
}
