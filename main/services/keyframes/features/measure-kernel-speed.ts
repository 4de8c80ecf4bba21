import type { RgbFrame } from '../../../../app/video';
import { loadNativeKernels } from './load-kernels';
import { typescriptKernels } from './typescript-kernels';
import type { ClusterParams, FeatureKernels, FeatureParams, ShotCluster } from './types';

export interface KernelTiming {
  featuresMsPerFrame: number;
  clusterMsPerFrame: number;
  /** Features + clustering. */
  msPerFrame: number;
}

export interface KernelSpeed {
  frames: number;
  width: number;
  height: number;
  repeats: number;
  typescript: KernelTiming;
  native: KernelTiming | null;
  typescriptMsPerFrame: number;
  nativeMsPerFrame: number | null;
  /** typescriptMsPerFrame / nativeMsPerFrame. */
  speedup: number | null;
  /** Whether both kernels gave the same clusters on these frames (they must). */
  sameClusters: boolean | null;
  nativeUnavailable?: string;
}

export interface MeasureOptions {
  /** Timed passes per kernel; the fastest counts (the machine may be shared). Default 3. */
  repeats?: number;
  /** Shots as inclusive [first, last] indices into `frames`; default: all frames are one shot. */
  shots?: ReadonlyArray<readonly [number, number]>;
}

function timeOnce(
  k: FeatureKernels,
  frames: RgbFrame[],
  params: FeatureParams & ClusterParams,
  shots: ReadonlyArray<readonly [number, number]>,
): { features: number; cluster: number; clusters: ShotCluster[][] } {
  const t0 = performance.now();
  const features = frames.map((f) => k.frameFeatures(f.data, f.width, f.height, params));
  const t1 = performance.now();
  const clusters = shots.map(([a, b]) => k.clusterShot(features.slice(a, b + 1), params));
  return { features: t1 - t0, cluster: performance.now() - t1, clusters };
}

function measure(
  k: FeatureKernels,
  frames: RgbFrame[],
  params: FeatureParams & ClusterParams,
  shots: ReadonlyArray<readonly [number, number]>,
  repeats: number,
): { timing: KernelTiming; clusters: ShotCluster[][] } {
  const warmFrames = frames.slice(0, 8);
  timeOnce(k, warmFrames, params, [[0, warmFrames.length - 1]]); // let the JIT compile the reference first
  let features = Infinity;
  let cluster = Infinity;
  let clusters: ShotCluster[][] = [];
  for (let r = 0; r < repeats; r++) {
    const t = timeOnce(k, frames, params, shots);
    features = Math.min(features, t.features);
    cluster = Math.min(cluster, t.cluster);
    clusters = t.clusters;
  }
  const n = frames.length;
  return {
    timing: { featuresMsPerFrame: features / n, clusterMsPerFrame: cluster / n, msPerFrame: (features + cluster) / n },
    clusters,
  };
}

/**
 * Speed of the per-frame features plus the clustering, TypeScript reference vs native, on the given frames
 * (for bench/keyframes.ts). Each kernel runs a warm-up, then `repeats` timed passes; the fastest counts.
 */
export function measureKernelSpeed(
  frames: RgbFrame[],
  params: FeatureParams & ClusterParams,
  options: MeasureOptions = {},
): KernelSpeed {
  if (frames.length === 0) throw new Error('measureKernelSpeed: no frames');
  const repeats = Math.max(1, options.repeats ?? 3);
  const shots = options.shots ?? [[0, frames.length - 1] as const];
  const ts = measure(typescriptKernels, frames, params, shots, repeats);
  const loaded = loadNativeKernels();
  const nat = loaded.kernels ? measure(loaded.kernels, frames, params, shots, repeats) : null;
  const same = (a: ShotCluster[][], b: ShotCluster[][]) =>
    JSON.stringify(a.map((s) => s.map((c) => [c.members, c.keyMember]))) ===
    JSON.stringify(b.map((s) => s.map((c) => [c.members, c.keyMember])));
  return {
    frames: frames.length,
    width: frames[0].width,
    height: frames[0].height,
    repeats,
    typescript: ts.timing,
    native: nat ? nat.timing : null,
    typescriptMsPerFrame: ts.timing.msPerFrame,
    nativeMsPerFrame: nat ? nat.timing.msPerFrame : null,
    speedup: nat ? ts.timing.msPerFrame / nat.timing.msPerFrame : null,
    sameClusters: nat ? same(ts.clusters, nat.clusters) : null,
    ...(loaded.kernels ? {} : { nativeUnavailable: loaded.reason }),
  };
}
