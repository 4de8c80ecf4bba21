import type { Rect } from '../page';
import { layoutOf, pageStyleOf, withLayout, type Project, type ProjectLayout } from '../project';
import type { EditCommand } from './command';

/** Panels are kept at least this big (mm) and inside the page. */
const MIN_SIDE_MM = 10;

/** The page's rectangles with slot `slot` set to `rect` (or the template's own, for null), as stored. */
function withPageRect(layout: ProjectLayout, page: number, slot: number, rect: Rect | null): ProjectLayout {
  const rects = [...(layout.rects ?? [])];
  while (rects.length <= page) rects.push(null);
  const slots = [...(rects[page] ?? [])];
  while (slots.length <= slot) slots.push(null);
  slots[slot] = rect;
  rects[page] = slots.every((r) => r === null) ? null : slots;
  return { ...layout, rects };
}

/** Moves or resizes one panel of a page (its slot in the page's template); undo restores the rectangle it had. */
export function setPanelRect(project: Project, page: number, slot: number, rect: Rect): EditCommand {
  const { size } = pageStyleOf(layoutOf(project));
  const width = Math.min(size.width, Math.max(MIN_SIDE_MM, rect.width));
  const height = Math.min(size.height, Math.max(MIN_SIDE_MM, rect.height));
  const next = {
    x: Math.min(size.width - width, Math.max(0, rect.x)),
    y: Math.min(size.height - height, Math.max(0, rect.y)),
    width,
    height,
  };
  const before = layoutOf(project).rects?.[page]?.[slot] ?? null;
  return {
    label: `Page ${page + 1}: reshape a panel`,
    apply: (p) => withLayout(p, (l) => withPageRect(l, page, slot, next)),
    revert: (p) => withLayout(p, (l) => withPageRect(l, page, slot, before)),
  };
}
