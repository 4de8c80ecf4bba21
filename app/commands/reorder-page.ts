import type { Project } from '../project';
import type { CommandLabel, EditCommand } from './command';
import { pageAt, pagesCommand } from './pages-command';

/** Moves page `from` so that it becomes page `to` (0-based; a page strip drag), its panels and look with it. */
export function reorderPage(project: Project, from: number, to: number, label: CommandLabel = { key: 'command.movePage', values: { from: from + 1, to: to + 1 } }): EditCommand {
  return pagesCommand(project, label, (pages) => {
    const page = pageAt(pages, from);
    pageAt(pages, to);
    const rest = pages.filter((_, i) => i !== from);
    return [...rest.slice(0, to), page, ...rest.slice(to)];
  });
}
