import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, pagesCommand } from './pages-command';

/** Deletes a page; the frames it showed go back to the tray. */
export function deletePage(project: Project, page: number): EditCommand {
  return pagesCommand(project, { key: 'command.deletePage', values: { page: page + 1 } }, (pages) => {
    pageAt(pages, page);
    return pages.filter((_, i) => i !== page);
  });
}
