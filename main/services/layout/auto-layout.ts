import type { ComicPage, PageStyle } from '../../../app/page';
import { flowPages } from '../../../app/page-flow';

/**
 * Lays `pictureCount` pictures out on pages, in order, each page a template of three tiers (2-1-2, 1-2-2, 2-2-1 in
 * turn), every panel showing its whole picture cropped to the panel's shape around the centre.
 */
export function autoLayout(pictureCount: number, style: PageStyle): ComicPage[] {
  return flowPages(pictureCount, style).map(({ size, panels }) => ({ size, panels }));
}
