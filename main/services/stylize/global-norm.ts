// Tiles of a model that normalises over the whole picture (instance norm, `spec.globalNormalization`) get the
// whole picture's statistics: the stats graph runs once on the frame (or on a smaller copy when the frame is
// larger than the budget), then every tile runs through the apply graph with those statistics. Runs in the
// inference worker, beside the session cache.
import { readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelSpec, ProviderName } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { StylizeError } from './errors';
import { cropImage, fitLongSide, padToMultiple, resizeImage } from './image-ops';
import { CORE_INPUT, partialNames, splitInstanceNorm, type NormLayer } from './instance-norm-split';
import { ORT_PROVIDER } from './providers';
import type { AxisPlan, TilePlan } from './tiling';
import { sessionOptions, type SessionOptionsPreset } from './session-options';
import { imageToTensor, type FloatTensor } from './tensor-codec';

/**
 * Memory an instance-norm generator holds per pixel it sees at once: CartoonGAN measured ~2.0 GB of process memory
 * at 1280×720 and ~4.5 GB at 1920×1080 (onnxruntime CPU, its arena included).
 */
export const NORM_BYTES_PER_PIXEL = 2300;
/** The statistics are never taken from a copy smaller than this (a 1024×1024 tile's worth). */
export const STATS_MAX_PIXELS = 1024 * 1024;

/**
 * Largest picture (pixels) the statistics are taken from at its own size: what a third of this machine's memory
 * holds (a 1080p frame on a 16 GB machine), and at least a tile's worth. A larger frame gives its statistics from a
 * copy scaled down to this many pixels (thumbnail instance normalisation, Chen et al., "Towards Ultra-Resolution
 * Neural Style Transfer via Thumbnail Instance Normalization", AAAI 2022): close, not equal (docs/styles.md).
 */
export function statsBudget(total = totalmem()): number {
  return Math.max(STATS_MAX_PIXELS, Math.floor(total / 3 / NORM_BYTES_PER_PIXEL));
}

interface SplitSessions {
  stats: InferenceSession;
  apply: InferenceSession;
  refine: InferenceSession;
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
  return { stats: await create(split.stats), apply: await create(split.apply), refine: await create(split.refine), layers: split.layers };
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
    old.then((s) => Promise.all([s.stats.release(), s.apply.release(), s.refine.release()])).catch(() => undefined);
  }
  return entry;
}

export async function releaseSplitSessions(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.all(all.map((p) => p.then((s) => Promise.all([s.stats.release(), s.apply.release(), s.refine.release()])).catch(() => undefined)));
}

/** The size the statistics are taken at: the picture's own when it fits the budget, else scaled down to it. */
export function statsSize(width: number, height: number, multiple: number, maxPixels = statsBudget()): { width: number; height: number } {
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

/**
 * Where each tile's share of the picture starts and ends along one axis: the overlaps cut in the middle, on the size
 * multiple (so every layer's resolution cuts at whole pixels), the shares covering the axis exactly once.
 */
export function axisShares(axis: AxisPlan, length: number, multiple: number): Array<[number, number]> {
  const cuts = axis.starts.slice(1).map((s, i) => Math.round((s + axis.starts[i] + axis.size) / 2 / multiple) * multiple);
  return axis.starts.map((s, i) => [i === 0 ? 0 : cuts[i - 1], i === axis.starts.length - 1 ? length : cuts[i]].map((v) => v - s) as [number, number]);
}

/**
 * The full-size statistics of every layer, gathered tile by tile: each tile runs with the statistics it is given
 * (the thumbnail's), and adds the sums of each layer's input over its share of the picture. The layers after the
 * first then see inputs normalised with the thumbnail's statistics, so one such pass comes close to, not exactly
 * to, the whole-frame run (see docs/styles.md for the measurements).
 */
export async function refineStats(
  file: string,
  provider: ProviderName,
  preset: SessionOptionsPreset,
  spec: ModelSpec,
  whole: RgbImage,
  plan: TilePlan,
  given: WholeStats,
  onTile?: (done: number) => void,
): Promise<WholeStats> {
  const s = await sessionsFor(file, provider, preset);
  const { Tensor } = ort();
  const ys = axisShares(plan.y, whole.height, spec.sizeMultiple);
  const xs = axisShares(plan.x, whole.width, spec.sizeMultiple);
  const sums = s.layers.map(() => ({ sum: new Float64Array(0), squares: new Float64Array(0), count: 0 }));
  let done = 0;
  for (const [r, y0] of plan.y.starts.entries()) {
    for (const [c, x0] of plan.x.starts.entries()) {
      const t = imageToTensor(cropImage(whole, x0, y0, plan.x.size, plan.y.size), spec.input);
      const feeds: Record<string, InstanceType<typeof Tensor>> = {
        [spec.input.name]: new Tensor('float32', t.data, t.dims),
        [CORE_INPUT]: new Tensor('int64', BigInt64Array.from([ys[r][0], xs[c][0], ys[r][1], xs[c][1]].map(BigInt)), [4]),
      };
      for (const [name, v] of given.values) feeds[name] = new Tensor('float32', v, [v.length]);
      const names = s.layers.flatMap((_, k) => Object.values(partialNames(k)));
      const out = await s.refine.run(feeds, names);
      s.layers.forEach((_, k) => {
        const n = partialNames(k);
        const sum = out[n.sum].data as Float32Array;
        const squares = out[n.squares].data as Float32Array;
        const shape = out[n.shape].data as BigInt64Array;
        const acc = sums[k];
        if (!acc.sum.length) (acc.sum = new Float64Array(sum.length)), (acc.squares = new Float64Array(sum.length));
        sum.forEach((v, i) => (acc.sum[i] += v));
        squares.forEach((v, i) => (acc.squares[i] += v));
        acc.count += Number(shape[2]) * Number(shape[3]);
      });
      onTile?.(++done);
    }
  }
  const values = new Map<string, Float32Array>();
  s.layers.forEach((l, k) => {
    const { sum, squares, count } = sums[k];
    // The sums are of x - m (m the mean given): mean = m + E[x - m], variance = E[(x - m)^2] - E[x - m]^2.
    const shift = sum.map((v) => v / count);
    const given0 = given.values.get(l.mean)!;
    values.set(l.mean, Float32Array.from(shift, (d, i) => given0[i] + d));
    values.set(l.variance, Float32Array.from(squares, (v, i) => Math.max(0, v / count - shift[i] * shift[i])));
  });
  return { values, width: whole.width, height: whole.height };
}
