import { autoPages } from '../../../app/auto-layout';
import { boundingBox, isAxisRect } from '../../../app/geometry';
import { CENTERED_CROP, type ComicPage, type PageStyle } from '../../../app/page';

/**
 * Lays `pictureCount` pictures out on pages, in order: each page a template with exactly as many panels as the
 * pictures it holds (chosen for the pictures' shapes, `aspects` by picture, default 16:9; `shots` keeps a shot's
 * pictures on one page where it can), every panel showing its whole picture cropped to its shape around the centre.
 */
export function autoLayout(pictureCount: number, style: PageStyle, options: { aspects?: number[]; shots?: number[] } = {}): ComicPage[] {
  const frames = Array.from({ length: pictureCount }, (_, i) => ({ aspect: options.aspects?.[i] ?? 16 / 9, shot: options.shots?.[i] ?? i }));
  return autoPages(frames, style).map((page) => ({
    size: style.size,
    panels: page.outlines.map((outline, slot) => ({
      rect: boundingBox(outline),
      ...(isAxisRect(outline) ? {} : { outline }),
      picture: page.first + slot,
      crop: { ...CENTERED_CROP },
    })),
  }));
}
