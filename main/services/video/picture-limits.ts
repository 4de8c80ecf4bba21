import sharp from 'sharp';
import { VideoError } from './video-error';

/**
 * The largest picture the app decodes: 100 megapixels (a 12000×8000 photo is 96). A decompression bomb (a small
 * file that declares a huge picture) or an absurd size is refused from its header, before any memory is spent.
 */
export const MAX_PICTURE_PIXELS = 100_000_000;

/**
 * Refuses a picture whose header declares more than MAX_PICTURE_PIXELS. A file sharp cannot read the header of
 * passes (the decoder then says what is wrong with it).
 */
export async function assertPictureSize(path: string): Promise<void> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(path, { limitInputPixels: false }).metadata());
  } catch {
    return;
  }
  if (width && height && width * height > MAX_PICTURE_PIXELS) {
    const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`;
    throw new VideoError('TOO_LARGE', path, `the picture is ${width}×${height} (${mp(width * height)}); the largest picture this app reads is ${mp(MAX_PICTURE_PIXELS)}`);
  }
}
