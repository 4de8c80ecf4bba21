import type { PageStyle, Rect } from './page';

/** A page template: its tiers (rows) from top to bottom, each the number of panels side by side in it. */
export interface PageTemplate {
  id: string;
  tiers: number[];
}

/** Three tiers, the classic comic page; the auto layout cycles through the first three for variety. */
export const PAGE_TEMPLATES: PageTemplate[] = [
  { id: '2-1-2', tiers: [2, 1, 2] },
  { id: '1-2-2', tiers: [1, 2, 2] },
  { id: '2-2-1', tiers: [2, 2, 1] },
  { id: '2-2-2', tiers: [2, 2, 2] },
  { id: '1-1-1', tiers: [1, 1, 1] },
];

/**
 * The panel rectangles of `tiers` on a page, in reading order (tier by tier; within a tier left to right, or right
 * to left for manga). Tier heights are those of a page of `tierSlots` tiers, so a short last page keeps the size of
 * the pages before it.
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
