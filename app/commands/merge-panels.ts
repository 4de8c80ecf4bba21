import { cleanOutline, convexHull, limitCorners, outlineDistance, outlinesOverlap } from '../geometry';
import { pageLook } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, pagesCommand, panelAt, withEditedPage } from './pages-command';

/**
 * Merges two neighbouring panels of a page (no more than two gutters apart) into one: the outline round both (their
 * convex hull, at most 8 corners), which may not cover a third panel. It keeps the first one's frame, or the
 * second's when the first is empty; a frame left over goes back to the tray.
 */
export function mergePanels(project: Project, page: number, first: string, second: string): EditCommand {
  if (first === second) throw new RangeError('choose two different panels to merge');
  return pagesCommand(project, { key: 'command.mergePanels' }, (pages) => {
    const record = pageAt(pages, page);
    const a = panelAt(record, first, page);
    const b = panelAt(record, second, page);
    const { gutter } = pageLook(layoutOf(project), record);
    if (outlineDistance(a.outline, b.outline) > 2 * gutter + 1) throw new RangeError('only neighbouring panels can be merged');
    const outline = limitCorners(cleanOutline(convexHull([...a.outline, ...b.outline]), 1e-3));
    const covered = record.panels.find((p) => p !== a && p !== b && outlinesOverlap(outline, p.outline));
    if (covered) throw new RangeError(`the merged panel would cover panel ${record.panels.indexOf(covered) + 1}`);
    return withEditedPage(pages, page, (p) => ({
      ...p,
      panels: p.panels.flatMap((x) => (x.id === first ? [{ ...x, outline, keyframe: a.keyframe ?? b.keyframe }] : x.id === second ? [] : [x])),
    }));
  });
}
