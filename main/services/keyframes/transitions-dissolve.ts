import { isBlank } from './shots-blank';
import type { ShotFrames, ShotSignal } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';
import { framesOf } from './shots-types';
import { fitMix } from './transitions-mix';
import { newContentShare } from './shots-blocks';

type DissolveParams = Pick<
  ShotParams,
  | 'cutMinDifference'
  | 'sameContentDistance'
  | 'dissolveMaxSeconds'
  | 'dissolveMaxResidual'
  | 'blankMaxStd'
  | 'blankLumaMargin'
>;

/** Window half-widths tried, as fractions of the longest dissolve: short dissolves need short windows. */
const SCALES = [0.125, 0.25, 0.5];
/** The change across a dissolve must be this many times the change over as many frames just before or after it. */
const FLANK_RATIO = 2;
/** No single frame step inside a dissolve may carry more than this fraction of the change across it. */
const MAX_STEP = 1 / 3;
/** Largest spread of the mix ratio across the picture (see MixFit.spread). */
const MAX_SPREAD = 0.12;
/**
 * A dissolve replaces the picture: at least this share of it must be new, seen from both ends (newContentShare:
 * motion-compensated, gain-invariant block matching). Measured on the hard-dev clips: the true dissolves and fades
 * 0.67-0.96, the false ones on exposure changes, zooms, pans and occluders 0.10-0.38 (docs/keyframes.md).
 */
const MIN_NEW_SHARE = 0.5;
/** How far (seconds) before and after a dissolve candidate its pictures are compared for the return test. */
const RETURN_BEFORE_SECONDS = 1;
const RETURN_AFTER_SECONDS = 2;

/**
 * Whether the picture from before [a, b] comes back after it: some frame of the second before a (not across a
 * boundary found already) and some frame of the two seconds after b (idem) share more than half of their picture
 * (newContentShare < MIN_NEW_SHARE). A transition leaves the old shot for good; an exposure that dips and recovers,
 * a car or a person passing, a camera that swings away and back do not. Returns that smallest share.
 */
export function returnShare(
  frames: ShotFrames,
  a: number,
  b: number,
  found: ReadonlyArray<Boundary>,
  fps: number,
): number {
  const n = frames.length;
  let from = Math.max(0, a - framesOf(RETURN_BEFORE_SECONDS, fps));
  let to = Math.min(n - 1, b + framesOf(RETURN_AFTER_SECONDS, fps));
  for (const f of found) {
    if (f.frame <= a) from = Math.max(from, f.frame);
    if (f.frame > b) to = Math.min(to, f.frame - 1);
  }
  const step = Math.max(1, Math.round(fps / 8));
  let best = 1;
  for (let x = a; x >= from && best >= MIN_NEW_SHARE; x -= step) {
    for (let y = b; y <= to && best >= MIN_NEW_SHARE; y += step) {
      best = Math.min(best, newContentShare(frames.signals[x].thumb, frames.signals[y].thumb, MIN_NEW_SHARE));
    }
  }
  return best;
}

export interface DissolveCandidate {
  a: number;
  b: number;
  /** Where the mix passes half-way: the boundary. */
  frame: number;
  score: number;
  /** The other measures it passed (for --explain). */
  checks: Record<string, number>;
}

/** Blank by twice the thresholds: the dim end of a fade. */
function nearlyBlank(s: Pick<ShotSignal, 'meanLuma' | 'stdLuma'>, p: DissolveParams): boolean {
  return isBlank(s, { blankMaxStd: 2 * p.blankMaxStd, blankLumaMargin: p.blankLumaMargin });
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

/** The window [a, b] tested as a dissolve: where it crosses half-way and how clearly, or why not (for diagnostics). */
export function testDissolveWindow(
  frames: ShotFrames,
  d: Float64Array,
  a: number,
  b: number,
  p: DissolveParams,
): DissolveCandidate | string {
  const n = frames.length;
  const h = (b - a) >> 1;
  // Both ends must be pictures: a fade from or to a dark, flat frame is the blank runs' business (a mix of black and a
  // picture is linear too), also when the dark frame is a little too textured to count as blank.
  if (nearlyBlank(frames.signals[a], p) || nearlyBlank(frames.signals[b], p)) return 'dim end';
  const chord = frames.change(a, b);
  if (Math.min(1, frames.changeWeight * chord) < p.cutMinDifference) return 'small change';
  // A dissolve stands out from the change on at least one side of it (a pan or a zoom goes on, on both sides).
  const before = a - h >= 0 ? frames.change(a - h, a) : Infinity;
  const after = b + h < n ? frames.change(b, b + h) : Infinity;
  const flank = Math.min(before, after);
  if (!Number.isFinite(flank) || chord < FLANK_RATIO * flank) return 'no stand-out';
  for (let i = a + 1; i <= b; i++) {
    if (d[i] > MAX_STEP * Math.min(1, frames.changeWeight * chord)) return 'step inside';
  }
  if (frames.content(a, b) < p.sameContentDistance) return 'same content';
  const fit = fitMix(frames.signals, a, b);
  if (fit.residual > p.dissolveMaxResidual) return `residual ${fit.residual.toFixed(2)}`;
  if (fit.spread > MAX_SPREAD) return `spread ${fit.spread.toFixed(2)}`;
  const { alphas } = fit;
  const q1 = alphas[Math.floor(alphas.length / 4)];
  const q3 = alphas[Math.floor((3 * alphas.length) / 4)];
  if (!(q1 < q3)) return 'not monotonic';
  const mid = alphas.findIndex((x) => x >= 0.5);
  if (mid < 0) return 'never half-way';
  // Last, as the dearest test (block matching).
  const fresh = newContentShare(frames.signals[a].thumb, frames.signals[b].thumb, MIN_NEW_SHARE);
  if (fresh < MIN_NEW_SHARE) return `new share ${fresh.toFixed(2)}`;
  return {
    a,
    b,
    frame: a + 1 + mid,
    score: chord / Math.max(flank, 1e-3),
    checks: { first: a, last: b, newShare: fresh, residual: fit.residual, spread: fit.spread },
  };
}

/**
 * Cross-dissolves: windows [c − h, c + h] (several h up to half of dissolveMaxSeconds) whose ends differ like a cut
 * and in content (not a brightness ramp), standing out from the change just before or after them, with no big step
 * inside (that is a cut), whose middle frames are a linear mix of the ends (residual ≤ dissolveMaxResidual) mixed
 * evenly over the picture, with the mix ratio growing. Windows that overlap, or come within a minimum shot of each
 * other, are one dissolve (the clearest of them taken first); its boundary is where the mix passes half-way in the
 * clearest window.
 */
export function detectDissolves(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  d: Float64Array,
  found: Boundary[],
  fps: number,
  minShotFrames: number,
  p: DissolveParams,
): Boundary[] {
  const n = frames.length;
  const blocked = blockedPrefix(blank, found, minShotFrames);
  const longest = framesOf(p.dissolveMaxSeconds, fps, 4);
  const halves = [...new Set(SCALES.map((s) => Math.max(2, Math.round(s * longest))))];
  const candidates: DissolveCandidate[] = [];
  for (const h of halves) {
    for (let c = h; c + h < n; c++) {
      if (blocked[c + h + 1] - blocked[c - h] > 0) continue;
      const found = testDissolveWindow(frames, d, c - h, c + h, p);
      if (typeof found !== 'string') candidates.push(found);
    }
  }
  // Overlapping windows (transitively) make one stretch of change. Within it, the clearest window first, and a window
  // overlapping one already taken, or less than a minimum shot from it, is the same dissolve: two dissolves 1.4 s
  // apart are two. When the clearest window of the stretch sees the picture from before come back, the stretch is no
  // transition at all (a lighting ramp or dip whose partial windows pass the other tests).
  candidates.sort((x, y) => x.a - y.a);
  const out: Boundary[] = [];
  const flush = (group: DissolveCandidate[]) => {
    if (!group.length) return;
    group.sort((x, y) => y.score - x.score || x.a - y.a);
    const taken: DissolveCandidate[] = [];
    for (const c of group) {
      if (!taken.some((t) => c.a <= t.b + minShotFrames && c.b >= t.a - minShotFrames)) taken.push(c);
    }
    const clearest = returnShare(frames, taken[0].a, taken[0].b, found, fps);
    if (clearest < MIN_NEW_SHARE) return;
    taken.forEach((best, k) => {
      const returned = k === 0 ? clearest : returnShare(frames, best.a, best.b, found, fps);
      if (returned < MIN_NEW_SHARE) return;
      out.push({
        frame: best.frame,
        kind: 'dissolve',
        strength: best.score / FLANK_RATIO,
        reason: {
          signal: 'change across the dissolve / change beside it',
          value: best.score,
          threshold: FLANK_RATIO,
          checks: { ...best.checks, newShareThreshold: MIN_NEW_SHARE, returnShare: returned },
        },
        span: [best.a, best.b],
      });
    });
  };
  let group: DissolveCandidate[] = [];
  let end = -1;
  for (const c of candidates) {
    if (c.a > end) {
      flush(group);
      group = [];
    }
    group.push(c);
    end = Math.max(end, c.b);
  }
  flush(group);
  out.sort((x, y) => x.frame - y.frame);
  return out;
}
