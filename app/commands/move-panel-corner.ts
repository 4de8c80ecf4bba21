import type { Point } from '../geometry';
import { pageRecords } from '../pages';
import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, panelAt } from './pages-command';
import { setPanelOutline } from './set-panel-outline';

/** Drags corner `corner` of a panel to `to` (page mm): refused where the panel would dent, cross itself or shrink away. */
export function movePanelCorner(project: Project, page: number, panel: string, corner: number, to: Point): EditCommand {
  const { outline } = panelAt(pageAt(pageRecords(project), page), panel, page);
  if (!outline[corner]) throw new RangeError(`the panel has no corner ${corner + 1}`);
  return setPanelOutline(project, page, panel, outline.map((p, i) => (i === corner ? { x: to.x, y: to.y } : p)), 'corner');
}
