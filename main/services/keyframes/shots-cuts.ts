import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH, THUMB_HEIGHT, THUMB_WIDTH } from './features';
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
 * A cut happens between two frames: its step stands alone (Yeo and Liu's rule: the largest difference in a window is
 * a cut only when it is several times the second largest). The step at i must be at least ISOLATION times the
 * ISOLATION_REACH nearest other steps on each side (uncapped differences; repeated frames skipped, see REPEAT_STEP). Sustained motion, a hand sweeping past the lens or
 * a fast action shot change the picture over several frames in a row, each step comparable to the next.
 */
const ISOLATION = 2;
const ISOLATION_REACH = 2;
/**
 * Two comparable steps in a row are what motion looks like, so a cut smeared over two frames must stand out more:
 * its two steps together at least this many times every other step near them.
 */
const BLENDED_ISOLATION = 3;

/**
 * A step this small (mean absolute thumbnail difference, 8-bit levels / 255: under one level) is a repeated frame, not
 * motion: animation on twos or threes, a low-rate source shown at a higher rate. The isolation test looks past such
 * steps, up to ISOLATION_MAX_REACH frames, to the nearest steps where the picture moved.
 */
const REPEAT_STEP = 1 / 255;
const ISOLATION_MAX_REACH = 6;

/** The largest of the ISOLATION_REACH nearest non-repeat steps on each side of the steps [from, to]. */
function largestStep(frames: ShotFrames, from: number, to: number): number {
  let max = 0;
  for (const dir of [-1, 1] as const) {
    let found = 0;
    for (let k = 1; k <= ISOLATION_MAX_REACH && found < ISOLATION_REACH; k++) {
      const j = dir < 0 ? from - k : to + k;
      if (j < 1 || j >= frames.length) break;
      const step = frames.change(j - 1, j);
      if (step <= REPEAT_STEP) continue;
      found++;
      max = Math.max(max, step);
    }
  }
  return max;
}

/**
 * Whether the change at i (a local maximum of the frame differences) is a cut's: a single isolated step, or a cut
 * smeared over two frames by one blended frame (frame-rate conversion, field blending) — two steps, i and its larger
 * neighbour, whose sum is isolated from the steps around the pair. Returns the first and last step, or null.
 */
function isolatedStep(frames: ShotFrames, i: number): { steps: [number, number]; ratio: number } | null {
  const step = frames.change(i - 1, i);
  const near = largestStep(frames, i, i);
  if (step >= ISOLATION * near) return { steps: [i, i], ratio: step / Math.max(near, 1e-6) };
  const before = frames.change(Math.max(0, i - 2), i - 1);
  const after = i + 1 < frames.length ? frames.change(i, i + 1) : 0;
  const [p, q] = after >= before ? [i, i + 1] : [i - 1, i];
  if (p < 1 || q >= frames.length) return null;
  const chord = frames.change(p - 1, q);
  const other = largestStep(frames, p, q);
  return chord >= BLENDED_ISOLATION * other ? { steps: [p, q], ratio: chord / Math.max(other, 1e-6) } : null;
}

/**
 * Largest global shift (thumbnail cells, each way) the motion-compensated difference tries: ±4 = 32 analysis px, an
 * eighth of the width a frame. A fast pan on 30-fps footage converted to 25 by dropping one frame in six moves
 * about 3.2 cells in the step with the dropped frame, which ±3 left as a false cut (a remixed clip, test-support/remix-clips.ts);
 * the weakest true cut (a similar-shot cut on hard-dev) keeps 0.20 against 0.21, over a threshold of 0.15.
 */
const MOTION_SEARCH = 4;

/**
 * The cut distance between frames a and b after the best global translation of b's luma thumbnail within
 * ±MOTION_SEARCH cells (mean absolute difference over the overlap): what is left of a change once camera motion is
 * compensated. A fast pan leaves little, a cut to another picture leaves most.
 */
export function compensatedDifference(frames: ShotFrames, a: number, b: number): number {
  const { thumb: la, colourThumb: ca } = frames.signals[a];
  const { thumb: lb, colourThumb: cb } = frames.signals[b];
  const luma = shiftedDifference(la, lb, THUMB_WIDTH, THUMB_HEIGHT, 1, MOTION_SEARCH);
  const colour = shiftedDifference(ca, cb, COLOUR_THUMB_WIDTH, COLOUR_THUMB_HEIGHT, 3, Math.ceil(MOTION_SEARCH / 2));
  return Math.min(1, (frames.changeWeight * Math.max(luma, colour)) / 255);
}

/** Smallest mean absolute difference (8-bit) of two W × H images of `ch` channels over global shifts within ±r. */
function shiftedDifference(x: Uint8Array, y: Uint8Array, W: number, H: number, ch: number, r: number): number {
  let best = Infinity;
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const i0 = Math.max(0, -dx);
      const i1 = Math.min(W, W - dx);
      let sum = 0;
      let n = 0;
      for (let j = Math.max(0, -dy); j < Math.min(H, H - dy); j++) {
        for (let k = (j * W + i0) * ch, m = ((j + dy) * W + i0 + dx) * ch, end = (j * W + i1) * ch; k < end; k++, m++) {
          sum += Math.abs(x[k] - y[m]);
        }
        n += (i1 - i0) * ch;
      }
      if (n) best = Math.min(best, sum / n);
    }
  }
  return best;
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
    const level = localLevel(d, i, w);
    const threshold = Math.max(p.cutMinDifference, p.cutSensitivity * level);
    if (d[i] < threshold) continue;
    const isolated = isolatedStep(frames, i);
    if (!isolated) continue;
    const [first, last] = isolated.steps;
    const compensated = compensatedDifference(frames, first - 1, last);
    if (compensated < p.cutMinDifference) continue;
    if (undone(frames, blank, i, span, minShotFrames)) continue;
    out.push({
      frame: i,
      kind: 'cut',
      strength: d[i] / threshold,
      reason: {
        signal: 'frame difference',
        value: d[i],
        threshold,
        checks: {
          localLevel: level,
          isolation: isolated.ratio,
          isolationThreshold: first === last ? ISOLATION : BLENDED_ISOLATION,
          blendedFrames: last - first,
          motionCompensated: compensated,
          motionCompensatedThreshold: p.cutMinDifference,
        },
      },
    });
  }
  return out;
}
