// Tiles of a model that normalises over the whole picture (instance norm, `spec.globalNormalization`) get the
// whole picture's statistics: the stats graph runs once on the frame (or on a smaller copy when the frame is
// larger than the budget), then every tile runs through the apply graph with those statistics. Runs in the
// inference worker, beside the session cache.
import { readFileSync, statSync } from 'node:fs';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelSpec, ProviderName } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { StylizeError } from './errors';
import { fitLongSide, padToMultiple, resizeImage } from './image-ops';
import { splitInstanceNorm, type NormLayer } from './instance-norm-split';
import { ORT_PROVIDER } from './providers';
import { sessionOptions, type SessionOptionsPreset } from './session-options';
import { imageToTensor, type FloatTensor } from './tensor-codec';

/**
 * Largest picture (pixels) the statistics are taken from at its own size: a 1024×1024 tile's worth, so the stats
 * pass needs no more memory than one tile. A larger frame gives its statistics from a copy scaled down to this
 * many pixels (thumbnail instance normalisation, Chen et al., "Towards Ultra-Resolution Neural Style Transfer via
 * Thumbnail Instance Normalization", AAAI 2022).
 */
export const STATS_MAX_PIXELS = 1024 * 1024;

interface SplitSessions {
  stats: InferenceSession;
  apply: InferenceSession;
  layers: NormLayer[];
}

const MAX_CACHED = 2;
const cache = new Map<string, Promise<SplitSessions>>();

function ort(): typeof import('onnxruntime-node') {
  return require('onnxruntime-node') as typeof import('onnxruntime-node');
}

async function open(file: string, provider: ProviderName, preset: SessionOptionsPreset): Promise<SplitSessions> {
  let split;
  try {
    split = splitInstanceNorm(readFileSync(file));
  } catch (err) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file}: its spec says it normalises over the whole picture, but its graph cannot be split for tiling (${(err as Error).message}); run it whole (tile 0)`, file);
  }
  const create = async (bytes: Uint8Array) => {
    const base = { ...sessionOptions(preset), logSeverityLevel: 3 as const };
    try {
      return await ort().InferenceSession.create(bytes, { ...base, executionProviders: [ORT_PROVIDER[provider]] });
    } catch (err) {
      if (provider === 'cpu') throw new StylizeError('MODEL_CORRUPT', `${file}: onnxruntime cannot load its tiling graphs (${(err as Error).message.split('\n')[0]})`, file);
      return ort().InferenceSession.create(bytes, { ...base, executionProviders: ['cpu'] });
    }
  };
  return { stats: await create(split.stats), apply: await create(split.apply), layers: split.layers };
}

function sessionsFor(file: string, provider: ProviderName, preset: SessionOptionsPreset): Promise<SplitSessions> {
  const st = statSync(file);
  const key = JSON.stringify([file, st.size, st.mtimeMs, provider, preset]);
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else {
    entry = open(file, provider, preset);
    entry.catch(() => cache.delete(key));
  }
  cache.set(key, entry);
  while (cache.size > MAX_CACHED) {
    const [oldKey, old] = cache.entries().next().value as [string, Promise<SplitSessions>];
    cache.delete(oldKey);
    old.then((s) => Promise.all([s.stats.release(), s.apply.release()])).catch(() => undefined);
  }
  return entry;
}

export async function releaseSplitSessions(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.all(all.map((p) => p.then((s) => Promise.all([s.stats.release(), s.apply.release()])).catch(() => undefined)));
}

/** The size the statistics are taken at: the picture's own when it fits the budget, else scaled down to it. */
export function statsSize(width: number, height: number, multiple: number, maxPixels = STATS_MAX_PIXELS): { width: number; height: number } {
  if (width * height <= maxPixels) return { width, height };
  const scale = Math.sqrt(maxPixels / (width * height));
  const fitted = fitLongSide(width, height, Math.max(multiple, Math.floor(Math.max(width, height) * scale)));
  return { width: Math.max(multiple, fitted.width), height: Math.max(multiple, fitted.height) };
}

export interface WholeStats {
  /** Per layer, mean and variance by channel (Float32Array of C each). */
  values: Map<string, Float32Array>;
  width: number;
  height: number;
}

/** Every normalisation layer's statistics over `image` (already padded to the size multiple), at statsSize. */
export async function wholePictureStats(file: string, provider: ProviderName, preset: SessionOptionsPreset, spec: ModelSpec, image: RgbImage, maxPixels?: number): Promise<WholeStats> {
  const s = await sessionsFor(file, provider, preset);
  const size = statsSize(image.width, image.height, spec.sizeMultiple, maxPixels);
  const small = size.width === image.width && size.height === image.height ? image : padToMultiple(resizeImage(image, size.width, size.height), spec.sizeMultiple);
  const t = imageToTensor(small, spec.input);
  const { Tensor } = ort();
  const out = await s.stats.run({ [spec.input.name]: new Tensor('float32', t.data, t.dims) }, s.layers.flatMap((l) => [l.mean, l.variance]));
  const values = new Map<string, Float32Array>();
  for (const l of s.layers) {
    for (const name of [l.mean, l.variance]) {
      const v = out[name];
      if (!v || v.dims[0] !== 1) throw new StylizeError('INFERENCE_FAILED', `${file}: no statistics for ${l.input}`, file);
      values.set(name, Float32Array.from(v.data as Float32Array));
    }
  }
  return { values, width: small.width, height: small.height };
}

/** Runs one tile through the apply graph with the whole picture's statistics. */
export async function runWithStats(file: string, provider: ProviderName, preset: SessionOptionsPreset, spec: ModelSpec, stats: WholeStats, input: FloatTensor): Promise<FloatTensor> {
  const s = await sessionsFor(file, provider, preset);
  const { Tensor } = ort();
  const feeds: Record<string, InstanceType<typeof Tensor>> = { [spec.input.name]: new Tensor('float32', input.data, input.dims) };
  for (const [name, v] of stats.values) feeds[name] = new Tensor('float32', v, [v.length]);
  let out;
  try {
    out = (await s.apply.run(feeds, [spec.output.name]))[spec.output.name];
  } catch (err) {
    throw new StylizeError('INFERENCE_FAILED', `${file}: inference failed on a tile (${(err as Error).message.split('\n')[0]})`, file);
  }
  return { data: out.data as Float32Array, dims: [...out.dims] };
}
