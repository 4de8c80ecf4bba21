import type { Rect } from '../page';
import { templateById } from '../page-flow';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

/** Gives page `page` (0-based) a template; the panels after it reflow. Undo restores the choice it had. */
export function setPageTemplate(project: Project, page: number, template: string): EditCommand {
  if (!templateById(template)) throw new RangeError(`no page template ${template}`);
  const layout = layoutOf(project);
  const before = layout.templates[page] ?? null;
  // Rectangles drawn over the old template fit its slots, not the new one's: they go (and come back on undo).
  const beforeRects = layout.rects?.[page] ?? null;
  const set = (p: Project, t: string | null, rects: Array<Rect | null> | null) =>
    withLayout(p, (l) => {
      const templates = [...l.templates];
      while (templates.length <= page) templates.push(null);
      templates[page] = t;
      const all = [...(l.rects ?? [])];
      while (all.length <= page) all.push(null);
      all[page] = rects;
      return { ...l, templates, rects: all };
    });
  return { label: `Page ${page + 1}: layout ${template}`, apply: (p) => set(p, template, null), revert: (p) => set(p, before, beforeRects) };
}
