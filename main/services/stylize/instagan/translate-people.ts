import type { JobContext } from '../../../../app/progress';
import type { RgbImage } from '../../../../app/video';
import { peopleInstances, type PeopleSource } from '../masks/people-source';
import { translateInstances, type InstaGanOptions, type InstaGanResult } from './translate-instances';

export type TranslatePeopleOptions = InstaGanOptions & PeopleSource;

export interface TranslatePeopleResult extends InstaGanResult {
  /** Instances translated: people found by the segmenter, or the non-empty masks given. */
  people: number;
  source: 'masks' | 'segmenter';
  segmenter?: string;
}

/** Share of a picture's progress the segmenter takes. */
const SEGMENT_SHARE = 0.1;

/**
 * InstaGAN on the people of a picture without drawing anything: the segmenter's person instances (or the user's
 * masks, one instance each) go through translateInstances' sequential mini-batches; the rest of the picture is kept.
 */
export async function translatePeople(image: RgbImage, options: TranslatePeopleOptions, ctx: JobContext = {}): Promise<TranslatePeopleResult> {
  const { masks, maskNames, segmenter, minArea, minFraction, ...instaGan } = options;
  const found = await peopleInstances(image, { masks, maskNames, segmenter, minArea, minFraction, provider: options.provider, sessionOptions: options.sessionOptions }, {
    signal: ctx.signal,
    onProgress: (p) => ctx.onProgress?.({ ...p, fraction: SEGMENT_SHARE * (p.total ? p.done / p.total : 0) }),
  });
  const result = await translateInstances(image, found.instances, instaGan, {
    signal: ctx.signal,
    onProgress: (p) => ctx.onProgress?.({ ...p, fraction: SEGMENT_SHARE + (1 - SEGMENT_SHARE) * (p.fraction ?? 0) }),
  });
  return { ...result, people: found.instances.length, source: found.source, segmenter: found.segmenter };
}
