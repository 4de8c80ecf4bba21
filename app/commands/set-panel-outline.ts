import { boundingBox, isConvexOutline, MAX_CORNERS, MIN_CORNERS, type Outline } from '../geometry';
import { PAGE_SIZES } from '../page';
import { layoutOf, type Project } from '../project';
import type { CommandLabelKey, EditCommand } from './command';
import { pageAt, pagesCommand, panelAt, withEditedPage } from './pages-command';

/** Panels are kept at least this wide and tall (mm). */
export const MIN_PANEL_MM = 5;

/** Why an outline cannot be a panel of a page of `size`, or '' when it can. */
export function outlineProblem(outline: Outline, size: { width: number; height: number }): string {
  if (outline.length < MIN_CORNERS || outline.length > MAX_CORNERS) return `a panel has ${MIN_CORNERS} to ${MAX_CORNERS} corners`;
  if (!outline.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return 'a corner is not a number';
  if (!isConvexOutline(outline)) return 'a panel must stay convex (no dent, no crossing edges)';
  const box = boundingBox(outline);
  if (box.width < MIN_PANEL_MM || box.height < MIN_PANEL_MM) return `a panel is at least ${MIN_PANEL_MM} mm wide and tall`;
  const tolerance = 1e-6;
  if (box.x < -tolerance || box.y < -tolerance || box.x + box.width > size.width + tolerance || box.y + box.height > size.height + tolerance) return 'a panel stays on its page';
  return '';
}

export type OutlineChange = 'move' | 'resize' | 'corner' | 'add-corner' | 'remove-corner';

const LABELS = {
  move: 'command.movePanel',
  resize: 'command.resizePanel',
  corner: 'command.movePanelCorner',
  'add-corner': 'command.addPanelCorner',
  'remove-corner': 'command.removePanelCorner',
} as const satisfies Record<OutlineChange, CommandLabelKey>;

/** Gives a panel a new outline (a whole drag is one command); refused when the outline could not be a panel. */
export function setPanelOutline(project: Project, page: number, panel: string, outline: Outline, change: OutlineChange): EditCommand {
  const size = PAGE_SIZES[layoutOf(project).page];
  const problem = outlineProblem(outline, size);
  if (problem) throw new RangeError(problem);
  return pagesCommand(project, { key: LABELS[change] }, (pages) => {
    panelAt(pageAt(pages, page), panel, page);
    return withEditedPage(pages, page, (p) => ({ ...p, panels: p.panels.map((x) => (x.id === panel ? { ...x, outline: outline.map(({ x: px, y }) => ({ x: px, y })) } : x)) }));
  });
}
