import { templateById } from '../page-flow';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

/** Gives page `page` (0-based) a template; the panels after it reflow. Undo restores the choice it had. */
export function setPageTemplate(project: Project, page: number, template: string): EditCommand {
  if (!templateById(template)) throw new RangeError(`no page template ${template}`);
  const before = layoutOf(project).templates[page] ?? null;
  const set = (p: Project, t: string | null) =>
    withLayout(p, (l) => {
      const templates = [...l.templates];
      while (templates.length <= page) templates.push(null);
      templates[page] = t;
      return { ...l, templates };
    });
  return { label: `Page ${page + 1}: layout ${template}`, apply: (p) => set(p, template), revert: (p) => set(p, before) };
}
