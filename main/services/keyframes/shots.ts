/**
 * Shot-boundary detection over per-frame signals (pure: no video, no I/O; analyze.ts is the streaming side).
 *
 * Each frame carries a 32×18 luma thumbnail, a 16×9 colour thumbnail, and its luma mean and deviation. Three detectors
 * propose boundaries (the first frame of a new shot); a minimum shot length then arbitrates.
 *
 * 1. Hard cuts (shots-cuts.ts). The frame difference is 3 × the mean absolute difference of the thumbnails (luma sees
 *    a new framing of the same colours; colour sees red → green at equal brightness). Colour histograms are not used
 *    for this: their hard bin edges make one step of a smooth fade look like a cut. A cut is a spike: at least
 *    cutSensitivity × the mean difference around it (sustained motion — pans, zooms, shake, noise — raises its own
 *    bar) and at least cutMinDifference (a still shot's noise never fires). A spike that is transient (one side does
 *    not hold for a minimum shot) and undone within flashMaxSeconds (a picture from before it comes back) is a camera
 *    flash or something passing in front of the lens. The step must also stand alone (≥ 2 × every other step within
 *    2 frames; a hand sweeping past, fast action, a pan starting change the picture over several frames) and survive
 *    global motion compensation (what is left after the best shift within ±4 thumbnail cells ≥ cutMinDifference).
 * 2. Blank runs (shots-blank.ts): frames near black or white with little variation. Cuts into and out of them are
 *    ignored; the run is one candidate, at the first frame after it, so a fade out and in, a cut to black then a fade
 *    in, or a dip to white give exactly one boundary, inside the transition. It is kept only when the pictures on the
 *    two sides differ under a brightness-invariant comparison (correlation of the luma layout and of the chroma,
 *    best pair over several depths into the fades), so one picture fading to black or white and back is no boundary.
 *    A run that ends the video (a final fade-out) is none; a leading run is one only if it lasts a minimum shot.
 * 3. Cross-dissolves (transitions-dissolve.ts): windows whose end frames differ like a cut and in content, standing
 *    out from the change next to them, with no single big step inside, whose middle frames are a linear mix of the
 *    ends with one mix ratio over the whole picture (a pan or zoom moves content instead: it fails the fit or mixes
 *    unevenly, one side ahead of the other), that replace at least half of the picture seen from both ends
 *    (shots-blocks.ts: motion-compensated, gain-invariant block matching; an exposure change, a zoom, an occluder do
 *    not) and after which the picture from before does not come back within 2 s. One boundary per dissolve, where the
 *    mix passes half-way. Blank runs and dissolves compare pictures ignoring black letterbox bars.
 *
 * Finally boundaries closer than minShotSeconds to each other or to either end of the video are dropped, the weaker
 * first, so no transition can produce a burst of tiny shots.
 */
import type { Shot } from '../../../app/keyframes';
import { blankBoundaries, isBlank } from './shots-blank';
import { detectCuts, frameDifferences } from './shots-cuts';
import { ShotFrames, type ShotSignal } from './shots-signals';
import { framesOf, type Boundary, type ShotParams } from './shots-types';
import { detectDissolves } from './transitions-dissolve';

/** Keeps the strongest boundaries that leave every shot at least `minFrames` long. */
export function enforceMinimumShotLength(candidates: Boundary[], frameCount: number, minFrames: number): Boundary[] {
  const kept: Boundary[] = [];
  const priority = [...candidates].sort((a, b) => b.strength - a.strength || a.frame - b.frame);
  for (const b of priority) {
    if (b.frame < minFrames || frameCount - b.frame < minFrames) continue;
    if (kept.some((k) => Math.abs(k.frame - b.frame) < minFrames)) continue;
    kept.push(b);
  }
  return kept.sort((a, b) => a.frame - b.frame);
}

/** Shots from their start frames. A shot ends when the next begins; the last one a frame duration after its last frame. */
export function shotsFromStarts(starts: number[], signals: ReadonlyArray<Pick<ShotSignal, 'time'>>, fps: number): Shot[] {
  const n = signals.length;
  if (n === 0) return [];
  const firsts = [0, ...starts.filter((s) => s > 0 && s < n)];
  return firsts.map((startFrame, index) => {
    const endFrame = index + 1 < firsts.length ? firsts[index + 1] - 1 : n - 1;
    const endTime = endFrame + 1 < n ? signals[endFrame + 1].time : signals[n - 1].time + 1 / fps;
    return { index, startFrame, endFrame, startTime: signals[startFrame].time, endTime };
  });
}

/**
 * Frames per second for converting the parameters' seconds into frames: measured from the frames' own times (right
 * on variable-frame-rate video, where the nominal rate can be far off), else the nominal rate, else 25.
 */
export function frameRateOf(signals: ReadonlyArray<Pick<ShotSignal, 'time'>>, nominal?: number): number {
  const n = signals.length;
  const span = n > 1 ? signals[n - 1].time - signals[0].time : 0;
  if (span > 0 && Number.isFinite(span)) return (n - 1) / span;
  return nominal !== undefined && nominal > 0 && Number.isFinite(nominal) ? nominal : 25;
}

/** Every shot start found (the first frame of each shot after the first), with why and how clearly. */
export function detectShotBoundaries(
  signals: ReadonlyArray<ShotSignal>,
  info: { fps?: number },
  params: ShotParams,
): Boundary[] {
  if (signals.length < 2) return [];
  const fps = frameRateOf(signals, info.fps);
  const frames = new ShotFrames(signals);
  const blank = signals.map((s) => isBlank(s, params));
  const d = frameDifferences(frames);
  const minShotFrames = framesOf(params.minShotSeconds, fps);
  const cuts = detectCuts(frames, blank, d, fps, minShotFrames, params);
  const blanks = blankBoundaries(frames, blank, fps, minShotFrames, params);
  const dissolves = detectDissolves(frames, blank, d, [...cuts, ...blanks], fps, minShotFrames, params);
  return enforceMinimumShotLength([...cuts, ...blanks, ...dissolves], signals.length, minShotFrames);
}

/** The shots of a video from its per-frame signals (in decode order, one per decoded frame), tiling all frames. */
export function detectShots(signals: ReadonlyArray<ShotSignal>, info: { fps?: number }, params: ShotParams): Shot[] {
  return detectShotsExplained(signals, info, params).shots;
}

/** The shots and the boundaries that start them (with their reasons). */
export function detectShotsExplained(
  signals: ReadonlyArray<ShotSignal>,
  info: { fps?: number },
  params: ShotParams,
): { shots: Shot[]; boundaries: Boundary[] } {
  const boundaries = detectShotBoundaries(signals, info, params);
  return { shots: shotsFromStarts(boundaries.map((b) => b.frame), signals, frameRateOf(signals, info.fps)), boundaries };
}

/** Frames inside detected cross-dissolves (a mix of two shots, no good key frame): [first, last] of each. */
export function transitionSpans(boundaries: ReadonlyArray<Boundary>): Array<[number, number]> {
  return boundaries.filter((b) => b.kind === 'dissolve' && b.span).map((b) => b.span as [number, number]);
}
