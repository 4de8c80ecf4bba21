import type { Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pageAt, pagesCommand } from './pages-command';

/** Copies a page (its panels' shapes, frames and look) right after it; the copy's panels are panels of their own. */
export function duplicatePage(project: Project, page: number): EditCommand {
  return pagesCommand(project, { key: 'command.duplicatePage', values: { page: page + 1 } }, (pages) => {
    const source = pageAt(pages, page);
    const pageId = freshIds(pages, 'pg');
    const panelId = freshIds(pages, 'pn');
    const copy = { ...source, id: pageId(), panels: source.panels.map((p) => ({ ...p, id: panelId(), outline: p.outline.map((c) => ({ ...c })) })) };
    return [...pages.slice(0, page + 1), copy, ...pages.slice(page + 1)];
  });
}
