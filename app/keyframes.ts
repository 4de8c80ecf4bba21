import type { FilmstripIndex } from './filmstrip';
import type { VideoInfo } from './video';

/** Parameters of the key-frame analysis. Every field is exposed in the CLI and the UI. */
export interface AnalysisParams {
  /** Width frames are decoded to for analysis (height follows the display aspect). */
  analysisWidth: number;
  /**
   * HSV histogram bins per channel (joint histogram of hBins × sBins × vBins). Default 16 × 4 × 4 = 256 bins: hue
   * carries most of the colour identity, and 256 float bins keep what is kept per frame at about 1.1 KB
   * (main/services/keyframes/features/types.ts). Each channel 1..256, at most 4096 bins.
   */
  hsvBins: { h: number; s: number; v: number };
  /**
   * Grey levels the frame is quantised to before the GLCM (default 16: texture statistics stay stable under noise and
   * the pair counts fit one byte, the fast native path; 2..256), and the pixel offsets [dx, dy] whose properties are
   * averaged (default: distance 1 at 0°, 90°, 45°, 135°, i.e. scikit-image angles 0, π/2, π/4, 3π/4).
   */
  glcmLevels: number;
  glcmOffsets: Array<[number, number]>;
  /** Weight of the histogram intersection in the frame similarity (GLCM similarity gets 1 - this). */
  histogramWeight: number;
  /**
   * Clustering threshold δ: a frame joins its most similar cluster when Sim ≥ δ. 0.85 measured on the shared clips:
   * consecutive frames of a shot score 0.9-1.0, a steady shot stays one cluster, a shot that changes content (a
   * dissolve to a new picture) splits into one cluster per picture; frames across a cut score far below.
   */
  delta: number;
  /** Clusters smaller than this fraction of their shot are dropped. */
  minClusterFraction: number;
  /** Mutual comparison: a key frame more similar than this to one already kept is dropped. */
  duplicateSimilarity: number;
  /** Shots shorter than this (seconds) are merged into a neighbour. */
  minShotSeconds: number;
  /** Sensitivity of the cut detector: a frame difference must exceed this many times its local level. */
  cutSensitivity: number;
  /**
   * Shot detection (see main/services/keyframes/shots.ts). A hard cut's frame difference (in [0, 1]: 3 × the mean
   * absolute difference of small thumbnails, capped at 1) must also be at least this large, whatever the local level.
   */
  cutMinDifference: number;
  /** Half-width (seconds) of the window whose mean frame difference is the "local level" a cut must stand out from. */
  cutWindowSeconds: number;
  /**
   * A change that is undone within this many seconds (the old picture comes back: a camera flash, something passing in
   * front of the lens) is not a cut. Shots shorter than this between two cuts to the same picture are lost with it.
   */
  flashMaxSeconds: number;
  /**
   * Blank frames (the black or white of a fade) have a luma standard deviation ≤ blankMaxStd and a mean luma within
   * blankLumaMargin of black or of white (luma in [0, 1]). A run of them is one candidate boundary. A frame of any
   * brightness with a standard deviation ≤ blankMaxStd is flat (no picture): a key frame only when its shot has no other.
   */
  blankMaxStd: number;
  blankLumaMargin: number;
  /**
   * Brightness-invariant distance (1 − correlation of the luma layout or of the chroma, in [0, 1]) under which the
   * pictures before and after a blank run count as the same shot, and the ends of a dissolve as no change.
   */
  sameContentDistance: number;
  /**
   * Frames of a fade into or out of a blank run, up to this many seconds from it, are not key frames while their
   * contrast is still visibly below where the picture settles (a dimmed or washed-out copy of the shot). 0: keep them.
   */
  fadeMaxSeconds: number;
  /** Longest cross-dissolve (seconds) looked for. */
  dissolveMaxSeconds: number;
  /**
   * A dissolve's middle frames must be a mix of its end frames: the mean residual of that fit (on colour thumbnails),
   * relative to the difference of the ends, must stay under this. Motion inside the mixed shots adds to it.
   */
  dissolveMaxResidual: number;
}

/**
 * The small JPEG (320 px wide) of a key frame's picture `file` in the same frames folder: thumbs/NAME.jpg. The
 * key-frame job writes one beside every picture it writes (from the same decoded pixels), as does a frame added at
 * the playhead; lists and the timeline show these instead of the full-resolution pictures.
 */
export function keyframeThumbFile(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return `thumbs/${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}

export const DEFAULT_ANALYSIS_PARAMS: AnalysisParams = {
  analysisWidth: 256,
  hsvBins: { h: 16, s: 4, v: 4 },
  glcmLevels: 16,
  glcmOffsets: [[1, 0], [0, 1], [1, 1], [-1, 1]],
  histogramWeight: 0.7,
  delta: 0.85,
  minClusterFraction: 0.1,
  duplicateSimilarity: 0.93,
  minShotSeconds: 0.4,
  cutSensitivity: 3,
  cutMinDifference: 0.15,
  cutWindowSeconds: 0.5,
  flashMaxSeconds: 1,
  blankMaxStd: 0.05,
  blankLumaMargin: 0.08,
  sameContentDistance: 0.3,
  fadeMaxSeconds: 2,
  dissolveMaxSeconds: 2,
  dissolveMaxResidual: 0.35,
};

export interface Shot {
  index: number;
  /** First and last decoded-frame index, inclusive. */
  startFrame: number;
  endFrame: number;
  startTime: number;
  endTime: number;
}

/**
 * A gradual transition into shot `shot` (its first frame is the boundary): a fade through black or white (the blank
 * frames and the fading frames on either side) or a cross-dissolve (the mixed frames). A cut has none.
 */
export interface ShotTransition {
  kind: 'fade' | 'dissolve';
  shot: number;
  startFrame: number;
  /** Inclusive. */
  endFrame: number;
  startTime: number;
  /** When the frame after endFrame starts. */
  endTime: number;
}

export interface DetectedKeyFrame {
  shot: number;
  frame: number;
  time: number;
  /** Number of frames in the cluster this frame represents. */
  clusterSize: number;
  /** Mean similarity of the cluster's members to their centroid (how coherent the cluster is), in [0, 1]. */
  score: number;
}

/**
 * Why a shot starts where it does (`keyframes --explain`): the kind of boundary, the signal that decided it, its value
 * and the threshold it passed, and the other checks it passed (name → value).
 */
export interface ShotBoundary {
  frame: number;
  time: number;
  kind: 'cut' | 'blank' | 'dissolve';
  signal: string;
  value: number;
  threshold: number;
  checks: Record<string, number>;
}

/**
 * A key frame the mutual comparison dropped (`keyframes --explain`): the kept key frame it repeats, and why.
 * "similar": its similarity (HSV + GLCM) to `duplicateOf` exceeds the threshold (duplicateSimilarity); "same picture":
 * a key frame of the same shot shows the same picture up to exposure and small motion, at most `threshold` of either
 * being new (`newShare`, docs/keyframes-duplicates.md).
 */
export interface DroppedKeyFrame {
  shot: number;
  frame: number;
  time: number;
  duplicateOf: { shot: number; frame: number };
  reason: 'similar' | 'same picture';
  similarity: number;
  newShare?: number;
  threshold: number;
}

/** What the key-frame analysis of one video returns (main/services/keyframes analyzeVideo). */
export interface KeyframeAnalysis {
  info: VideoInfo;
  shots: Shot[];
  /** The gradual transitions between the shots, in time order. */
  transitions: ShotTransition[];
  /** The boundary that starts each shot after the first, with its reason. */
  boundaries?: ShotBoundary[];
  /** In time order, after the mutual comparison. */
  keyframes: DetectedKeyFrame[];
  /** The key frames the mutual comparison dropped, in time order, with the one each repeats. */
  duplicates?: DroppedKeyFrame[];
  /** The filmstrip written during the decoding pass, when one was asked for. */
  filmstrip?: FilmstripIndex;
  /**
   * Times of the stream's key frames (where a decoder can start), as the decoding pass saw them: the key-frame
   * images decode from the one before each frame, and frames that share one are taken in one run.
   */
  syncTimes?: number[];
  /** decode: waiting for ffmpeg's frames; analysis: features, shot detection, clustering, mutual comparison. */
  timing: { decodeSeconds: number; analysisSeconds: number };
  kernels: 'native' | 'typescript';
  warnings: string[];
}

/** What `your-cartoon keyframes` writes to keyframes.json. */
export interface KeyframesDocument {
  schema: 1;
  video: Pick<VideoInfo, 'path' | 'duration' | 'fps' | 'width' | 'height' | 'frameCount'> & Partial<VideoInfo>;
  params: AnalysisParams;
  shots: Shot[];
  /** Absent in documents written before transitions were kept. */
  transitions?: ShotTransition[];
  /** `thumb`: the key frame's small JPEG (THUMB_DIR/NAME.jpg beside `file`), from the same decoding pass. */
  keyframes: Array<DetectedKeyFrame & { file: string; thumb?: string }>;
  timing: { decodeSeconds: number; analysisSeconds: number; extractSeconds: number; totalSeconds: number };
  /**
   * Where the key-frame pictures came from: written from the analysis' own decoding pass, or decoded again after it
   * (with why none came from the pass, where that is the case). Absent in older documents.
   */
  pictures?: { fromAnalysis: number; decodedAgain: number; reason?: string };
  kernels: 'native' | 'typescript';
  ffmpeg: { path: string; source: string; version: string };
  warnings: string[];
  /** With `keyframes --explain`: why each shot boundary was taken, and why each dropped key frame was dropped. */
  explain?: { boundaries: ShotBoundary[]; duplicates?: DroppedKeyFrame[] };
}
