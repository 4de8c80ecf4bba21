import { contentBox, templateById, templateOutlines } from '../page-templates';
import { pageLook, pageStyleOf } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pageAt, pagesCommand, withPage } from './pages-command';

/**
 * Gives page `page` (0-based) a template: its panels become the template's, filled with the page's frames in reading
 * order; a slot left over stays empty, a frame left over goes back to the tray. Undo restores the page as it was.
 */
export function setPageTemplate(project: Project, page: number, template: string): EditCommand {
  const chosen = templateById(template);
  if (!chosen) throw new RangeError(`no page template ${template}`);
  return pagesCommand(project, { key: 'command.pageLayout', values: { page: page + 1, template } }, (pages) => {
    const record = pageAt(pages, page);
    const layout = layoutOf(project);
    const style = pageStyleOf(layout, pageLook(layout, record));
    const outlines = templateOutlines(contentBox(style), style.gutter, chosen, style.readingOrder);
    const frames = record.panels.map((p) => p.keyframe).filter((k): k is string => k !== null);
    const id = freshIds(pages, 'pn');
    const panels = outlines.map((outline, i) => ({ id: record.panels[i]?.id ?? id(), outline, keyframe: frames[i] ?? null }));
    return withPage(pages, page, (p) => ({ ...p, template, panels }));
  });
}
