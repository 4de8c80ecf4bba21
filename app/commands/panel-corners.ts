import { MAX_CORNERS, MIN_CORNERS } from '../geometry';
import { pageRecords } from '../pages';
import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, panelAt } from './pages-command';
import { setPanelOutline } from './set-panel-outline';

/**
 * Adds a corner in the middle of edge `edge` (from corner `edge` to the next), pushed out by `bulge` mm so the panel
 * stays convex with one more corner to drag (a panel becomes a polygon of up to 8).
 */
export function addPanelCorner(project: Project, page: number, panel: string, edge: number, bulge = 0.5): EditCommand {
  const { outline } = panelAt(pageAt(pageRecords(project), page), panel, page);
  if (outline.length >= MAX_CORNERS) throw new RangeError(`a panel has at most ${MAX_CORNERS} corners`);
  const a = outline[edge];
  const b = outline[(edge + 1) % outline.length];
  if (!a) throw new RangeError(`the panel has no edge ${edge + 1}`);
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // Outward: the panel's centre is on the other side of the edge.
  const c = outline.reduce((s, p) => ({ x: s.x + p.x / outline.length, y: s.y + p.y / outline.length }), { x: 0, y: 0 });
  let nx = (b.y - a.y) / len;
  let ny = -(b.x - a.x) / len;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if ((mid.x - c.x) * nx + (mid.y - c.y) * ny < 0) (nx = -nx), (ny = -ny);
  const corner = { x: mid.x + nx * bulge, y: mid.y + ny * bulge };
  return setPanelOutline(project, page, panel, [...outline.slice(0, edge + 1), corner, ...outline.slice(edge + 1)], 'add-corner');
}

/** Removes corner `corner` (a panel keeps at least 3). */
export function removePanelCorner(project: Project, page: number, panel: string, corner: number): EditCommand {
  const { outline } = panelAt(pageAt(pageRecords(project), page), panel, page);
  if (outline.length <= MIN_CORNERS) throw new RangeError(`a panel has at least ${MIN_CORNERS} corners`);
  if (!outline[corner]) throw new RangeError(`the panel has no corner ${corner + 1}`);
  return setPanelOutline(project, page, panel, outline.filter((_, i) => i !== corner), 'remove-corner');
}
