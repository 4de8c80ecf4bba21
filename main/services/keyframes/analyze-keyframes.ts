import type { AnalysisParams, DetectedKeyFrame, Shot } from '../../../app/keyframes';
import { throwIfAborted } from '../jobs';
import { significantClusters, type FeatureKernels, type SimilarityFeatures } from './features';

/** The per-frame data the clustering reads. */
export interface ClusterFrame {
  time: number;
  features: SimilarityFeatures;
  /** Black or white frames of a fade: never a key frame. */
  blank: boolean;
  /** A frame of the fade into or out of blank frames: a key frame only when its shot has nothing else. */
  fading?: boolean;
  /** No picture to speak of (one flat colour, at any brightness): a key frame only when its shot has nothing else. */
  flat?: boolean;
  /** Inside a detected cross-dissolve (a mix of two shots): a key frame only when its shot has nothing else. */
  transition?: boolean;
  /** Laplacian variance of the frame's luma (FrameFeatures.sharpness): the key frame is a sharp member. */
  sharpness?: number;
  /** A key frame of the stream (where decoding can start: an I or IDR frame). */
  key?: boolean;
}

/**
 * The key frame of a cluster is the sharpest of its members close to the centroid: those the clustering would still
 * accept into the cluster at its final centroid (similarity ≥ δ, the paper's own test for "the same picture"), or,
 * when fewer than two are, the top KEY_CANDIDATE_SHARE by similarity (at least one). All of them represent the cluster
 * (the paper takes the single closest); among them a motion-blurred or defocused frame makes a poor panel, and
 * sharpness (the variance of the Laplacian) tells them apart.
 */
export const KEY_CANDIDATE_SHARE = 0.25;

/**
 * Among those candidates, one whose picture costs least is taken when it is at least this sharp relative to the
 * sharpest candidate: it makes as good a panel (motion blur or a defocus costs far more: 474 → 93 in dev-a's rodent
 * shot). `sampled` says which frames those are: the frames the analysis pass holds at full resolution (every n-th,
 * inpass-pictures.ts), whose pictures need no second decoding; when the pass holds none (key frames close together:
 * picturesAfterThePass), the stream's own key frames, each decoded again alone instead of from the key frame before
 * it (half a GOP on average; encoders also give them the most bits). The rule depends only on the video and on
 * whether the pass holds frames, so every analysis of a video that keeps its pictures the same way picks the same
 * frames; one that keeps none prefers the frames the pass would hold.
 */
export const SAMPLED_SHARPNESS_SHARE = 0.8;

/** The member index (into `members`) of a cluster's key frame: see KEY_CANDIDATE_SHARE. */
export function sharpestNearCentroid(
  members: ReadonlyArray<number>,
  frames: ReadonlyArray<ClusterFrame>,
  kernels: FeatureKernels,
  histogramWeight: number,
  delta: number,
  fallback: number,
  sampled?: (frame: number) => boolean,
): number {
  if (members.length < 2 || members.some((i) => frames[i].sharpness === undefined)) return fallback;
  // The sequential clustering's centroid update c = D/(D+1)·c' + 1/(D+1)·f leaves the mean of the members.
  const first = frames[members[0]].features;
  const hsv = new Float64Array(first.hsv.length);
  const glcm = new Float64Array(first.glcm.length);
  for (const i of members) {
    const f = frames[i].features;
    for (let k = 0; k < hsv.length; k++) hsv[k] += f.hsv[k] / members.length;
    for (let k = 0; k < glcm.length; k++) glcm[k] += f.glcm[k] / members.length;
  }
  const w = histogramWeight;
  const similarity = (f: SimilarityFeatures) =>
    w * kernels.histogramIntersection(f.hsv, hsv) + (1 - w) * kernels.glcmSimilarity(f.glcm, glcm);
  const ranked = members
    .map((i, m) => ({ m, sim: similarity(frames[i].features) }))
    .sort((a, b) => b.sim - a.sim || a.m - b.m);
  const accepted = ranked.filter((r) => r.sim >= delta);
  const near =
    accepted.length >= 2 ? accepted : ranked.slice(0, Math.max(1, Math.round(KEY_CANDIDATE_SHARE * members.length)));
  const sharpness = (c: { m: number }) => frames[members[c.m]].sharpness as number;
  const sharpest = (list: typeof near) => list.reduce((best, c) => (sharpness(c) > sharpness(best) ? c : best));
  const best = sharpest(near);
  const held = sampled ? near.filter((c) => sampled(members[c.m])) : [];
  if (held.length) {
    const candidate = sharpest(held);
    if (sharpness(candidate) >= SAMPLED_SHARPNESS_SHARE * sharpness(best)) return candidate.m;
  }
  return best.m;
}

/**
 * Key frames of each shot: the shot's frames, less blank, fading, flat and mid-dissolve ones, are clustered (the
 * paper's sequential clustering with δ), clusters larger than minClusterFraction of them are kept, and each
 * contributes the sharpest of its members closest to its centroid (sharpestNearCentroid). A shot made only of blank frames (a black leader) has none. One made only of fades and flat frames
 * shows a single picture at changing brightness (or none), whose brightness steps would each make a cluster: it gives
 * one key frame, from its largest cluster.
 */
export function keyframesOfShots(
  shots: ReadonlyArray<Shot>,
  frames: ReadonlyArray<ClusterFrame>,
  kernels: FeatureKernels,
  params: Pick<AnalysisParams, 'histogramWeight' | 'delta' | 'minClusterFraction'>,
  signal?: AbortSignal,
  sampled?: (frame: number) => boolean,
): DetectedKeyFrame[] {
  const out: DetectedKeyFrame[] = [];
  for (const shot of shots) {
    throwIfAborted(signal);
    let members: number[] = [];
    for (let i = shot.startFrame; i <= shot.endFrame; i++) {
      const f = frames[i];
      if (!f.blank && !f.fading && !f.flat && !f.transition) members.push(i);
    }
    const onePicture = members.length === 0;
    if (onePicture) {
      for (let i = shot.startFrame; i <= shot.endFrame; i++) if (!frames[i].blank) members.push(i);
    }
    if (members.length === 0) continue;
    const clusters = kernels.clusterShot(
      members.map((i) => frames[i].features),
      { histogramWeight: params.histogramWeight, delta: params.delta },
    );
    let kept = significantClusters(clusters, members.length, params.minClusterFraction);
    if (onePicture && kept.length > 1) kept = [kept.reduce((a, b) => (b.members.length > a.members.length ? b : a))];
    for (const c of kept) {
      const clusterMembers = c.members.map((m) => members[m]);
      const key = sharpestNearCentroid(
        clusterMembers,
        frames,
        kernels,
        params.histogramWeight,
        params.delta,
        c.members.indexOf(c.keyMember),
        sampled,
      );
      const frame = clusterMembers[key];
      out.push({ shot: shot.index, frame, time: frames[frame].time, clusterSize: c.members.length, score: c.score });
    }
  }
  return out.sort((a, b) => a.frame - b.frame);
}
