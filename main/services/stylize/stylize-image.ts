import type { JobContext } from '../../../app/progress';
import type { ProviderChoice, ProviderName } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { resolveModel, type ModelRef, type ResolvedModel } from './model-resolve';
import { processingLongSide } from './processing-size';
import type { Segmentation } from './segment-pipeline';
import type { SessionOptionsPreset } from './session-options';
import type { FloatTensor } from './tensor-codec';
import { inference } from './worker-client';
import type { InferReply, SegmentReply, StylizeEngine, StylizeReply } from './worker-protocol';

export interface InferenceOptions {
  /** Default 'auto': the best provider present, falling back to CPU with a message. */
  provider?: ProviderChoice;
  /** Session options: 'tuned' (default) or onnxruntime's 'default' (for comparison). */
  sessionOptions?: SessionOptionsPreset;
}

export interface StylizeOptions extends InferenceOptions {
  /** Catalog id, file path, catalog entry, or {file, spec}. Default: the built-in style. */
  model?: ModelRef | ResolvedModel;
  /**
   * Long side (px) the frame is stylized at; the result is resized back to the input size. 0: the frame's own
   * size. Default: the model's recommendedLongSide when the frame is larger, else the frame's own size
   * (see processingLongSide).
   */
  size?: number;
  /**
   * Tile side in px for large frames (default 512; instance-norm models: whole when the memory allows, else 1024);
   * 0 runs the frame whole.
   */
  tile?: number;
  /** Overlap between tiles in px (default 64), blended with a cosine ramp. */
  overlap?: number;
  /**
   * The caller gives up the image: its pixels move to the inference worker without a copy (its buffer is detached
   * here) where the buffer allows it (a buffer of its own; sharp's are copied).
   */
  transferImage?: boolean;
  /** The built-in style on the CPU: its native kernels ('auto', default, where built) or its graph in onnxruntime. */
  engine?: StylizeEngine;
  /** Instance-norm models in tiles: the whole picture's statistics in every tile ('whole', default) or each tile's own. */
  tileStats?: 'whole' | 'tile';
  /** Pixel budget of the whole-picture statistics pass (default statsBudget(): a third of the memory): larger frames are scaled down for it. */
  statsMaxPixels?: number;
  /** Passes over the tiles that gather full-size statistics when the frame is larger than statsMaxPixels (default 0). */
  statsPasses?: number;
}

/** The image's buffer when it can move to the worker: a plain ArrayBuffer holding exactly these pixels. */
export function movableBuffer(data: Uint8Array): ArrayBuffer[] {
  const b = data.buffer;
  return b instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === b.byteLength ? [b] : [];
}

export interface StylizeResult {
  image: RgbImage;
  model: string;
  /** The provider that ran, and why it is not the one asked for (when it is not). */
  provider: ProviderName;
  fallback?: string;
  /** Time inside the inference worker (pre/post-processing included), ms. */
  ms: number;
  /** onnxruntime sessions the worker had created by then (one per model and provider for a whole job). */
  sessionsOpened?: number;
  tiles: number;
  processedWidth: number;
  processedHeight: number;
}

const isResolved = (m: unknown): m is ResolvedModel =>
  typeof m === 'object' && m !== null && 'file' in m && 'spec' in m && !('kind' in m);

/** Resolves once: callers that stylize many frames pass the ResolvedModel to skip the file lookup and hashing. */
export async function toResolved(model: StylizeOptions['model']): Promise<ResolvedModel> {
  if (isResolved(model)) return { ...model, id: model.id ?? model.file };
  return resolveModel(model);
}

/**
 * Stylizes one image with a generator, off the main thread. Progress is per tile (stage "stylize");
 * cancelling stops between tiles and rejects with CancelledError.
 */
export async function stylizeImage(image: RgbImage, options: StylizeOptions = {}, ctx: JobContext = {}): Promise<StylizeResult> {
  const model = await toResolved(options.model);
  const reply = await inference.request<StylizeReply>(
    {
      kind: 'stylize',
      model: { file: model.file, spec: model.spec },
      image,
      params: {
        size: processingLongSide(model.spec, image.width, image.height, options.size),
        tile: options.tile,
        overlap: options.overlap,
        tileStats: options.tileStats,
        statsMaxPixels: options.statsMaxPixels,
        statsPasses: options.statsPasses,
      },
      provider: options.provider ?? 'auto',
      preset: options.sessionOptions ?? 'tuned',
      engine: options.engine,
    },
    ctx,
    (done, total) => ctx.onProgress?.({ stage: 'stylize', done, total, fraction: done / total, message: model.id }),
    options.transferImage ? movableBuffer(image.data) : [],
  );
  return { ...reply, model: model.id };
}

export interface SegmentOptions extends InferenceOptions {
  /** Default: the catalog's DeepLabV3 person segmenter. */
  model?: ModelRef | ResolvedModel;
  /** Class whose probability map is returned; default the entry's personClass (15 for PASCAL VOC). */
  classIndex?: number;
}

export type SegmentResult = Segmentation & { provider: ProviderName; fallback?: string; ms: number; model: string };

/** Runs a segmentation model (letterboxed to its fixed size) and returns labels and a class probability map. */
export async function segmentImage(image: RgbImage, options: SegmentOptions = {}, ctx: JobContext = {}): Promise<SegmentResult> {
  const model = await toResolved(options.model ?? 'deeplabv3-person');
  const classIndex = options.classIndex ?? model.entry?.personClass ?? 15;
  const reply = await inference.request<SegmentReply>(
    { kind: 'segment', model: { file: model.file, spec: model.spec }, image, classIndex, provider: options.provider ?? 'auto', preset: options.sessionOptions ?? 'tuned' },
    ctx,
  );
  return { ...reply.segmentation, provider: reply.provider, fallback: reply.fallback, ms: reply.ms, model: model.id };
}

/**
 * Runs raw float32 tensors through a model in the inference worker (for graphs with extra inputs, e.g.
 * InstaGAN's image + masks). With a spec, the session is checked against it first.
 */
export async function inferTensors(
  model: { file: string; spec?: ResolvedModel['spec'] },
  feeds: Record<string, FloatTensor>,
  options: InferenceOptions & { outputs?: string[] } = {},
  ctx: JobContext = {},
): Promise<InferReply> {
  return inference.request<InferReply>(
    { kind: 'infer', model, feeds, outputs: options.outputs, provider: options.provider ?? 'auto', preset: options.sessionOptions ?? 'tuned' },
    ctx,
  );
}

/**
 * Opens, in the background, what the coming pictures of these models will run on (each one's session for this
 * provider, or the built-in style's native kernels), so the first picture does not wait for a model to load
 * while the caller is still reading it. Nothing is awaited; a failure shows on the first real request.
 */
export function prepareModels(models: ResolvedModel[], options: Pick<StylizeOptions, 'provider' | 'sessionOptions' | 'engine'> = {}): ReturnType<typeof inference.prepare>[] {
  return models.map((m) =>
    inference.prepare({
      kind: 'prepare',
      model: { file: m.file, spec: m.spec },
      provider: options.provider ?? 'auto',
      preset: options.sessionOptions ?? 'tuned',
      engine: options.engine,
    }),
  );
}

/** Frees the inference worker and its sessions (app shutdown, end of tests). */
export function shutdownInference(): Promise<void> {
  return inference.shutdown();
}
