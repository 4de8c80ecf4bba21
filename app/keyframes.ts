import type { VideoInfo } from './video';

/** Parameters of the key-frame analysis. Every field is exposed in the CLI and the UI. */
export interface AnalysisParams {
  /** Width frames are decoded to for analysis (height follows the display aspect). */
  analysisWidth: number;
  /** HSV histogram bins per channel (joint histogram of hBins × sBins × vBins). */
  hsvBins: { h: number; s: number; v: number };
  /** Grey levels the frame is quantised to before the GLCM, and the pixel offsets [dx, dy] averaged over. */
  glcmLevels: number;
  glcmOffsets: Array<[number, number]>;
  /** Weight of the histogram intersection in the frame similarity (GLCM similarity gets 1 - this). */
  histogramWeight: number;
  /** Clustering threshold δ: a frame joins its most similar cluster when Sim ≥ δ. */
  delta: number;
  /** Clusters smaller than this fraction of their shot are dropped. */
  minClusterFraction: number;
  /** Mutual comparison: a key frame more similar than this to one already kept is dropped. */
  duplicateSimilarity: number;
  /** Shots shorter than this (seconds) are merged into a neighbour. */
  minShotSeconds: number;
  /** Sensitivity of the cut detector: a frame difference must exceed this many times its local level. */
  cutSensitivity: number;
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
};

export interface Shot {
  index: number;
  /** First and last decoded-frame index, inclusive. */
  startFrame: number;
  endFrame: number;
  startTime: number;
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

/** What `your-cartoon keyframes` writes to keyframes.json. */
export interface KeyframesDocument {
  schema: 1;
  video: Pick<VideoInfo, 'path' | 'duration' | 'fps' | 'width' | 'height' | 'frameCount'> & Partial<VideoInfo>;
  params: AnalysisParams;
  shots: Shot[];
  keyframes: Array<DetectedKeyFrame & { file: string }>;
  timing: { decodeSeconds: number; analysisSeconds: number; extractSeconds: number; totalSeconds: number };
  kernels: 'native' | 'typescript';
  ffmpeg: { path: string; source: string; version: string };
  warnings: string[];
}
