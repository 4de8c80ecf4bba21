import type { DetectedKeyFrame, DroppedKeyFrame } from '../../../app/keyframes';

/** A key frame the mutual comparison dropped, the kept one it repeats, and why. */
export interface DroppedDuplicate<T> {
  keyframe: T;
  duplicateOf: T;
  /** The similarity of the two (the IJIP measure). */
  similarity: number;
  /**
   * "similar": more similar than `threshold` to a key frame kept earlier (anywhere in the video); "same picture":
   * the same picture as a key frame of its own shot by the samePicture test (`newShare` at most `threshold`, its
   * maxNew).
   */
  reason: 'similar' | 'same picture';
  newShare?: number;
  threshold: number;
}

/**
 * A brightness-invariant test of "the same picture" (same-picture.ts): `newShare` is the share of either key frame
 * that is not found in the other, and two key frames of one shot are the same picture when it is at most `maxNew`.
 */
export interface SamePictureTest<T> {
  newShare: (a: T, b: T) => number;
  maxNew: number;
}

/**
 * The mutual comparison across the whole video: key frames are taken in time order and one is dropped when it is more
 * similar than `threshold` to a key frame already kept (anywhere earlier, not only in its own shot), so a shot that
 * returns (a dialogue's reverse angle, a recurring place) does not repeat all of its pictures. With `shotOf`, a shot
 * never loses its last key frame: when every key frame of a shot repeats an earlier one, the one least similar to
 * what was kept stays (a shot without a key frame would be a hole in the story).
 *
 * With `shotOf` and `samePicture`, first the key frames of each shot are compared with each other: one that is the
 * same picture as another of its shot (an exposure change or a small motion split the clustering, and the similarity,
 * which sees brightness, stays under `threshold`) is dropped in favour of the one whose cluster is larger (the earlier
 * on a tie). This test looks within a shot only: across a cut, two framings of one place, or a fixed camera at another
 * time with another person in front of it, can look alike to it, and the shot boundary already says they differ.
 */
export function removeDuplicates<T extends { frame: number; clusterSize?: number }>(
  keyframes: ReadonlyArray<T>,
  similarity: (a: T, b: T) => number,
  threshold: number,
  shotOf?: (k: T) => number,
  samePicture?: SamePictureTest<T>,
): { kept: T[]; dropped: Array<DroppedDuplicate<T>> } {
  const mutual = new MutualComparison(similarity, threshold, shotOf ? samePicture : undefined);
  const ordered = [...keyframes].sort((a, b) => a.frame - b.frame);
  if (!shotOf) return mutual.shot(ordered, false);
  // Shot by shot in time order, as the decoding pass settles them: a shot is a run of frames, so its key frames lie
  // between its neighbours' (one that does not is a caller's error, refused: the comparison would split the shot).
  const kept: T[] = [];
  const dropped: Array<DroppedDuplicate<T>> = [];
  const done = new Set<number>();
  for (let i = 0; i < ordered.length; ) {
    const shot = shotOf(ordered[i]);
    if (done.has(shot)) throw new RangeError(`removeDuplicates: the key frames of shot ${shot} are not consecutive in time (frame ${ordered[i].frame})`);
    done.add(shot);
    let j = i + 1;
    while (j < ordered.length && shotOf(ordered[j]) === shot) j++;
    const r = mutual.shot(ordered.slice(i, j), true);
    kept.push(...r.kept);
    dropped.push(...r.dropped);
    i = j;
  }
  return { kept, dropped };
}

/**
 * removeDuplicates one shot at a time, in time order: the decoding pass (inpass-pictures.ts) settles shots as the
 * video goes and must drop exactly what the final comparison drops, so both run this.
 */
export class MutualComparison<T extends { frame: number; clusterSize?: number }> {
  /** Key frames kept so far that later ones are compared with (a shot's restored one is not among them). */
  private readonly kept: T[] = [];

  constructor(
    private readonly similarity: (a: T, b: T) => number,
    private readonly threshold: number,
    private readonly samePicture?: SamePictureTest<T>,
  ) {}

  /**
   * The key frames of the next shot (every one it has): those kept, those dropped and why. With `ownShot`, the shot
   * keeps at least one: the one least similar to what was kept, when all repeat (removeDuplicates' `shotOf`).
   */
  shot(keyframes: ReadonlyArray<T>, ownShot: boolean): { kept: T[]; dropped: Array<DroppedDuplicate<T>> } {
    const { similarity, threshold } = this;
    const sameShot = this.samePicture ? repeatsWithinShot(keyframes, similarity, this.samePicture) : [];
    const repeated = new Set(sameShot.map((d) => d.keyframe));
    const kept: T[] = [];
    let dropped: Array<DroppedDuplicate<T>> = [];
    for (const kf of [...keyframes].filter((k) => !repeated.has(k)).sort((a, b) => a.frame - b.frame)) {
      let best: { other: T; sim: number } | undefined;
      for (const other of this.kept) {
        const sim = similarity(kf, other);
        if (sim > threshold && (!best || sim > best.sim)) best = { other, sim };
      }
      if (best) dropped.push({ keyframe: kf, duplicateOf: best.other, similarity: best.sim, reason: 'similar', threshold });
      else {
        kept.push(kf);
        this.kept.push(kf);
      }
    }
    if (ownShot && !kept.length && dropped.length) {
      const back = dropped.reduce((x, y) => (y.similarity < x.similarity ? y : x));
      kept.push(back.keyframe);
      dropped = dropped.filter((d) => d !== back);
    }
    dropped.push(...sameShot);
    dropped.sort((a, b) => a.keyframe.frame - b.keyframe.frame);
    return { kept, dropped };
  }
}

/**
 * The key frames of one shot that repeat another of it by `test`: taken largest cluster first (then in time order),
 * one is a repeat when it is the same picture as one taken before it that is not a repeat itself.
 */
function repeatsWithinShot<T extends { frame: number; clusterSize?: number }>(
  keyframes: ReadonlyArray<T>,
  similarity: (a: T, b: T) => number,
  test: SamePictureTest<T>,
): Array<DroppedDuplicate<T>> {
  const out: Array<DroppedDuplicate<T>> = [];
  if (keyframes.length < 2) return out;
  const list = [...keyframes].sort((a, b) => (b.clusterSize ?? 0) - (a.clusterSize ?? 0) || a.frame - b.frame);
  const pictures: T[] = [];
  for (const k of list) {
    let best: { other: T; share: number } | undefined;
    for (const other of pictures) {
      const share = test.newShare(k, other);
      if (share <= test.maxNew && (!best || share < best.share)) best = { other, share };
    }
    if (!best) pictures.push(k);
    else out.push({ keyframe: k, duplicateOf: best.other, similarity: similarity(k, best.other), reason: 'same picture', newShare: best.share, threshold: test.maxNew });
  }
  return out;
}

/** The dropped key frames as the analysis reports them (KeyframeAnalysis.duplicates, `keyframes --explain`). */
export function droppedKeyFrames(dropped: ReadonlyArray<DroppedDuplicate<DetectedKeyFrame>>): DroppedKeyFrame[] {
  return dropped.map((d) => ({
    shot: d.keyframe.shot,
    frame: d.keyframe.frame,
    time: d.keyframe.time,
    duplicateOf: { shot: d.duplicateOf.shot, frame: d.duplicateOf.frame },
    reason: d.reason,
    similarity: d.similarity,
    ...(d.newShare !== undefined ? { newShare: d.newShare } : {}),
    threshold: d.threshold,
  }));
}
