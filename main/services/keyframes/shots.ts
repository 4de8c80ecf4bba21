/**
 * Shot-boundary detection over per-frame signals (pure: no video, no I/O; see analyze.ts for the streaming side).
 *
 * Three detectors each propose boundaries (the first frame of a new shot); a minimum shot length then arbitrates.
 *
 * 1. Hard cuts (shots-cuts.ts). The frame difference is 3 × the mean absolute difference of two thumbnails (32×18
 *    luma, which sees a new framing of the same colours; 16×9 colour, which sees red → green at equal brightness). A
 *    cut is a spike: ≥ cutSensitivity × the mean difference around it (so sustained motion — pans, zooms, shake,
 *    noise — raises its own bar) and ≥ cutMinDifference (so a still shot's noise never fires). Colour histograms are
 *    not used here: their hard bin edges make a fade step across an edge look like a cut.
 *    A spike that is undone within flashMaxSeconds (the picture before it comes back, or the picture after it was
 *    already there) is a flash or something passing in front of the lens, not a cut.
 * 2. Blank runs (shots-blank.ts): frames near black or white with little variation. Cuts into and out of them are
 *    ignored; the whole run is one candidate, at the first frame after it, so a fade out and in, a cut to black and a
 *    fade in, or a dip to white give exactly one boundary, inside the transition. It is kept only when the pictures on
 *    both sides differ under a brightness-invariant comparison (colour histogram of hue × saturation, and the
 *    correlation of the luma thumbnails), so one picture fading to black and back is not a boundary. A run that ends
 *    the video is none (a final fade-out); a leading run is one only when it is at least a minimum shot long.
 * 3. Cross-dissolves (transitions-dissolve.ts): frames k apart differ like a cut while no single step does, and the
 *    frames in between are a linear mix of the two ends (a pan or a zoom moves content instead, and fails that fit).
 *
 * Finally boundaries closer than minShotSeconds to each other (or to either end of the video) are dropped, the
 * weaker first, so a transition can never produce a burst of tiny shots.
 */
import type { Shot } from '../../../app/keyframes';
import { blankBoundaries, isBlank } from './shots-blank';
import { detectCuts, frameDifferences } from './shots-cuts';
import { ShotFrames, type ShotSignal } from './shots-signals';
import { framesOf, type Boundary, type ShotParams } from './shots-types';
import { detectDissolves } from './transitions-dissolve';

export interface ShotDetection {
  shots: Shot[];
  /** Every boundary kept, with why (for diagnostics and the UI). */
  boundaries: Boundary[];
}

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

export function detectShotBoundaries(signals: ReadonlyArray<ShotSignal>, fps: number, params: ShotParams): Boundary[] {
  if (signals.length < 2) return [];
  const frames = new ShotFrames(signals, params.hsvBins);
  const blank = signals.map((s) => isBlank(s, params));
  const d = frameDifferences(frames);
  const minShotFrames = framesOf(params.minShotSeconds, fps);
  const cuts = detectCuts(frames, blank, d, fps, params);
  const blanks = blankBoundaries(frames, blank, fps, minShotFrames, params);
  const dissolves = detectDissolves(frames, blank, [...cuts, ...blanks], fps, minShotFrames, params);
  return enforceMinimumShotLength([...cuts, ...blanks, ...dissolves], signals.length, minShotFrames);
}

/**
 * The shots of a video from its per-frame signals (in decode order, one per decoded frame). `info.fps` converts the
 * parameters' seconds to frames (the nominal rate; times come from the signals themselves).
 */
export function detectShots(signals: ReadonlyArray<ShotSignal>, info: { fps: number }, params: ShotParams): ShotDetection {
  const fps = info.fps > 0 && Number.isFinite(info.fps) ? info.fps : 25;
  const boundaries = detectShotBoundaries(signals, fps, params);
  return { shots: shotsFromStarts(boundaries.map((b) => b.frame), signals, fps), boundaries };
}
