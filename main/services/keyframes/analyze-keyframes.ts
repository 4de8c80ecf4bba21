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
}

/**
 * Key frames of each shot: the shot's frames, less blank and fading ones, are clustered (the paper's sequential clustering with δ),
 * clusters larger than minClusterFraction of them are kept, and each contributes the member closest to its centroid.
 * A shot made only of blank frames (a black leader) has none; one made only of a fade is clustered on its fade.
 */
export function keyframesOfShots(
  shots: ReadonlyArray<Shot>,
  frames: ReadonlyArray<ClusterFrame>,
  kernels: FeatureKernels,
  params: Pick<AnalysisParams, 'histogramWeight' | 'delta' | 'minClusterFraction'>,
  signal?: AbortSignal,
): DetectedKeyFrame[] {
  const out: DetectedKeyFrame[] = [];
  for (const shot of shots) {
    throwIfAborted(signal);
    let members: number[] = [];
    for (let i = shot.startFrame; i <= shot.endFrame; i++) if (!frames[i].blank && !frames[i].fading) members.push(i);
    if (members.length === 0) {
      for (let i = shot.startFrame; i <= shot.endFrame; i++) if (!frames[i].blank) members.push(i);
    }
    if (members.length === 0) continue;
    const clusters = kernels.clusterShot(
      members.map((i) => frames[i].features),
      { histogramWeight: params.histogramWeight, delta: params.delta },
    );
    const kept = significantClusters(clusters, members.length, params.minClusterFraction);
    for (const c of kept) {
      const frame = members[c.keyMember];
      out.push({ shot: shot.index, frame, time: frames[frame].time, clusterSize: c.members.length, score: c.score });
    }
  }
  return out.sort((a, b) => a.frame - b.frame);
}
