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
 * Whether the change at i is a transient that is undone within `span` frames, not a cut:
 * - transient: the picture on one side of i does not hold for a minimum shot (a flash lasts a few frames, an occluder
 *   keeps moving); a real shot on both sides is a cut even when the old picture returns later (fast cutting);
 * - undone: some picture x from just before i comes back at some y after it, x and y closer than half of how far apart
 *   the change took them (the jump at i, or x to i). Every earlier frame of the span is tried, not only i − 1: an
 *   occluder sliding in may already cover part of the frames before the largest jump.
 */
function undone(frames: ShotFrames, blank: ReadonlyArray<boolean>, i: number, span: number, minShot: number): boolean {
  const n = frames.length;
  const jump = frames.change(i - 1, i);
  const holdsAfter = frames.change(i, Math.min(n - 1, i + minShot - 1)) < jump / 2;
  const heldBefore = frames.change(Math.max(0, i - minShot), i - 1) < jump / 2;
  if (holdsAfter && heldBefore) return false;
  for (let x = i - 1; x >= Math.max(0, i - span); x--) {
    if (blank[x]) continue;
    const near = Math.max(jump, frames.change(x, i)) / 2;
    for (let y = i + 1; y <= Math.min(n - 1, i - 1 + span); y++) {
      if (!blank[y] && frames.change(x, y) < near) return true;
    }
  }
  return false;
}

/**
 * Hard cuts: a frame difference that is a spike — at least `cutSensitivity` times its local level and at least
 * `cutMinDifference` — and the largest of its neighbours, between two non-blank frames (cuts into and out of blank
 * frames are the blank runs' business), and not a transient undone within `flashMaxSeconds`.
 */
export function detectCuts(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  d: Float64Array,
  fps: number,
  minShotFrames: number,
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
    if (undone(frames, blank, i, span, minShotFrames)) continue;
    out.push({ frame: i, kind: 'cut', strength: d[i] / threshold });
  }
  return out;
}
