import { boundingBox, fitOutline } from '../geometry';
import type { Rect } from '../page';
import { pageRecords } from '../pages';
import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt } from './pages-command';
import { setPanelOutline } from './set-panel-outline';

/**
 * Moves or resizes one panel (the `slot`-th of page `page`) to the bounding box `rect` (mm): a polygon is stretched
 * with its box. Refused off the page or under 5 mm.
 */
export function setPanelRect(project: Project, page: number, slot: number, rect: Rect): EditCommand {
  const record = pageAt(pageRecords(project), page);
  const panel = record.panels[slot];
  if (!panel) throw new RangeError(`page ${page + 1} has no panel ${slot + 1}`);
  const box = boundingBox(panel.outline);
  const moved = Math.abs(box.width - rect.width) < 1e-6 && Math.abs(box.height - rect.height) < 1e-6;
  return setPanelOutline(project, page, panel.id, fitOutline(panel.outline, box, rect), moved ? 'move' : 'resize');
}
