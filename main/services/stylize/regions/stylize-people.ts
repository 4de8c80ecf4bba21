import { maskUnion } from '../../../../app/masks';
import type { JobContext } from '../../../../app/progress';
import type { RgbImage } from '../../../../app/video';
import { peopleInstances, type PeopleSource } from '../masks/people-source';
import { stylizeRegions, type RegionModel, type RegionOptions, type RegionResult } from './stylize-regions';

export interface PeopleStyleOptions extends RegionOptions, PeopleSource {
  /** Style of the people (or of the given masks): a generator, or 'photo' to keep them as they are. */
  people: RegionModel;
  /** Style of everything else: a generator, or 'photo'. */
  background: RegionModel;
}

export interface PeopleStyleResult extends RegionResult {
  /** How many people (or non-empty masks) were found; 0 gives the background style over the whole picture. */
  people: number;
  source: 'masks' | 'segmenter';
  segmenter?: string;
}

/** Share of a picture's progress the segmenter takes (one small fixed-size run against whole-frame generators). */
const SEGMENT_SHARE = 0.1;

/**
 * People in one style and the rest in another, without drawing anything: the person segmenter (or the user's masks)
 * gives the regions, stylizeRegions paints them with feathered edges. All people form one region, so where two
 * touch there is no seam between them.
 */
export async function stylizePeople(image: RgbImage, options: PeopleStyleOptions, ctx: JobContext = {}): Promise<PeopleStyleResult> {
  const { people, background, masks, maskNames, segmenter, minArea, minFraction, ...regionOptions } = options;
  const found = await peopleInstances(image, { masks, maskNames, segmenter, minArea, minFraction, provider: options.provider, sessionOptions: options.sessionOptions }, {
    signal: ctx.signal,
    onProgress: (p) => ctx.onProgress?.({ ...p, fraction: SEGMENT_SHARE * (p.total ? p.done / p.total : 0) }),
  });
  const regions = found.instances.length ? [{ mask: maskUnion(found.instances, image.width, image.height), model: people }] : [];
  const styled = await stylizeRegions(image, regions, background, regionOptions, {
    signal: ctx.signal,
    onProgress: (p) => ctx.onProgress?.({ ...p, fraction: SEGMENT_SHARE + (1 - SEGMENT_SHARE) * (p.fraction ?? 0) }),
  });
  return { ...styled, people: found.instances.length, source: found.source, segmenter: found.segmenter };
}
