import { area, splitOutline, type Point } from '../geometry';
import { pageLook } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pageAt, pagesCommand, panelAt, withEditedPage } from './pages-command';

/**
 * Cuts a panel in two along the line through a and b (page mm; any angle), the page's gutter kept between the two
 * parts. The larger part keeps the panel's frame (of two about one size, the one read first); the other is a new
 * empty panel right after it.
 */
export function splitPanel(project: Project, page: number, panel: string, a: Point, b: Point): EditCommand {
  return pagesCommand(project, { key: 'command.splitPanel' }, (pages) => {
    const record = pageAt(pages, page);
    const target = panelAt(record, panel, page);
    const { gutter } = pageLook(layoutOf(project), record);
    const [first, second] = splitOutline(target.outline, a, b, gutter);
    // The frame stays in the larger part; in two parts of about one size, in the one read first.
    const centre = (o: typeof first) => o.reduce((c, q) => ({ x: c.x + q.x / o.length, y: c.y + q.y / o.length }), { x: 0, y: 0 });
    const rtl = layoutOf(project).readingOrder === 'rtl';
    const readFirst = (u: typeof first, v: typeof first) => {
      const [cu, cv] = [centre(u), centre(v)];
      return Math.abs(cu.y - cv.y) > 1 ? cu.y < cv.y : rtl ? cu.x > cv.x : cu.x < cv.x;
    };
    const similar = Math.abs(area(first) - area(second)) < 0.05 * Math.max(area(first), area(second));
    const firstKeeps = similar ? readFirst(first, second) : area(first) > area(second);
    const [kept, other] = firstKeeps ? [first, second] : [second, first];
    const id = freshIds(pages, 'pn')();
    return withEditedPage(pages, page, (p) => ({
      ...p,
      panels: p.panels.flatMap((x) => (x.id === panel ? [{ ...x, outline: kept }, { id, outline: other, keyframe: null }] : [x])),
    }));
  });
}
