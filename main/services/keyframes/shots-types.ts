import type { AnalysisParams } from '../../../app/keyframes';

/** The analysis parameters shot detection reads. */
export type ShotParams = Pick<
  AnalysisParams,
  | 'minShotSeconds'
  | 'cutSensitivity'
  | 'cutMinDifference'
  | 'cutWindowSeconds'
  | 'flashMaxSeconds'
  | 'blankMaxStd'
  | 'blankLumaMargin'
  | 'sameContentDistance'
  | 'dissolveMaxSeconds'
  | 'dissolveMaxResidual'
>;

/** Why a shot starts where it does. */
export type BoundaryKind = 'cut' | 'blank' | 'dissolve';

/** A detected shot start (the first frame of the new shot) and how clearly it was detected (≥ 1 passed the test). */
export interface Boundary {
  frame: number;
  kind: BoundaryKind;
  strength: number;
  /** A gradual transition's frames, first and last (a blank run, a dissolve's window); none for a cut. */
  span?: [number, number];
}

/** A duration in seconds as a whole number of frames (at least `min`). */
export function framesOf(seconds: number, fps: number, min = 1): number {
  return Math.max(min, Math.round(seconds * fps));
}
