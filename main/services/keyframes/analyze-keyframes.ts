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
}

/**
 * Key frames of each shot: the shot's frames, less blank, fading and flat ones, are clustered (the paper's sequential
 * clustering with δ), clusters larger than minClusterFraction of them are kept, and each contributes the member closest
 * to its centroid. A shot made only of blank frames (a black leader) has none. One made only of fades and flat frames
 * shows a single picture at changing brightness (or none), whose brightness steps would each make a cluster: it gives
 * one key frame, from its largest cluster.
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
    for (let i = shot.startFrame; i <= shot.endFrame; i++) {
      if (!frames[i].blank && !frames[i].fading && !frames[i].flat) members.push(i);
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
      const frame = members[c.keyMember];
      out.push({ shot: shot.index, frame, time: frames[frame].time, clusterSize: c.members.length, score: c.score });
    }
  }
  return out.sort((a, b) => a.frame - b.frame);
}
