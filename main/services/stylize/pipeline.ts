import type { ModelSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { StylizeError } from './errors';
import { statsBudget } from './global-norm';
import { cropImage, fitLongSide, padToMultiple, resizeImage, toRgbImage, type FloatRgbImage } from './image-ops';
import { imageToTensor, tensorToFloatImage, type FloatTensor } from './tensor-codec';
import { planTiles, runTiled, type TilePlan } from './tiling';

/** Runs the model's image input → image output once (the session, in the worker). */
export type TensorRunner = (input: FloatTensor) => Promise<FloatTensor>;

export interface PipelineParams {
  /** Long side (px) the frame is resized to before stylizing; the result is resized back. Absent: as is. */
  size?: number;
  /** Tile side in px; 0 runs the frame whole. */
  tile?: number;
  overlap?: number;
  /**
   * A model that normalises over the whole picture (spec.globalNormalization), run in tiles: 'whole' (default)
   * gives every tile the whole picture's statistics; 'tile' lets each tile use its own (the seams then show).
   */
  tileStats?: 'whole' | 'tile';
  /** Largest picture (pixels) the whole-picture statistics are taken from at full size (see global-norm.ts). */
  statsMaxPixels?: number;
  /**
   * Passes over the tiles that gather each layer's statistics at full size, after the first estimate from a copy
   * scaled to statsMaxPixels (default 0: the scaled copy's statistics). None is needed when the picture fits
   * statsMaxPixels. Each pass makes every layer's statistics match inputs normalised with the previous estimate: a
   * shallow model converges in as many passes as it has layers; on CartoonGAN (21 layers) one pass measured worse.
   */
  statsPasses?: number;
}

export interface PipelineHooks {
  /** Throws (CancelledError) when the job was cancelled; called before every tile. */
  checkCancelled(): void;
  onTile?(done: number, total: number): void;
  /** For globalNormalization models: a runner for the tiles of `whole` (cut as `plan` says) that carries its statistics. */
  wholeStats?(whole: RgbImage, plan: TilePlan): Promise<TensorRunner>;
}

/**
 * 512 px tiles: a 4K White-box frame then peaks at ~0.66 GB RSS (1024 px tiles: ~1.5 GB; a whole 1080p frame:
 * ~1.3 GB) for the same time. Models that normalise over the whole image get larger tiles (fewer seams).
 */
export const DEFAULT_TILE = 512;
export const DEFAULT_TILE_GLOBAL_NORM = 1024;
export const DEFAULT_OVERLAP = 64;

/** Places the image in the model's fixed size (letterbox or squash); returns where the picture sits in it. */
export function fitFixed(img: RgbImage, spec: ModelSpec): { input: FloatRgbImage | RgbImage; box: { x: number; y: number; width: number; height: number } } {
  const { width: fw, height: fh } = spec.fixedSize!;
  if (spec.fit === 'squash') return { input: resizeImage(img, fw, fh), box: { x: 0, y: 0, width: fw, height: fh } };
  const scale = Math.min(fw / img.width, fh / img.height);
  const w = Math.max(1, Math.min(fw, Math.round(img.width * scale)));
  const h = Math.max(1, Math.min(fh, Math.round(img.height * scale)));
  const scaled = resizeImage(img, w, h);
  // Centre it; the border is the tensor value padValue, written after conversion (see letterboxTensorImage).
  const x = Math.floor((fw - w) / 2);
  const y = Math.floor((fh - h) / 2);
  const canvas: FloatRgbImage = { width: fw, height: fh, data: new Float32Array(fw * fh * 3).fill(Number.NaN) };
  for (let r = 0; r < h; r++) {
    for (let i = 0; i < w * 3; i++) canvas.data[((y + r) * fw + x) * 3 + i] = scaled.data[(r * w) * 3 + i];
  }
  return { input: canvas, box: { x, y, width: w, height: h } };
}

/** Converts a letterboxed canvas (NaN = border) to the input tensor with the border at `padValue`. */
export function letterboxTensor(canvas: FloatRgbImage | RgbImage, spec: ModelSpec): FloatTensor {
  const t = imageToTensor(canvas, spec.input);
  const pad = spec.padValue ?? (spec.input.range[0] + spec.input.range[1]) / 2;
  for (let i = 0; i < t.data.length; i++) if (Number.isNaN(t.data[i])) t.data[i] = pad;
  return t;
}

async function runFixed(img: RgbImage, spec: ModelSpec, run: TensorRunner, file?: string): Promise<RgbImage> {
  const { input, box } = fitFixed(img, spec);
  const out = tensorToFloatImage(await run(letterboxTensor(input, spec)), spec.output, file);
  return resizeImage(toRgbImage(cropImage(out, box.x, box.y, box.width, box.height)), img.width, img.height);
}

/**
 * The spec-driven path for an image generator: optional resize to the processing size, edge padding to the size
 * multiple, whole or tiled inference, crop back, resize back to the input size. No per-model code.
 */
export async function stylizePixels(
  img: RgbImage,
  spec: ModelSpec,
  run: TensorRunner,
  params: PipelineParams,
  hooks: PipelineHooks,
  file?: string,
): Promise<{ image: RgbImage; tiles: number; processedWidth: number; processedHeight: number }> {
  if (img.width < 1 || img.height < 1 || img.data.length !== img.width * img.height * 3) {
    throw new StylizeError('IMAGE_INVALID', `image ${img.width}x${img.height} has ${img.data.length} bytes, expected ${img.width * img.height * 3} (RGB24)`);
  }
  if ((spec.output.meaning ?? 'image') !== 'image') {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file ?? 'model'}: its output is ${spec.output.meaning}, not an image (use segmentImage)`, file);
  }
  hooks.checkCancelled();
  if (spec.fixedSize) {
    const image = await runFixed(img, spec, run, file);
    hooks.onTile?.(1, 1);
    return { image, tiles: 1, processedWidth: spec.fixedSize.width, processedHeight: spec.fixedSize.height };
  }
  const proc = params.size ? fitLongSide(img.width, img.height, params.size) : { width: img.width, height: img.height };
  const scaled = resizeImage(img, proc.width, proc.height);
  const m = spec.sizeMultiple;
  const padded = padToMultiple(scaled, m);
  // A model that normalises over the whole picture runs whole when the memory allows it (the tiles would need the
  // whole picture's statistics from a pass as large); else in tiles with statistics from a scaled copy.
  const wholeFits = spec.globalNormalization && padded.width * padded.height <= (params.statsMaxPixels ?? statsBudget());
  const tile = params.tile ?? (spec.globalNormalization ? (wholeFits ? 0 : DEFAULT_TILE_GLOBAL_NORM) : DEFAULT_TILE);
  const plan = planTiles(padded.width, padded.height, {
    tile: tile > 0 ? tile : Math.max(padded.width, padded.height),
    overlap: params.overlap ?? DEFAULT_OVERLAP,
    multiple: m,
  });
  let done = 0;
  const perTile = plan.count === 1 || !spec.globalNormalization || params.tileStats === 'tile' || !hooks.wholeStats;
  const tileRun = perTile ? run : await hooks.wholeStats!(padded, plan);
  const styled = await runTiled(padded, plan, async (t) => {
    hooks.checkCancelled();
    const out = tensorToFloatImage(await tileRun(imageToTensor(t, spec.input)), spec.output, file);
    hooks.onTile?.(++done, plan.count);
    if (out.width !== t.width || out.height !== t.height) {
      throw new StylizeError('MODEL_SPEC_MISMATCH', `${file ?? 'model'}: a ${t.width}x${t.height} input gave a ${out.width}x${out.height} output; check sizeMultiple`, file);
    }
    return out;
  });
  const cropped = cropImage(styled, 0, 0, proc.width, proc.height);
  return { image: resizeImage(cropped, img.width, img.height), tiles: plan.count, processedWidth: proc.width, processedHeight: proc.height };
}
