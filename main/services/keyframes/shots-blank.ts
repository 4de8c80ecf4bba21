import type { ShotFrames, ShotSignal } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';
import { framesOf } from './shots-types';

type BlankParams = Pick<ShotParams, 'blankMaxStd' | 'blankLumaMargin' | 'sameContentDistance'>;

/** How far into the fades on each side of a blank run the pictures are compared (seconds), and at how many frames. */
const FADE_SEARCH_SECONDS = 1;
const FADE_SAMPLES = 8;

/** Near black or near white with little variation: the bottom of a fade, a flash of white, a black gap. */
export function isBlank(
  s: Pick<ShotSignal, 'meanLuma' | 'stdLuma'>,
  p: Pick<BlankParams, 'blankMaxStd' | 'blankLumaMargin'>,
): boolean {
  return s.stdLuma <= p.blankMaxStd && (s.meanLuma <= p.blankLumaMargin || s.meanLuma >= 1 - p.blankLumaMargin);
}

/** Maximal runs [first, last] of blank frames. */
export function blankRuns(blank: ReadonlyArray<boolean>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < blank.length; i++) {
    if (!blank[i]) continue;
    const first = i;
    while (i + 1 < blank.length && blank[i + 1]) i++;
    runs.push([first, i]);
  }
  return runs;
}

/** Up to `count` non-blank frames stepping away from `start` by `step` (±1) over at most `span` frames. */
function visibleFrames(blank: ReadonlyArray<boolean>, start: number, step: 1 | -1, span: number, count: number): number[] {
  const picked: number[] = [];
  const stride = Math.max(1, Math.floor(span / count));
  for (let k = 0, i = start; k < span && i >= 0 && i < blank.length && picked.length < count; k++, i += step) {
    if (!blank[i] && k % stride === 0) picked.push(i);
  }
  return picked;
}

/**
 * One candidate boundary per blank run, at the first frame after it, kept only when the pictures on the two sides
 * differ. The sides are compared brightness-invariantly and at several depths into the fades (the pair that matches
 * best decides), so a fade of one picture to black or white and back is no boundary, whatever the fade curves.
 * A run that ends the video (a fade-out at the end) is none; a run that starts it is one only when it lasts at least
 * the minimum shot length (a long black leader, then a cut to the first picture).
 */
export function blankBoundaries(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  fps: number,
  minShotFrames: number,
  p: BlankParams,
): Boundary[] {
  const out: Boundary[] = [];
  const span = framesOf(FADE_SEARCH_SECONDS, fps, 2);
  for (const [first, last] of blankRuns(blank)) {
    const next = last + 1;
    if (next >= blank.length) continue;
    if (first === 0) {
      if (next >= minShotFrames) {
        out.push({
          frame: next,
          kind: 'blank',
          strength: 1,
          reason: { signal: 'leading blank run (frames)', value: next, threshold: minShotFrames, checks: { first, last } },
          span: [first, last],
        });
      }
      continue;
    }
    const before = visibleFrames(blank, first - 1, -1, span, FADE_SAMPLES);
    const after = visibleFrames(blank, next, 1, span, FADE_SAMPLES);
    let best = Infinity;
    for (const a of before) for (const b of after) best = Math.min(best, frames.content(a, b));
    if (best > p.sameContentDistance) {
      out.push({
        frame: next,
        kind: 'blank',
        strength: best / p.sameContentDistance,
        reason: {
          signal: 'content distance across the blank run',
          value: best,
          threshold: p.sameContentDistance,
          checks: { first, last },
        },
        span: [first, last],
      });
    }
  }
  return out;
}
