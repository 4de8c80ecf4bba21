import type { Balloon } from './balloons';
import { CENTERED_CROP, type ComicPage, type PanelCrop, type PageStyle, type Rect } from './page';
import { PAGE_TEMPLATES, templateById, tierRects } from './page-templates';

export { templateById };

/**
 * The layout of projects made before pages were edited as shapes, kept so that such a project opens as it was left:
 * templates a page takes when the user has not chosen one, page after page: 2-1-2, 1-2-2, 2-2-1.
 */
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

export interface FlowOptions {
  /** The template chosen for each page (by index); a page without one takes the automatic cycle. */
  templates?: ReadonlyArray<string | undefined>;
  /** The crop of each picture (by index), centred when absent. */
  crops?: ReadonlyArray<PanelCrop | undefined>;
  /** The balloons of each picture's panel (by index). */
  balloons?: ReadonlyArray<Balloon[] | undefined>;
  /** Panel rectangles the user drew over a page's template (by page, then by the template's slot). */
  rects?: ReadonlyArray<ReadonlyArray<Rect | null> | null | undefined>;
  /** Pictures (by index) that start a new page even when the page before has room left. */
  breaksBefore?: ReadonlySet<number>;
}

/**
 * Pours `count` pictures, in order, into pages of `style`: each page its chosen template or the next of the cycle,
 * each panel a picture cropped as asked. Pages follow the pictures, so dropping or adding one reflows the rest.
 */
export function flowPages(count: number, style: PageStyle, options: FlowOptions = {}): Array<ComicPage & { template: string }> {
  const pages: Array<ComicPage & { template: string }> = [];
  let next = 0;
  while (next < count) {
    const index = pages.length;
    const template = templateById(options.templates?.[index]) ?? AUTO_TEMPLATES[index % AUTO_TEMPLATES.length];
    let fits = 1;
    const room = template.tiers.reduce((a, b) => a + b, 0);
    while (fits < room && next + fits < count && !options.breaksBefore?.has(next + fits)) fits++;
    const rects = tierRects(style, truncateTiers(template.tiers, fits), template.tiers.length);
    const panels = rects.map((slot, i) => {
      const rect = options.rects?.[index]?.[i] ?? slot;
      const picture = next++;
      const balloons = options.balloons?.[picture];
      return { rect, picture, crop: options.crops?.[picture] ?? { ...CENTERED_CROP }, ...(balloons?.length ? { balloons } : {}) };
    });
    pages.push({ size: style.size, template: template.id, panels });
  }
  return pages;
}
