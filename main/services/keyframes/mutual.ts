/**
 * The mutual comparison across the whole video: key frames are taken in time order and one is dropped when it is more
 * similar than `threshold` to a key frame already kept (anywhere earlier, not only in its own shot), so a shot that
 * returns (a dialogue's reverse angle, a recurring place) yields its picture once.
 */
export function removeDuplicates<T extends { frame: number }>(
  keyframes: ReadonlyArray<T>,
  similarity: (a: T, b: T) => number,
  threshold: number,
): { kept: T[]; dropped: Array<{ keyframe: T; duplicateOf: T; similarity: number }> } {
  const kept: T[] = [];
  const dropped: Array<{ keyframe: T; duplicateOf: T; similarity: number }> = [];
  for (const kf of [...keyframes].sort((a, b) => a.frame - b.frame)) {
    let best: { other: T; sim: number } | undefined;
    for (const other of kept) {
      const sim = similarity(kf, other);
      if (sim > threshold && (!best || sim > best.sim)) best = { other, sim };
    }
    if (best) dropped.push({ keyframe: kf, duplicateOf: best.other, similarity: best.sim });
    else kept.push(kf);
  }
  return { kept, dropped };
}
