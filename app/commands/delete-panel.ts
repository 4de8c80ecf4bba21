import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, pagesCommand, panelAt, withEditedPage } from './pages-command';

/** Deletes a panel from its page; the frame it showed goes back to the tray. */
export function deletePanel(project: Project, page: number, panel: string): EditCommand {
  return pagesCommand(project, { key: 'command.deletePanel' }, (pages) => {
    panelAt(pageAt(pages, page), panel, page);
    return withEditedPage(pages, page, (p) => ({ ...p, panels: p.panels.filter((x) => x.id !== panel) }));
  });
}
