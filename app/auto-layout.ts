import { area, boundingBox, type Outline } from './geometry';
import type { PageStyle } from './page';
import { contentBox, PAGE_TEMPLATES, panelCount, templateOutlines, type PageTemplate } from './page-templates';

/** What the automatic layout knows of a frame: its picture's shape, its shot, and whether the user starts a page there. */
export interface LayoutFrame {
  /** Width over height of the picture. */
  aspect: number;
  shot: number;
  breakBefore?: boolean;
}

export interface AutoPage {
  template: PageTemplate;
  /** The page's first frame (index into the frames) and how many it holds: one per panel, never a slot left empty. */
  first: number;
  outlines: Outline[];
}

/** Costs, in units of |ln(panel aspect / picture aspect)| (how much of a picture a panel crops away). */
const PAGE_COST = 2;
const SAME_TEMPLATE_AGAIN = 0.6;
const SHOT_SPLIT = 0.5;
const MAX_PER_PAGE = 6;

/**
 * Pours frames, in order, onto pages: each page a template with exactly as many panels as it holds frames (so no page
 * is left part empty and every page fills its margins), the templates chosen by dynamic programming over the whole
 * comic for panels whose shape crops the pictures least, few pages, variety from page to page, and a page turn
 * between shots rather than inside one. Pages start where the user asked.
 */
export function autoPages(frames: ReadonlyArray<LayoutFrame>, style: PageStyle, templates: ReadonlyArray<PageTemplate> = PAGE_TEMPLATES): AutoPage[] {
  const n = frames.length;
  if (!n) return [];
  const box = contentBox(style);
  const shapes = templates.map((t) => templateOutlines(box, style.gutter, t, style.readingOrder));
  const aspects = shapes.map((outlines) => outlines.map((o) => boundingBox(o).width / boundingBox(o).height));
  const byCount = new Map<number, number[]>();
  templates.forEach((t, i) => byCount.set(panelCount(t), [...(byCount.get(panelCount(t)) ?? []), i]));
  const fit = (template: number, first: number) =>
    aspects[template].reduce((sum, a, slot) => sum + Math.abs(Math.log(a / frames[first + slot].aspect)), 0);
  // best[i][t]: least cost of laying out frames[0..i) with the last page on template t (-1: no page yet).
  const T = templates.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => Array(T + 1).fill(Infinity));
  const back: Array<Array<[number, number] | undefined>> = Array.from({ length: n + 1 }, () => Array(T + 1).fill(undefined));
  best[0][T] = 0;
  for (let i = 0; i < n; i++) {
    for (let last = 0; last <= T; last++) {
      if (!Number.isFinite(best[i][last])) continue;
      for (let count = 1; count <= MAX_PER_PAGE && i + count <= n; count++) {
        // A page may not run past a frame the user starts a page with.
        if (count > 1 && frames[i + count - 1].breakBefore) break;
        const turn = i + count < n && frames[i + count].shot === frames[i + count - 1].shot ? SHOT_SPLIT : 0;
        for (const t of byCount.get(count) ?? []) {
          const cost = best[i][last] + PAGE_COST + fit(t, i) + turn + (t === last ? SAME_TEMPLATE_AGAIN : 0);
          if (cost < best[i + count][t]) {
            best[i + count][t] = cost;
            back[i + count][t] = [i, last];
          }
        }
      }
    }
  }
  let t = best[n].indexOf(Math.min(...best[n]));
  const pages: AutoPage[] = [];
  for (let i = n; i > 0; ) {
    const [from, last] = back[i][t]!;
    pages.unshift({ template: templates[t], first: from, outlines: shapes[t] });
    i = from;
    t = last;
  }
  return pages;
}

/** How much of the space inside the margins the panels cover (0..1; the gutters are the rest). */
export function pageFill(outlines: ReadonlyArray<Outline>, style: Pick<PageStyle, 'size' | 'margin'>): number {
  const box = contentBox(style);
  return outlines.reduce((s, o) => s + area(o), 0) / (box.width * box.height);
}
