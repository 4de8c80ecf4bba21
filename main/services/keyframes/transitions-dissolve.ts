import { GLCM_CONTRAST } from './features/glcm';
import type { ShotFrames } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';
import { framesOf } from './shots-types';
import { fitMix } from './transitions-mix';

type DissolveParams = Pick<
  ShotParams,
  'cutMinDifference' | 'sameContentDistance' | 'dissolveMaxSeconds' | 'dissolveMaxResidual' | 'blankMaxStd'
>;

/** Window half-widths tried, as fractions of the longest dissolve: short dissolves need short windows. */
const SCALES = [0.125, 0.25, 0.5];
/** The change across a dissolve must be this many times the change over as many frames just before and after it. */
const FLANK_RATIO = 2;
/**
 * Mixing two unrelated pictures half and half halves their fine texture (GLCM contrast adds as (1−α)²·a + α²·b):
 * the middle of a dissolve must have at most this fraction of the contrast interpolated between its ends. Motion
 * (a pan, a zoom) keeps texture sharp and fails this. A perfect mix (residual under EXACT_MIX) needs no dip.
 */
const MAX_CONTRAST_DIP = 0.85;
const EXACT_MIX = 0.05;

interface Candidate {
  a: number;
  b: number;
  frame: number;
  score: number;
}

/** Frames no dissolve window may touch: blank frames, and frames within a minimum shot of a boundary found already. */
function blockedPrefix(blank: ReadonlyArray<boolean>, found: Boundary[], minShotFrames: number): Int32Array {
  const n = blank.length;
  const blocked = new Uint8Array(n);
  blank.forEach((b, i) => (blocked[i] = b ? 1 : 0));
  for (const f of found) {
    for (let i = Math.max(0, f.frame - minShotFrames); i < Math.min(n, f.frame + minShotFrames); i++) blocked[i] = 1;
  }
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + blocked[i];
  return prefix;
}

/** The window [a, b] tested as a dissolve; returns where it crosses half-way and how clearly, or undefined. */
function testWindow(frames: ShotFrames, a: number, b: number, h: number, p: DissolveParams): Candidate | undefined {
  const n = frames.length;
  // Both ends must be pictures: a fade from or to a dark, flat frame is the blank runs' business (a mix of black and a
  // picture is linear too), also when the dark frame is a little too textured to count as blank.
  const textured = 1.5 * p.blankMaxStd;
  if (frames.signals[a].stdLuma < textured || frames.signals[b].stdLuma < textured) return undefined;
  const chord = frames.change(a, b);
  if (Math.min(1, frames.changeWeight * chord) < 2 * p.cutMinDifference) return undefined;
  const before = a - h >= 0 ? frames.change(a - h, a) : -1;
  const after = b + h < n ? frames.change(b, b + h) : -1;
  if (before < 0 && after < 0) return undefined;
  const flank = Math.max(before, after);
  if (chord < FLANK_RATIO * flank) return undefined;
  if (frames.structure(a, b) < p.sameContentDistance) return undefined;
  const fit = fitMix(frames.signals, a, b);
  if (fit.residual > p.dissolveMaxResidual) return undefined;
  const { alphas } = fit;
  const q1 = alphas[Math.floor(alphas.length / 4)];
  const q3 = alphas[Math.floor((3 * alphas.length) / 4)];
  if (!(q1 < q3)) return undefined;
  let mid = alphas.findIndex((x) => x >= 0.5);
  if (mid < 0) return undefined;
  const alpha = alphas[mid];
  if (fit.residual > EXACT_MIX) {
    const ca = frames.signals[a].glcm[GLCM_CONTRAST];
    const cb = frames.signals[b].glcm[GLCM_CONTRAST];
    const expected = (1 - alpha) * ca + alpha * cb;
    const actual = frames.signals[a + 1 + mid].glcm[GLCM_CONTRAST];
    if (!(expected > 0) || actual > MAX_CONTRAST_DIP * expected) return undefined;
  }
  mid = a + 1 + mid;
  return { a, b, frame: mid, score: chord / Math.max(flank, 1e-3) };
}

/**
 * Cross-dissolves: windows [c − h, c + h] (several h up to half of dissolveMaxSeconds) whose ends differ like a cut
 * (and in structure, so not a brightness ramp), standing out from the change just outside them, whose middle frames
 * are a linear mix of the ends (residual ≤ dissolveMaxResidual) with the mix ratio growing, and whose middle has lost
 * texture as a mix does. Overlapping windows are one dissolve; its boundary is where the mix passes half-way.
 */
export function detectDissolves(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  found: Boundary[],
  fps: number,
  minShotFrames: number,
  p: DissolveParams,
): Boundary[] {
  const n = frames.length;
  const blocked = blockedPrefix(blank, found, minShotFrames);
  const longest = framesOf(p.dissolveMaxSeconds, fps, 4);
  const halves = [...new Set(SCALES.map((s) => Math.max(2, Math.round(s * longest))))];
  const candidates: Candidate[] = [];
  for (const h of halves) {
    for (let c = h; c + h < n; c++) {
      const a = c - h;
      const b = c + h;
      if (blocked[b + 1] - blocked[a] > 0) continue;
      const found = testWindow(frames, a, b, h, p);
      if (found) candidates.push(found);
    }
  }
  candidates.sort((x, y) => x.a - y.a);
  const out: Boundary[] = [];
  let group: Candidate[] = [];
  const flush = () => {
    if (!group.length) return;
    const best = group.reduce((x, y) => (y.score > x.score ? y : x));
    out.push({ frame: best.frame, kind: 'dissolve', strength: best.score / FLANK_RATIO });
    group = [];
  };
  let end = -1;
  for (const c of candidates) {
    if (c.a > end) flush();
    group.push(c);
    end = Math.max(end, c.b);
  }
  flush();
  return out;
}
