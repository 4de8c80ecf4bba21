import { boundingBox, rectOutline, splitOutline, type Outline } from './geometry';
import type { PageStyle, ReadingOrder, Rect } from './page';

/**
 * A page template: its tiers (rows) from top to bottom, each the number of panels side by side in it. Optional: the
 * tiers' relative heights, the lean of each tier's vertical gutters (`slants`: horizontal run over the tier's height,
 * as a fraction of the tier's width) and the tilt of each gutter between two tiers (`tilts`: rise across the page, as
 * a fraction of the content height). Every template fills the whole space inside the margins.
 */
export interface PageTemplate {
  id: string;
  tiers: number[];
  heights?: number[];
  slants?: number[];
  tilts?: number[];
}

/** The first five are the classic three-tier pages (kept by id in older projects); the rest add slants and a wide top. */
export const PAGE_TEMPLATES: PageTemplate[] = [
  { id: '2-1-2', tiers: [2, 1, 2] },
  { id: '1-2-2', tiers: [1, 2, 2] },
  { id: '2-2-1', tiers: [2, 2, 1] },
  { id: '2-2-2', tiers: [2, 2, 2] },
  { id: '1-1-1', tiers: [1, 1, 1] },
  { id: '1', tiers: [1] },
  { id: '1-1', tiers: [1, 1] },
  { id: '1-1-tilt', tiers: [1, 1], tilts: [0.08] },
  { id: '1-2', tiers: [1, 2], heights: [1.2, 1] },
  { id: '2-1', tiers: [2, 1], heights: [1, 1.2] },
  { id: '1-2-slant', tiers: [1, 2], heights: [1.1, 1], slants: [0, 0.18], tilts: [0.05] },
  { id: '1-1-1-1', tiers: [1, 1, 1, 1] },
  { id: '2-2', tiers: [2, 2] },
  { id: '1-2-1', tiers: [1, 2, 1] },
  { id: '1-1-2-slant', tiers: [1, 1, 2], slants: [0, 0, -0.2], tilts: [0.06, -0.06] },
  { id: 'manga-wide-top', tiers: [1, 2, 2], heights: [1.45, 1, 1], slants: [0, 0.14, -0.14], tilts: [0.03, -0.04] },
  { id: '2-1-2-slant', tiers: [2, 1, 2], slants: [0.16, 0, -0.16], tilts: [-0.05, 0.05] },
  { id: '1-1-1-2', tiers: [1, 1, 1, 2] },
  { id: '2-2-2-slant', tiers: [2, 2, 2], slants: [0.12, -0.12, 0.12], tilts: [0.04, -0.04] },
  { id: '1-2-1-2', tiers: [1, 2, 1, 2] },
];

export const panelCount = (t: PageTemplate) => t.tiers.reduce((a, b) => a + b, 0);

export function templateById(id: string | undefined): PageTemplate | undefined {
  return PAGE_TEMPLATES.find((t) => t.id === id);
}

/** The space inside the page's margins. */
export function contentBox(style: Pick<PageStyle, 'size' | 'margin'>): Rect {
  const { size, margin } = style;
  return { x: margin, y: margin, width: size.width - 2 * margin, height: size.height - 2 * margin };
}

/** Cut positions along a length: each part its weight's share of what the gutters leave, a gutter between two. */
function cuts(start: number, length: number, weights: number[], gutter: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const free = length - (weights.length - 1) * gutter;
  const out: number[] = [];
  let at = start;
  for (const w of weights.slice(0, -1)) {
    at += (w / total) * free;
    out.push(at + gutter / 2);
    at += gutter;
  }
  return out;
}

/**
 * The panel outlines of a template inside `box`, in reading order (tier by tier, within a tier left to right; a
 * right-to-left page is the left-to-right one mirrored, its first panel top right). Made by straight cuts, each
 * leaving `gutter` between its two sides, so slanted gutters are as wide as straight ones.
 */
export function templateOutlines(box: Rect, gutter: number, template: PageTemplate, order: ReadingOrder = 'ltr'): Outline[] {
  const { tiers } = template;
  const heights = template.heights ?? tiers.map(() => 1);
  let rest = rectOutline(box);
  const rows: Outline[] = [];
  cuts(box.y, box.height, heights, gutter).forEach((y, i) => {
    const rise = (template.tilts?.[i] ?? 0) * box.height;
    const [below, above] = splitOutline(rest, { x: box.x, y: y - rise / 2 }, { x: box.x + box.width, y: y + rise / 2 }, gutter, 1);
    rows.push(above);
    rest = below;
  });
  rows.push(rest);
  const panels: Outline[] = [];
  rows.forEach((row, r) => {
    const count = tiers[r];
    const tier = boundingBox(row);
    const run = (template.slants?.[r] ?? 0) * tier.width;
    let restOfRow = row;
    const mid = tier.y + tier.height / 2;
    for (const x of cuts(box.x, box.width, Array(count).fill(1), gutter)) {
      // A line through (x, mid) leaning by `run` over the tier's height; a→b points down, so its positive side is the left.
      const a = { x: x + run / 2, y: mid - tier.height / 2 };
      const b = { x: x - run / 2, y: mid + tier.height / 2 };
      const [left, right] = splitOutline(restOfRow, a, b, gutter, 1);
      panels.push(left);
      restOfRow = right;
    }
    panels.push(restOfRow);
  });
  if (order === 'ltr') return panels;
  const mirror = box.x * 2 + box.width;
  return panels.map((o) => o.map((p) => ({ x: mirror - p.x, y: p.y })).reverse());
}

/**
 * The panel rectangles of `tiers` on a page, in reading order (tier by tier; within a tier left to right, or right
 * to left for manga). Tier heights are those of a page of `tierSlots` tiers, so a short last page keeps the size of
 * the pages before it. (The layout of projects made before pages were edited as shapes.)
 */
export function tierRects(style: PageStyle, tiers: number[], tierSlots = Math.max(3, tiers.length)): Rect[] {
  const { size, margin, gutter } = style;
  const contentWidth = size.width - 2 * margin;
  const tierHeight = (size.height - 2 * margin - (tierSlots - 1) * gutter) / tierSlots;
  const rects: Rect[] = [];
  tiers.forEach((count, row) => {
    const width = (contentWidth - (count - 1) * gutter) / count;
    const y = margin + row * (tierHeight + gutter);
    for (let i = 0; i < count; i++) {
      const column = style.readingOrder === 'rtl' ? count - 1 - i : i;
      rects.push({ x: margin + column * (width + gutter), y, width, height: tierHeight });
    }
  });
  return rects;
}
