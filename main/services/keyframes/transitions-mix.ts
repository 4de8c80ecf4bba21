import type { ShotSignal } from './shots-signals';

export interface MixFit {
  /** Mix ratio of each frame strictly between the ends (0 = the first end, 1 = the last). */
  alphas: number[];
  /** Mean distance of those frames from the straight line between the ends, relative to the ends' distance. */
  residual: number;
}

/**
 * How well the luma thumbnails of frames a < m < b fit x_m = (1 − α_m)·x_a + α_m·x_b (a cross-dissolve), each α_m
 * by least squares (the projection onto the line from x_a to x_b).
 */
export function fitMix(signals: ReadonlyArray<Pick<ShotSignal, 'thumb'>>, a: number, b: number): MixFit {
  const xa = signals[a].thumb;
  const xb = signals[b].thumb;
  const len = xa.length;
  let span = 0;
  for (let k = 0; k < len; k++) span += (xb[k] - xa[k]) ** 2;
  const alphas: number[] = [];
  if (span === 0) return { alphas, residual: Infinity };
  let residual = 0;
  for (let m = a + 1; m < b; m++) {
    const xm = signals[m].thumb;
    let dot = 0;
    for (let k = 0; k < len; k++) dot += (xm[k] - xa[k]) * (xb[k] - xa[k]);
    const alpha = dot / span;
    let off = 0;
    for (let k = 0; k < len; k++) off += (xm[k] - xa[k] - alpha * (xb[k] - xa[k])) ** 2;
    alphas.push(alpha);
    residual += Math.sqrt(off / span);
  }
  return { alphas, residual: alphas.length ? residual / alphas.length : 0 };
}
