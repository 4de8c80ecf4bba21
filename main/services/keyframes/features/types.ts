import type { AnalysisParams } from '../../../../app/keyframes';
import type { FrameSource } from '../../video';

/** Size of the luma thumbnail every frame carries (for frame differences in shot detection). */
export const THUMB_WIDTH = 32;
export const THUMB_HEIGHT = 18;
/** Size of the colour thumbnail every frame carries (16 × 9 cells × RGB = 432 bytes; see thumbnail.ts). */
export const COLOUR_THUMB_WIDTH = 16;
export const COLOUR_THUMB_HEIGHT = 9;

/** What the per-frame kernel needs from the analysis parameters. */
export type FeatureParams = Pick<AnalysisParams, 'hsvBins' | 'glcmLevels' | 'glcmOffsets'>;
/** What the similarity needs: Sim = w · histogram intersection + (1 − w) · GLCM similarity. */
export type SimilarityParams = Pick<AnalysisParams, 'histogramWeight'>;
/** What the clustering of one shot needs. */
export type ClusterParams = Pick<AnalysisParams, 'histogramWeight' | 'delta'>;

/**
 * Features of one frame: about 1.1 KB kept per frame with the default 256 bins (hsv and glcm are views on one
 * ArrayBuffer), plus the two thumbnails (576 + 432 bytes, views on a second ArrayBuffer), which a caller may drop
 * once shots are detected.
 */
export interface FrameFeatures {
  /**
   * Joint HSV histogram, normalised to sum 1, bin index (h · sBins + s) · vBins + v.
   * HSV as in OpenCV: H in [0, 360), S = (max − min) / max (0 for black), V = max / 255;
   * bin = floor(value · bins / range) clamped to bins − 1, computed in exact integer arithmetic (see color.ts).
   */
  hsv: Float32Array;
  /** GLCM properties [contrast, correlation, energy, homogeneity] of the quantised grey image (see glcm.ts). */
  glcm: Float64Array;
  /** THUMB_WIDTH × THUMB_HEIGHT area-averaged 8-bit luma (see thumbnail.ts). */
  thumb: Uint8Array;
  /**
   * COLOUR_THUMB_WIDTH × COLOUR_THUMB_HEIGHT area-averaged RGB (packed, 3 bytes a cell), same cell ranges and
   * rounding as `thumb` (see colourThumbnail in thumbnail.ts).
   */
  colourThumb: Uint8Array;
  /** Mean and (population) standard deviation of the 8-bit luma, divided by 255: both in [0, 1]. */
  meanLuma: number;
  stdLuma: number;
  /**
   * Variance of the 4-neighbour Laplacian (4·c − up − down − left − right) of the 8-bit luma over the interior pixels
   * (0 for frames under 3 × 3): how crisp the picture is at analysis resolution. Motion blur and defocus lower it;
   * the key frame of a cluster is the sharpest of the members close to its centroid (analyze-keyframes.ts).
   */
  sharpness: number;
}

/** The part of the features the similarity and the clustering read. */
export type SimilarityFeatures = Pick<FrameFeatures, 'hsv' | 'glcm'>;

/** One cluster of a shot, as the clustering leaves it (before any size filter). */
export interface ShotCluster {
  /** Indices into the shot's frame array, ascending. */
  members: number[];
  /** The member most similar to the final centroid (the first such on ties). */
  keyMember: number;
  /** Mean similarity of the members to the final centroid, in [0, 1]: how coherent the cluster is. */
  score: number;
}

/**
 * The feature and clustering kernels. Two implementations give the same results (to 1e-6, and identical clusters):
 * the TypeScript reference (the oracle) and the C++ N-API module in main/native.
 */
export interface FeatureKernels {
  readonly kind: 'native' | 'typescript';
  /** Features of one packed RGB24 frame (`rgb.length` ≥ width · height · 3). */
  frameFeatures(rgb: Uint8Array, width: number, height: number, params: FeatureParams): FrameFeatures;
  /**
   * The same features, computed off the JavaScript thread where the kernels can (native: on the libuv thread pool,
   * several frames at once), so the caller can go on reading its input meanwhile. `rgb` must not be changed or
   * transferred until the promise settles. Bad input rejects with KernelInputError. The TypeScript kernels compute
   * synchronously and return a settled promise.
   */
  frameFeaturesAsync(rgb: Uint8Array, width: number, height: number, params: FeatureParams): Promise<FrameFeatures>;
  /**
   * Where the kernels can (the native module on Linux and macOS): a FrameSource for streamDecoded that takes over
   * ffmpeg's stdout and delivers each frame's features, computed as frameFeatures does, on a thread of the module;
   * the frames never reach JavaScript. Absent elsewhere: decode with streamFrames and call frameFeaturesAsync.
   */
  featureSource?(width: number, height: number, params: FeatureParams): FrameSource<FrameFeatures>;
  /** GLCM properties of an already quantised grey image (values < levels): what frameFeatures computes inside. */
  glcmProperties(
    grey: Uint8Array,
    width: number,
    height: number,
    levels: number,
    offsets: ReadonlyArray<readonly [number, number]>,
  ): Float64Array;
  /** Σ min(aᵢ, bᵢ): in [0, 1] for normalised histograms, 1 for equal ones. */
  histogramIntersection(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number;
  /** 1 − GLCM distance, in [0, 1], symmetric, 1 for equal properties (see similarity.ts). */
  glcmSimilarity(a: Float64Array, b: Float64Array): number;
  /** w · histogramIntersection + (1 − w) · glcmSimilarity. */
  frameSimilarity(a: SimilarityFeatures, b: SimilarityFeatures, params: SimilarityParams): number;
  /** Mean absolute difference of two thumbnails, divided by 255: in [0, 1]. */
  thumbDifference(a: Uint8Array, b: Uint8Array): number;
  /** Sequential clustering of one shot's frames (in order). Returns every cluster, in the order they opened. */
  clusterShot(frames: ReadonlyArray<SimilarityFeatures>, params: ClusterParams): ShotCluster[];
}

/** Bad input to a kernel (wrong buffer size, parameters out of range): a programming or decoding error. */
export class KernelInputError extends Error {
  readonly code = 'E_KERNEL_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'KernelInputError';
  }
}
