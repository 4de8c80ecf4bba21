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

/**
 * Why a boundary was taken, for `keyframes --explain`: the deciding signal, its value and the threshold it passed,
 * and the other checks it passed with their values.
 */
export interface BoundaryReason {
  signal: string;
  value: number;
  threshold: number;
  checks: Record<string, number>;
}

/** A detected shot start (the first frame of the new shot) and how clearly it was detected (≥ 1 passed the test). */
export interface Boundary {
  frame: number;
  kind: BoundaryKind;
  strength: number;
  reason?: BoundaryReason;
  /** A gradual transition's frames, first and last (a blank run, a dissolve's window); none for a cut. */
  span?: [number, number];
}

/** A duration in seconds as a whole number of frames (at least `min`). */
export function framesOf(seconds: number, fps: number, min = 1): number {
  return Math.max(min, Math.round(seconds * fps));
}
