import type { Mask } from '../../../../app/masks';
import { decodeImage } from '../../video/image-io';
import { StylizeError } from '../errors';
import { resizeMask } from './resize-plane';

/** How far a mask's aspect ratio may be from the image's and still be scaled onto it (rounding of sizes). */
const ASPECT_TOLERANCE = 0.02;

/**
 * A mask a user painted in any editor: an image where white (luma >= 128) is the region and black the rest.
 * Colour and grey images both work; a transparent PNG is read by its colour, not its alpha.
 */
export async function readMaskFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<Mask> {
  const rgb = await decodeImage(path, { signal: opts.signal });
  const data = new Uint8Array(rgb.width * rgb.height);
  for (let i = 0; i < data.length; i++) {
    const o = i * 3;
    data[i] = 0.299 * rgb.data[o] + 0.587 * rgb.data[o + 1] + 0.114 * rgb.data[o + 2] >= 128 ? 1 : 0;
  }
  return { width: rgb.width, height: rgb.height, data };
}

/**
 * The mask at the image's size: as is when the sizes agree, scaled when only the resolution differs (a mask drawn
 * on a thumbnail, frames extracted at another width), refused when the shapes differ (it was drawn for another picture).
 */
export function fitMask(mask: Mask, width: number, height: number, name = 'mask'): Mask {
  if (mask.width === width && mask.height === height) return mask;
  const aspect = (mask.width / mask.height) / (width / height);
  if (Math.abs(aspect - 1) > ASPECT_TOLERANCE) {
    throw new StylizeError('IMAGE_INVALID', `${name} is ${mask.width}x${mask.height}, which does not fit a ${width}x${height} image (another aspect ratio)`);
  }
  return resizeMask(mask, width, height);
}
