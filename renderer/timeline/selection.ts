import type { ProjectKeyFrame } from '../../app/project';

/**
 * The key frame ← or → goes to: the one before or after the selected one in time order; with none selected, the
 * nearest one before or after the playhead (→ from the playhead on a key frame's moment selects that one).
 */
export function neighbourKeyframe(
  keyframes: ReadonlyArray<ProjectKeyFrame>,
  selected: string | undefined,
  playhead: number,
  direction: -1 | 1,
): ProjectKeyFrame | undefined {
  const i = selected ? keyframes.findIndex((k) => k.id === selected) : -1;
  if (i >= 0) return keyframes[i + direction] ?? keyframes[i];
  if (direction > 0) return keyframes.find((k) => k.time >= playhead - 1e-6) ?? keyframes.at(-1);
  return [...keyframes].reverse().find((k) => k.time <= playhead + 1e-6) ?? keyframes[0];
}

/** The selected key frame and its neighbours for the large preview: up to `around` on each side. */
export function withNeighbours<T extends { id: string }>(keyframes: ReadonlyArray<T>, selected: string | undefined, around = 2) {
  const i = keyframes.findIndex((k) => k.id === selected);
  if (i < 0) return { before: [] as T[], current: undefined, after: [] as T[] };
  return { before: keyframes.slice(Math.max(0, i - around), i), current: keyframes[i], after: keyframes.slice(i + 1, i + 1 + around) };
}

/** kept | dropped, as the timeline marks a key frame (a proposed one goes into the comic: kept). */
export const reviewMark = (k: Pick<ProjectKeyFrame, 'status'>) => (k.status === 'rejected' ? 'dropped' : 'kept');
