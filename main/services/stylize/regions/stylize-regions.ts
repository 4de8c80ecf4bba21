import type { Mask } from '../../../../app/masks';
import type { JobContext } from '../../../../app/progress';
import type { ProviderName } from '../../../../app/stylize';
import type { RgbImage } from '../../../../app/video';
import { throwIfAborted } from '../../jobs';
import { StylizeError } from '../errors';
import { compositeAlpha } from '../masks/composite';
import { featherMask } from '../masks/feather';
import { stylizeImage, toResolved, type StylizeOptions } from '../stylize-image';

/** A generator for a region, or 'photo' to leave it as the original picture. */
export type RegionModel = StylizeOptions['model'] | 'photo';

export interface Region {
  mask: Mask;
  model: RegionModel;
}

export interface RegionOptions extends Omit<StylizeOptions, 'model'> {
  /** Feather radius (px) of each region's edge; 0 gives hard edges. Default 4. */
  feather?: number;
}

export interface RegionResult {
  image: RgbImage;
  /** Model ids in the order they ran (each distinct model runs once, on the whole frame). */
  models: string[];
  /** The provider the generators ran on, and why it is not the one asked for (absent when only photo was used). */
  provider?: ProviderName;
  fallback?: string;
}

/**
 * Per-region styling with any generator: the background (a model, or 'photo') first, then each region composited
 * on top in order with a feathered edge, so later regions win where masks overlap. Each model stylizes the whole
 * frame once (instance-normalised generators look different on a crop), and is reused when several regions share it.
 * Progress: stage "regions", one unit per model run, with the run's own tile progress folded into `fraction`.
 */
export async function stylizeRegions(image: RgbImage, regions: readonly Region[], background: RegionModel, options: RegionOptions = {}, ctx: JobContext = {}): Promise<RegionResult> {
  throwIfAborted(ctx.signal);
  regions.forEach((r, i) => {
    if (r.mask.width !== image.width || r.mask.height !== image.height) {
      throw new StylizeError('IMAGE_INVALID', `region ${i}: mask is ${r.mask.width}x${r.mask.height}, the image is ${image.width}x${image.height}`);
    }
  });
  const { feather = 4, ...stylizeOptions } = options;
  // Resolve once, so one model named two ways (id and entry) still runs once.
  const wanted = [background, ...regions.map((r) => r.model)];
  const resolved = new Map<RegionModel, Awaited<ReturnType<typeof toResolved>> | 'photo'>();
  for (const m of wanted) if (!resolved.has(m)) resolved.set(m, m === 'photo' ? 'photo' : await toResolved(m));
  const runs = [...new Set([...resolved.values()].filter((m) => m !== 'photo').map((m) => (m as { file: string }).file))];

  const styled = new Map<string, RgbImage>();
  const ids: string[] = [];
  let provider: ProviderName | undefined;
  let fallback: string | undefined;
  for (const [i, file] of runs.entries()) {
    const model = [...resolved.values()].find((m) => m !== 'photo' && m.file === file) as Awaited<ReturnType<typeof toResolved>>;
    const r = await stylizeImage(image, { ...stylizeOptions, model }, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ stage: 'regions', done: i, total: runs.length, fraction: (i + (p.fraction ?? 0)) / runs.length, message: model.id }),
    });
    styled.set(file, r.image);
    ids.push(r.model);
    ({ provider, fallback } = r);
    ctx.onProgress?.({ stage: 'regions', done: i + 1, total: runs.length, fraction: (i + 1) / runs.length, message: model.id });
  }
  const pixels = (m: RegionModel): RgbImage => {
    const r = resolved.get(m)!;
    return r === 'photo' ? image : styled.get(r.file)!;
  };

  let result = pixels(background);
  for (const region of regions) {
    throwIfAborted(ctx.signal);
    result = compositeAlpha(result, pixels(region.model), featherMask(region.mask, feather));
  }
  if (result === image) result = { ...image, data: Uint8Array.from(image.data) };
  return { image: result, models: ids, provider, fallback };
}
