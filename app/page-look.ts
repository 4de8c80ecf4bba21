import { fitOutline, offsetEdges, type Outline, type Point } from './geometry';
import type { PageSize, Rect } from './page';
import { contentBox } from './page-templates';
import type { PageLook } from './pages';

/**
 * A page's panels after its margins or gutter change, so a laid-out page stays laid out: the panels are mapped from
 * the old space inside the margins onto the new one, then each edge that faces another panel (not one on the margin)
 * moves by half the change of gutter, so every gutter becomes the new width.
 */
export function refitOutlines(outlines: Outline[], size: PageSize, before: Pick<PageLook, 'margin' | 'gutter'>, after: Pick<PageLook, 'margin' | 'gutter'>): Outline[] {
  const from = contentBox({ size, margin: before.margin });
  const to = contentBox({ size, margin: after.margin });
  if (before.margin === after.margin && before.gutter === after.gutter) return outlines;
  const near = (u: number, v: number) => Math.abs(u - v) < 0.05;
  const onEdgeOf = (box: Rect) => (a: Point, b: Point) =>
    (near(a.x, box.x) && near(b.x, box.x)) ||
    (near(a.x, box.x + box.width) && near(b.x, box.x + box.width)) ||
    (near(a.y, box.y) && near(b.y, box.y)) ||
    (near(a.y, box.y + box.height) && near(b.y, box.y + box.height));
  // Grow each inner edge by half the old gutter (panels that tiled the page now meet), map the tiles onto the new
  // space, then draw each inner edge back by half the new gutter: every gutter the new width, whatever its angle.
  const grow = (o: Outline, box: Rect, d: number) => {
    const onMargin = onEdgeOf(box);
    return offsetEdges(o, (i) => (onMargin(o[i], o[(i + 1) % o.length]) ? 0 : d));
  };
  return outlines.map((o) => {
    const met = grow(o, from, before.gutter / 2);
    const moved = from.width > 0 && from.height > 0 ? fitOutline(met, from, to) : met;
    return grow(moved, to, -after.gutter / 2);
  });
}
