import { maskArea, type Mask } from '../../../../app/masks';
import type { JobContext } from '../../../../app/progress';
import type { RgbImage } from '../../../../app/video';
import type { InferenceOptions, SegmentOptions } from '../stylize-image';
import type { SplitOptions } from './connected-components';
import { fitMask } from './mask-file';
import { findPeople } from './person-masks';

/** Where the people (or other regions) of a picture come from: masks the user gave, or the person segmenter. */
export interface PeopleSource extends InferenceOptions, SplitOptions {
  /** The user's regions (scaled to the image when only the resolution differs); when given, no segmenter runs. */
  masks?: readonly Mask[];
  /** Names for the masks in error messages (their files), in the same order. */
  maskNames?: readonly string[];
  /** The person segmenter when no masks are given; default the catalog's DeepLabV3 ('deeplabv3-person'). */
  segmenter?: SegmentOptions['model'];
}

export interface PeopleInstances {
  /** One mask per person (or per given mask), at image size, largest first for the segmenter's. */
  instances: Mask[];
  source: 'masks' | 'segmenter';
  /** The segmenter's model id, when it ran. */
  segmenter?: string;
}

/** The instances of a picture: the given masks fitted to it (empty ones left out), else the segmenter's people. */
export async function peopleInstances(image: RgbImage, source: PeopleSource, ctx: JobContext = {}): Promise<PeopleInstances> {
  if (source.masks?.length) {
    const fitted = source.masks.map((m, i) => fitMask(m, image.width, image.height, source.maskNames?.[i] ?? `mask ${i}`));
    return { instances: fitted.filter((m) => maskArea(m) > 0), source: 'masks' };
  }
  const { provider, sessionOptions, minArea, minFraction } = source;
  const people = await findPeople(image, { model: source.segmenter, provider, sessionOptions, minArea, minFraction }, ctx);
  return { instances: people.instances, source: 'segmenter', segmenter: people.model };
}
