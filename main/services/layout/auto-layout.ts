import { CENTERED_CROP, type ComicPage, type PageStyle } from '../../../app/page';
import { PAGE_TEMPLATES, tierRects, type PageTemplate } from '../../../app/page-templates';

/** Templates the auto layout takes in turn, page after page. */
const AUTO_TEMPLATES = PAGE_TEMPLATES.slice(0, 3);

/** The first `count` panels of a template, tier by tier (a last page with fewer pictures than panels). */
function truncateTiers(tiers: number[], count: number): number[] {
  const out: number[] = [];
  let left = count;
  for (const t of tiers) {
    if (left <= 0) break;
    out.push(Math.min(t, left));
    left -= t;
  }
  return out;
}

/**
 * Lays `pictureCount` pictures out on pages, in order, each page a template of three tiers (cycling through
 * `templates`), every panel showing its whole picture cropped to the panel's shape around the centre.
 */
export function autoLayout(pictureCount: number, style: PageStyle, templates: PageTemplate[] = AUTO_TEMPLATES): ComicPage[] {
  if (!templates.length) throw new RangeError('autoLayout needs at least one template');
  const pages: ComicPage[] = [];
  let next = 0;
  while (next < pictureCount) {
    const template = templates[pages.length % templates.length];
    const tiers = truncateTiers(template.tiers, pictureCount - next);
    const rects = tierRects(style, tiers, template.tiers.length);
    pages.push({ size: style.size, panels: rects.map((rect) => ({ rect, picture: next++, crop: { ...CENTERED_CROP } })) });
  }
  return pages;
}
