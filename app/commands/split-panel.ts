import { area, splitOutline, type Point } from '../geometry';
import { pageLook } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pageAt, pagesCommand, panelAt, withPage } from './pages-command';

/**
 * Cuts a panel in two along the line through a and b (page mm; any angle), the page's gutter kept between the two
 * parts. The larger part keeps the panel's frame; the other is a new empty panel right after it.
 */
export function splitPanel(project: Project, page: number, panel: string, a: Point, b: Point): EditCommand {
  return pagesCommand(project, 'Cut a panel in two', (pages) => {
    const record = pageAt(pages, page);
    const target = panelAt(record, panel, page);
    const { gutter } = pageLook(layoutOf(project), record);
    const [first, second] = splitOutline(target.outline, a, b, gutter);
    const [kept, other] = area(first) >= area(second) ? [first, second] : [second, first];
    const id = freshIds(pages, 'pn')();
    return withPage(pages, page, (p) => ({
      ...p,
      panels: p.panels.flatMap((x) => (x.id === panel ? [{ ...x, outline: kept }, { id, outline: other, keyframe: null }] : [x])),
    }));
  });
}
