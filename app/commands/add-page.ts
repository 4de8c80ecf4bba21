import type { Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pagesCommand } from './pages-command';

/** Adds a blank page (no panels yet) after page `after` (0-based; -1 for first). */
export function addPage(project: Project, after: number): EditCommand {
  return pagesCommand(project, { key: 'command.addPage' }, (pages) => {
    if (after < -1 || after >= pages.length) throw new RangeError(`there is no page ${after + 1}`);
    const page = { id: freshIds(pages, 'pg')(), panels: [] };
    return [...pages.slice(0, after + 1), page, ...pages.slice(after + 1)];
  });
}
