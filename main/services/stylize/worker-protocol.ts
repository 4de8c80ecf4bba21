import type { ModelSpec, ProviderChoice, ProviderName } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import type { SerializedError } from './errors';
import type { PipelineParams } from './pipeline';
import type { Segmentation } from './segment-pipeline';
import type { SessionOptionsPreset } from './session-options';
import type { FloatTensor } from './tensor-codec';

/**
 * What computes the built-in style on the CPU: 'auto' (default) the native kernels where they are built (see
 * builtin-native.ts), 'onnxruntime' its graph in onnxruntime whatever is built (for comparisons).
 */
export type StylizeEngine = 'auto' | 'onnxruntime';

/** A model as the worker needs it: the ONNX file and how to feed it. */
export interface ModelFile {
  file: string;
  spec: ModelSpec;
}

interface Base {
  id: number;
  /** Int32Array(1) over it: the caller stores 1 to cancel; the worker looks between tiles and frames. */
  cancel: SharedArrayBuffer;
  provider: ProviderChoice;
  preset: SessionOptionsPreset;
}

export type WorkerRequest =
  | (Base & { kind: 'stylize'; model: ModelFile; image: RgbImage; params: PipelineParams; engine?: StylizeEngine })
  | (Base & { kind: 'segment'; model: ModelFile; image: RgbImage; classIndex: number })
  | (Base & { kind: 'infer'; model: { file: string; spec?: ModelSpec }; feeds: Record<string, FloatTensor>; outputs?: string[] })
  /**
   * Opens, ahead of the pictures, what the requests of this model will run on (its onnxruntime session, or the
   * built-in style's native kernels), so the first picture does not wait for it. Answered when ready; its failure
   * is left for the real request to report.
   */
  | (Base & { kind: 'prepare'; model: ModelFile; engine?: StylizeEngine })
  /** Loads onnxruntime itself (a process that is about to run a model starts the worker with it). */
  | { id: number; kind: 'preload' }
  | { id: number; kind: 'release' };

/** Where the session ran, and the time spent in it. */
export interface RunInfo {
  provider: ProviderName;
  fallback?: string;
  /** onnxruntime sessions the worker has created since it started (one per model, provider and options). */
  sessionsOpened?: number;
  /** Wall time of the request inside the worker (pre/post-processing and inference), ms. */
  ms: number;
}

/** What a prepare request made ready: the native kernels, or an onnxruntime session (the worker's count so far). */
export type PrepareReply = { prepared: 'native' } | { prepared: 'cancelled' } | { prepared: 'session'; provider: ProviderName; fallback?: string; sessionsOpened: number };

export interface StylizeReply extends RunInfo {
  image: RgbImage;
  tiles: number;
  processedWidth: number;
  processedHeight: number;
}
export interface SegmentReply extends RunInfo {
  segmentation: Segmentation;
}
export interface InferReply extends RunInfo {
  outputs: Record<string, FloatTensor>;
}

export type WorkerReply =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; result: unknown }
  | { id: number; kind: 'error'; error: SerializedError };
