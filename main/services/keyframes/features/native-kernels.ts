import { nativeFeatureSource } from './native-feature-source';
import type { FeatureKernels, FeatureParams, FrameFeatures, ShotCluster, SimilarityFeatures } from './types';
import {
  checkClusterParams,
  checkFeatureParams,
  checkFrame,
  checkFrameSize,
  checkGreyImage,
  checkSameLength,
  checkWeight,
} from './validate';

/** Version of the contract between this wrapper and main/native/src; bumped on any change to either side. */
export const NATIVE_KERNELS_ABI = 5;

/** What main/native/src/addon.cc exports (arguments are validated here, in TypeScript, before every call). */
export interface NativeAddon {
  abi: number;
  /** The row-binning code in use: "avx2" or "baseline" (YOUR_CARTOON_NATIVE_SIMD=baseline forces the latter). */
  simd: string;
  frameFeatures(rgb: Uint8Array, width: number, height: number, bins: Int32Array, levels: number, offsets: Int32Array): FrameFeatures;
  /** The same on the libuv thread pool; holds `rgb` until done. */
  frameFeaturesAsync(
    rgb: Uint8Array,
    width: number,
    height: number,
    bins: Int32Array,
    levels: number,
    offsets: Int32Array,
  ): Promise<FrameFeatures>;
  glcmProperties(grey: Uint8Array, width: number, height: number, levels: number, offsets: Int32Array): Float64Array;
  histogramIntersection(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number;
  glcmSimilarity(a: Float64Array, b: Float64Array): number;
  frameSimilarity(aHsv: Float32Array, aGlcm: Float64Array, bHsv: Float32Array, bGlcm: Float64Array, w: number): number;
  thumbDifference(a: Uint8Array, b: Uint8Array): number;
  /** POSIX builds only (see frame_reader.cc): a pipe for ffmpeg's stdout, [readFd, writeFd], both close-on-exec. */
  createFramePipe?(): [number, number];
  /**
   * POSIX builds only: reads `fd` (taking it over) to its end on a thread of the module, computing each whole frame's
   * features there: onEvent(features, 0, null) per frame in order, then onEvent(null, leftoverBytes, error | null).
   */
  readFrameFeatures?(
    fd: number,
    width: number,
    height: number,
    bins: Int32Array,
    levels: number,
    offsets: Int32Array,
    onEvent: (features: FrameFeatures | null, leftoverBytes: number, error: string | null) => void,
  ): { cancel(): void };
  /** Returns the cluster of every frame, and per cluster its key member and score. */
  clusterShot(frames: ReadonlyArray<SimilarityFeatures>, w: number, delta: number): {
    clusterOf: Int32Array;
    keyMember: Int32Array;
    score: Float64Array;
  };
}

function flatOffsets(offsets: ReadonlyArray<readonly [number, number]>): Int32Array {
  return Int32Array.from(offsets.flat());
}

function isGlcm(a: unknown): a is Float64Array {
  return a instanceof Float64Array && a.length === 4;
}

/** Wraps the loaded addon as FeatureKernels. */
export function nativeKernels(addon: NativeAddon): FeatureKernels {
  const { createFramePipe, readFrameFeatures } = addon;
  const reader = createFramePipe && readFrameFeatures ? { createFramePipe, readFrameFeatures } : undefined;
  return {
    kind: 'native',
    ...(reader && {
      featureSource(width: number, height: number, params: FeatureParams) {
        checkFrameSize(width, height);
        checkFeatureParams(params);
        return nativeFeatureSource(reader, width, height, params);
      },
    }),
    frameFeatures(rgb, width, height, params) {
      checkFrame(rgb, width, height);
      checkFeatureParams(params);
      const { h, s, v } = params.hsvBins;
      return addon.frameFeatures(rgb, width, height, Int32Array.of(h, s, v), params.glcmLevels, flatOffsets(params.glcmOffsets));
    },
    async frameFeaturesAsync(rgb, width, height, params) {
      checkFrame(rgb, width, height);
      checkFeatureParams(params);
      const { h, s, v } = params.hsvBins;
      const bins = Int32Array.of(h, s, v);
      return addon.frameFeaturesAsync(rgb, width, height, bins, params.glcmLevels, flatOffsets(params.glcmOffsets));
    },
    glcmProperties(grey, width, height, levels, offsets) {
      checkGreyImage(grey, width, height, levels, offsets);
      return addon.glcmProperties(grey, width, height, levels, flatOffsets(offsets));
    },
    histogramIntersection(a, b) {
      checkSameLength('histogramIntersection', a, b);
      return addon.histogramIntersection(a, b);
    },
    glcmSimilarity(a, b) {
      checkSameLength('glcmSimilarity', a, b);
      return addon.glcmSimilarity(a, b);
    },
    frameSimilarity(a, b, params) {
      checkWeight(params.histogramWeight);
      checkSameLength('frameSimilarity', a.hsv, b.hsv);
      return addon.frameSimilarity(a.hsv, a.glcm, b.hsv, b.glcm, params.histogramWeight);
    },
    thumbDifference(a, b) {
      checkSameLength('thumbDifference', a, b);
      return addon.thumbDifference(a, b);
    },
    clusterShot(frames, params) {
      checkClusterParams(params);
      for (const f of frames) {
        checkSameLength('clusterShot', f.hsv, frames[0].hsv);
        if (!(f.hsv instanceof Float32Array) || !isGlcm(f.glcm)) {
          throw new TypeError('clusterShot: every frame needs hsv: Float32Array and glcm: Float64Array(4)');
        }
      }
      const r = addon.clusterShot(frames, params.histogramWeight, params.delta);
      const clusters: ShotCluster[] = Array.from(r.keyMember, (keyMember, k) => ({ members: [], keyMember, score: r.score[k] }));
      r.clusterOf.forEach((c, index) => clusters[c].members.push(index));
      return clusters;
    },
  };
}
