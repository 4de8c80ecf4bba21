import type { Rect } from './page';

/**
 * Snapping while a panel moves or is resized: its edges are drawn to the page margins, to the other panels' edges
 * and to a gutter's width away from them, so panels moved by hand keep one consistent gutter.
 */
export interface SnapTargets {
  /** x positions (mm) a vertical edge may snap to, and y positions for a horizontal one. */
  xs: number[];
  ys: number[];
}

/** A line drawn while snapped: a vertical guide at x, or a horizontal one at y. */
export type SnapGuide = { x: number } | { y: number };

export function snapTargets(content: Rect, others: Rect[], gutter: number): SnapTargets {
  const xs = [content.x, content.x + content.width];
  const ys = [content.y, content.y + content.height];
  for (const r of others) {
    xs.push(r.x, r.x + r.width, r.x - gutter, r.x + r.width + gutter);
    ys.push(r.y, r.y + r.height, r.y - gutter, r.y + r.height + gutter);
  }
  return { xs, ys };
}

/** The nearest target within `threshold` of any of `values`: the shift that puts that value on it. */
function nearest(values: number[], targets: number[], threshold: number): { shift: number; at: number } | undefined {
  let best: { shift: number; at: number } | undefined;
  for (const v of values) {
    for (const t of targets) {
      const shift = t - v;
      if (Math.abs(shift) <= threshold && (!best || Math.abs(shift) < Math.abs(best.shift))) best = { shift, at: t };
    }
  }
  return best;
}

/** A box being moved: shifted so that its nearest edge in x and in y sits on a target, within `threshold` mm. */
export function snapMove(box: Rect, targets: SnapTargets, threshold: number): { box: Rect; guides: SnapGuide[] } {
  const sx = nearest([box.x, box.x + box.width], targets.xs, threshold);
  const sy = nearest([box.y, box.y + box.height], targets.ys, threshold);
  const guides: SnapGuide[] = [];
  if (sx) guides.push({ x: sx.at });
  if (sy) guides.push({ y: sy.at });
  return { box: { ...box, x: box.x + (sx?.shift ?? 0), y: box.y + (sy?.shift ?? 0) }, guides };
}

export type Edge = 'left' | 'right' | 'top' | 'bottom';

/** A box being resized by the edges `moving`: each of those edges snapped on its own; the others stay. */
export function snapResize(box: Rect, moving: Edge[], targets: SnapTargets, threshold: number): { box: Rect; guides: SnapGuide[] } {
  let { x, y, width, height } = box;
  const guides: SnapGuide[] = [];
  const snap = (v: number, list: number[]) => nearest([v], list, threshold);
  if (moving.includes('left')) {
    const s = snap(x, targets.xs);
    if (s) (width = x + width - s.at), (x = s.at), guides.push({ x: s.at });
  }
  if (moving.includes('right')) {
    const s = snap(x + width, targets.xs);
    if (s) (width = s.at - x), guides.push({ x: s.at });
  }
  if (moving.includes('top')) {
    const s = snap(y, targets.ys);
    if (s) (height = y + height - s.at), (y = s.at), guides.push({ y: s.at });
  }
  if (moving.includes('bottom')) {
    const s = snap(y + height, targets.ys);
    if (s) (height = s.at - y), guides.push({ y: s.at });
  }
  return { box: { x, y, width, height }, guides };
}
