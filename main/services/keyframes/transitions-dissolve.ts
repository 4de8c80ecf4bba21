import type { ShotFrames } from './shots-signals';
import type { Boundary, ShotParams } from './shots-types';

export function detectDissolves(
  frames: ShotFrames,
  blank: ReadonlyArray<boolean>,
  d: Float64Array,
  found: Boundary[],
  fps: number,
  p: ShotParams,
): Boundary[] {
  void frames; void blank; void d; void found; void fps; void p;
  return [];
}
