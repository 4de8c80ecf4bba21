import type { AnalysisParams, Shot, ShotTransition } from '../../../app/keyframes';
import type { ClusterFrame } from './analyze-keyframes';
import { fadeRampFrames } from './fade-ramps';
import { detectShotBoundaries, frameRateOf, shotsFromStarts, transitionSpans } from './shots';
import type { ShotSignal } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';

/**
 * The gradual transitions at the boundaries that have one: a blank run (with the fading frames on either side of
 * it: `fading` from fadeRampFrames) is a fade, a dissolve's mixed window a dissolve. Cuts have none.
 */
export function transitionsOf(
  boundaries: ReadonlyArray<Boundary>,
  shots: ReadonlyArray<Shot>,
  signals: ReadonlyArray<Pick<ShotSignal, 'time'>>,
  fading: ReadonlyArray<boolean>,
  fps: number,
): ShotTransition[] {
  const n = signals.length;
  const out: ShotTransition[] = [];
  for (const b of boundaries) {
    if (!b.span || b.kind === 'cut') continue;
    const shot = shots.find((s) => s.startFrame === b.frame);
    if (!shot) continue;
    let [first, last] = b.span;
    if (b.kind === 'blank') {
      while (first > 0 && fading[first - 1]) first--;
      while (last + 1 < n && fading[last + 1]) last++;
    }
    const endTime = last + 1 < n ? signals[last + 1].time : signals[n - 1].time + 1 / fps;
    out.push({ kind: b.kind === 'blank' ? 'fade' : 'dissolve', shot: shot.index, startFrame: first, endFrame: last, startTime: signals[first].time, endTime });
  }
  return out;
}

/** The shots of the frames' signals and the gradual transitions between them (the shot detector's own result). */
export function shotStructure(
  signals: ReadonlyArray<ShotSignal>,
  info: { fps?: number },
  params: ShotParams,
  fading: ReadonlyArray<boolean>,
): { shots: Shot[]; transitions: ShotTransition[]; boundaries: Boundary[] } {
  const fps = frameRateOf(signals, info.fps);
  const boundaries = detectShotBoundaries(signals, info, params);
  const shots = shotsFromStarts(boundaries.map((b) => b.frame), signals, fps);
  return { shots, transitions: transitionsOf(boundaries, shots, signals, fading, fps), boundaries };
}

/**
 * The shot structure as the key-frame choice reads it: shotStructure, with each frame's marks: `fading` (the ramp
 * of a fade into or out of black or white: fadeRampFrames over the blank and flat frames) and `inTransition` (inside
 * a detected dissolve's window). The final analysis marks its frames with them; the analysis pass (inpass-pictures)
 * computes the same over recent frames to settle shots early.
 */
export function frameStructure(
  signals: ReadonlyArray<ShotSignal>,
  frames: ReadonlyArray<Pick<ClusterFrame, 'blank' | 'flat'>>,
  info: { fps?: number },
  params: AnalysisParams,
): ReturnType<typeof shotStructure> & { fading: boolean[]; inTransition: boolean[] } {
  const flat = frames.map((f) => f.blank || f.flat === true);
  const fading = fadeRampFrames(signals, flat, frameRateOf(signals, info.fps), params.fadeMaxSeconds);
  const structure = shotStructure(signals, info, params, fading);
  const inTransition = new Array<boolean>(signals.length).fill(false);
  for (const [a, b] of transitionSpans(structure.boundaries)) for (let i = a; i <= b; i++) inTransition[i] = true;
  return { ...structure, fading, inTransition };
}
