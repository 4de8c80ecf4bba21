/**
 * The mutual comparison across the whole video: key frames are taken in time order and one is dropped when it is more
 * similar than `threshold` to a key frame already kept (anywhere earlier, not only in its own shot), so a shot that
 * returns (a dialogue's reverse angle, a recurring place) does not repeat all of its pictures. With `shotOf`, a shot
 * never loses its last key frame: when every key frame of a shot repeats an earlier one, the one least similar to
 * what was kept stays (a shot without a key frame would be a hole in the story).
 */
export function removeDuplicates<T extends { frame: number }>(
  keyframes: ReadonlyArray<T>,
  similarity: (a: T, b: T) => number,
  threshold: number,
  shotOf?: (k: T) => number,
): { kept: T[]; dropped: Array<{ keyframe: T; duplicateOf: T; similarity: number }> } {
  const kept: T[] = [];
  let dropped: Array<{ keyframe: T; duplicateOf: T; similarity: number }> = [];
  for (const kf of [...keyframes].sort((a, b) => a.frame - b.frame)) {
    let best: { other: T; sim: number } | undefined;
    for (const other of kept) {
      const sim = similarity(kf, other);
      if (sim > threshold && (!best || sim > best.sim)) best = { other, sim };
    }
    if (best) dropped.push({ keyframe: kf, duplicateOf: best.other, similarity: best.sim });
    else kept.push(kf);
  }
  if (shotOf) {
    const shotsKept = new Set(kept.map(shotOf));
    const restore = new Map<number, { keyframe: T; similarity: number }>();
    for (const d of dropped) {
      const shot = shotOf(d.keyframe);
      if (shotsKept.has(shot)) continue;
      const r = restore.get(shot);
      if (!r || d.similarity < r.similarity) restore.set(shot, d);
    }
    const back = new Set([...restore.values()].map((r) => r.keyframe));
    kept.push(...back);
    kept.sort((a, b) => a.frame - b.frame);
    dropped = dropped.filter((d) => !back.has(d.keyframe));
  }
  return { kept, dropped };
}
