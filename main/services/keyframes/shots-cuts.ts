import type { ShotFrames } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';
import { framesOf } from './shots-types';

type CutParams = Pick<ShotParams, 'cutSensitivity' | 'cutMinDifference' | 'cutWindowSeconds' | 'flashMaxSeconds'>;

/** The cut distance between each frame and the one before it (0 for frame 0). */
export function frameDifferences(frames: ShotFrames): Float64Array {
  const d = new Float64Array(frames.length);
  for (let i = 1; i < frames.length; i++) d[i] = frames.cut(i - 1, i);
  return d;
}

/** Mean of d over [i − w, i + w] without i itself: the level of change around i (motion, noise, a fade's steps). */
function localLevel(d: Float64Array, i: number, w: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.max(1, i - w); j <= Math.min(d.length - 1, i + w); j++) {
    if (j === i) continue;
    sum += d[j];
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * Whether the change at i is undone within `span` frames: the picture before i comes back after it, or the picture
 * after i was already there before it. That is a flash, or something passing in front of the lens, not a cut.
 * "Comes back" means: closer to the other side than half the jump at i.
 */
function undone(frames: ShotFrames, blank: ReadonlyArray<boolean>, jump: number, i: number, span: number): boolean {
  const near = jump / 2;
  for (let j = i + 1; j <= Math.min(frames.length - 1, i + span); j++) {
    if (!blank[j] && frames.cut(i - 1, j) < near) return true;
  }
  for (let j = i - 2; j >= Math.max(0, i - 1 - span); j--) {
    if (!blank[j] && frames.cut(j, i) < near) return true;
  }
  return false;
}

/**
 * Hard cuts: a frame difference that is a spike — at least `cutSensitivity` times its local level and at least
 * `cutMinDifference` — and the largest of its neighbours, between two non-blank frames (cuts into and out of blank
 * frames are the blank runs' business), and not undone within `flashMaxSeconds`.
 */
export function detectCuts(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  d: Float64Array,
  fps: number,
  p: CutParams,
): Boundary[] {
  const w = framesOf(p.cutWindowSeconds, fps, 2);
  const span = framesOf(p.flashMaxSeconds, fps, 2);
  const out: Boundary[] = [];
  for (let i = 1; i < d.length; i++) {
    if (blank[i] || blank[i - 1]) continue;
    if (d[i] < p.cutMinDifference) continue;
    if ((i > 1 && d[i - 1] > d[i]) || (i + 1 < d.length && d[i + 1] >= d[i])) continue;
    const threshold = Math.max(p.cutMinDifference, p.cutSensitivity * localLevel(d, i, w));
    if (d[i] < threshold) continue;
    if (undone(frames, blank, d[i], i, span)) continue;
    out.push({ frame: i, kind: 'cut', strength: d[i] / threshold });
  }
  return out;
}
