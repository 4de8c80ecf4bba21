import { glcmSimilarity, histogramIntersection } from './similarity';
import type { ClusterParams, ShotCluster, SimilarityFeatures } from './types';

interface Centroid {
  hsv: Float64Array;
  glcm: Float64Array;
  members: number[];
}

function similarityToCentroid(f: SimilarityFeatures, c: Centroid, w: number): number {
  return w * histogramIntersection(f.hsv, c.hsv) + (1 - w) * glcmSimilarity(f.glcm, c.glcm);
}

/**
 * The paper's sequential clustering of one shot (the TypeScript reference): each frame, in order, joins the cluster
 * whose centroid it is most similar to (the first one on ties) when that similarity is ≥ δ, else opens a new cluster.
 * Joining updates the centroid (histogram and GLCM properties alike) to c = D/(D+1) · c' + 1/(D+1) · f, D = members
 * before. Centroids are kept in double. The key member is the one most similar to the final centroid.
 * Every cluster is returned: filtering by size is `significantClusters`.
 */
export function clusterShotReference(frames: ReadonlyArray<SimilarityFeatures>, params: ClusterParams): ShotCluster[] {
  const w = params.histogramWeight;
  const clusters: Centroid[] = [];
  frames.forEach((f, index) => {
    let best: Centroid | undefined;
    let bestSim = -Infinity;
    for (const c of clusters) {
      const sim = similarityToCentroid(f, c, w);
      if (sim > bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    if (best === undefined || bestSim < params.delta) {
      clusters.push({ hsv: Float64Array.from(f.hsv), glcm: Float64Array.from(f.glcm), members: [index] });
      return;
    }
    const d = best.members.length;
    const keep = d / (d + 1);
    const add = 1 / (d + 1);
    for (let i = 0; i < best.hsv.length; i++) best.hsv[i] = best.hsv[i] * keep + f.hsv[i] * add;
    for (let i = 0; i < 4; i++) best.glcm[i] = best.glcm[i] * keep + f.glcm[i] * add;
    best.members.push(index);
  });
  return clusters.map((c) => {
    let keyMember = c.members[0];
    let keySim = -Infinity;
    let total = 0;
    for (const m of c.members) {
      const sim = similarityToCentroid(frames[m], c, w);
      total += sim;
      if (sim > keySim) {
        keySim = sim;
        keyMember = m;
      }
    }
    return { members: c.members, keyMember, score: total / c.members.length };
  });
}

/**
 * The clusters the paper keeps: more than `minClusterFraction` of the shot's frames. When none is that large
 * (a shot that never settles), the largest one (the earliest on ties) is kept, so every shot yields a key frame.
 */
export function significantClusters(
  clusters: ReadonlyArray<ShotCluster>,
  shotFrames: number,
  minClusterFraction: number,
): ShotCluster[] {
  const kept = clusters.filter((c) => c.members.length > minClusterFraction * shotFrames);
  if (kept.length > 0 || clusters.length === 0) return kept;
  return [clusters.reduce((a, b) => (b.members.length > a.members.length ? b : a))];
}
