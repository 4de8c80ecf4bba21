import { refitOutlines } from '../page-look';
import { PAGE_SIZES } from '../page';
import { pageLook, type PageLook } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, pagesCommand, withPage } from './pages-command';
import { checkLook, lookPart } from './set-book-look';

/** Sets this page's own margins, gutter, border or paper (the rest follows the book); its panels refit the margins. */
export function setPageLook(project: Project, page: number, changes: Partial<PageLook>): EditCommand {
  checkLook(changes);
  const layout = layoutOf(project);
  return pagesCommand(project, { key: `command.pageLook.${lookPart(changes)}`, values: { page: page + 1 } }, (pages) => {
    const record = pageAt(pages, page);
    const before = pageLook(layout, record);
    const look = { ...record.look, ...changes };
    const after = { ...before, ...changes };
    const outlines = refitOutlines(record.panels.map((p) => p.outline), PAGE_SIZES[layout.page], before, after);
    return withPage(pages, page, (p) => ({ ...p, look, panels: p.panels.map((x, i) => ({ ...x, outline: outlines[i] })) }));
  });
}
