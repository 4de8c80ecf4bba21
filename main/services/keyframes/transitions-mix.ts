import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH } from './features';
import type { ShotSignal } from './shots-signals';

export interface MixFit {
  /** Mix ratio of each frame strictly between the ends (0 = the first end, 1 = the last). */
  alphas: number[];
  /** Mean distance of those frames from the straight line between the ends, relative to the ends' distance. */
  residual: number;
  /**
   * How much the mix ratio differs across the picture, over the frames half-way through (α in [0.25, 0.75]): the
   * weighted spread of α fitted separately in 4 × 3 regions. A dissolve mixes the whole picture at once (small
   * spread); a pan or a wipe is already "at the end" on one side and not yet on the other.
   */
  spread: number;
}

const REGIONS_X = 4;
const REGIONS_Y = 3;
// Local copies: an imported binding compiles to a getter call under CommonJS, and these are read in inner loops.
const CW = COLOUR_THUMB_WIDTH;
const CH = COLOUR_THUMB_HEIGHT;

/** Weighted standard deviation of α fitted per region for the frame xm (weights: squared end-to-end difference). */
function regionSpread(xa: Uint8Array, xb: Uint8Array, xm: Uint8Array): number {
  const fits: Array<[number, number]> = [];
  let weightSum = 0;
  let meanSum = 0;
  for (let ry = 0; ry < REGIONS_Y; ry++) {
    for (let rx = 0; rx < REGIONS_X; rx++) {
      let dot = 0;
      let span = 0;
      const y0 = Math.floor((ry * CH) / REGIONS_Y);
      const y1 = Math.floor(((ry + 1) * CH) / REGIONS_Y);
      const x0 = Math.floor((rx * CW) / REGIONS_X);
      const x1 = Math.floor(((rx + 1) * CW) / REGIONS_X);
      for (let y = y0; y < y1; y++) {
        for (let k = (y * CW + x0) * 3, end = (y * CW + x1) * 3; k < end; k++) {
          const d = xb[k] - xa[k];
          dot += (xm[k] - xa[k]) * d;
          span += d * d;
        }
      }
      if (span === 0) continue;
      fits.push([dot / span, span]);
      weightSum += span;
      meanSum += dot;
    }
  }
  if (weightSum === 0) return 0;
  const mean = meanSum / weightSum;
  let variance = 0;
  for (const [alpha, w] of fits) variance += w * (alpha - mean) ** 2;
  return Math.sqrt(variance / weightSum);
}

/**
 * How well the colour thumbnails of frames a < m < b fit x_m = (1 − α_m)·x_a + α_m·x_b (a cross-dissolve), each α_m
 * by least squares (the projection onto the line from x_a to x_b). Colour separates mixing from motion better than
 * luma alone: a pan over a smooth luma gradient is nearly a luma mix, rarely a colour one.
 */
export function fitMix(signals: ReadonlyArray<Pick<ShotSignal, 'colourThumb'>>, a: number, b: number): MixFit {
  const xa = signals[a].colourThumb;
  const xb = signals[b].colourThumb;
  const len = xa.length;
  let span = 0;
  for (let k = 0; k < len; k++) span += (xb[k] - xa[k]) ** 2;
  const alphas: number[] = [];
  if (span === 0) return { alphas, residual: Infinity, spread: Infinity };
  const regions = len === CW * CH * 3;
  let residual = 0;
  let spread = 0;
  let halfway = 0;
  for (let m = a + 1; m < b; m++) {
    const xm = signals[m].colourThumb;
    // One pass: |e − α·d|² = |e|² − (e·d)²/|d|² for the projection α = e·d / |d|² (e = x_m − x_a, d = x_b − x_a);
    // the sums are of integers, exact in doubles.
    let dot = 0;
    let own = 0;
    for (let k = 0; k < len; k++) {
      const e = xm[k] - xa[k];
      dot += e * (xb[k] - xa[k]);
      own += e * e;
    }
    const alpha = dot / span;
    const off = Math.max(0, own - (dot * dot) / span);
    alphas.push(alpha);
    residual += Math.sqrt(off / span);
    if (regions && alpha >= 0.25 && alpha <= 0.75) {
      spread += regionSpread(xa, xb, xm);
      halfway++;
    }
  }
  return {
    alphas,
    residual: alphas.length ? residual / alphas.length : 0,
    spread: halfway ? spread / halfway : 0,
  };
}
