import { outlinesOverlap, rectOutline } from '../geometry';
import type { Rect } from '../page';
import { contentBox } from '../page-templates';
import { pageLook, pageStyleOf } from '../pages';
import { layoutOf, type Project } from '../project';
import type { EditCommand } from './command';
import { freshIds, pageAt, pagesCommand, withEditedPage } from './pages-command';
import { outlineProblem } from './set-panel-outline';

/**
 * Where a new panel goes when none is drawn: the whole space inside the margins on an empty page, else the largest
 * box of a grid of the content (a gutter from every panel) that covers no panel, else a third of the content centred.
 */
export function freeSpot(content: Rect, panels: Rect[], gutter: number): Rect {
  if (!panels.length) return content;
  const steps = 12;
  const cw = content.width / steps;
  const ch = content.height / steps;
  let best: Rect | undefined;
  const clear = (r: Rect) => !panels.some((p) => outlinesOverlap(rectOutline(r), rectOutline({ x: p.x - gutter, y: p.y - gutter, width: p.width + 2 * gutter, height: p.height + 2 * gutter }), 0.01));
  for (let i = 0; i < steps; i++)
    for (let j = 0; j < steps; j++)
      for (let w = steps - i; w >= 2; w--)
        for (let h = steps - j; h >= 2; h--) {
          const r = { x: content.x + i * cw, y: content.y + j * ch, width: w * cw, height: h * ch };
          if ((!best || r.width * r.height > best.width * best.height) && clear(r)) best = r;
        }
  return best ?? { x: content.x + content.width / 3, y: content.y + content.height / 3, width: content.width / 3, height: content.height / 3 };
}

/** Adds an empty panel to a page: the rectangle given (mm), or a free spot. */
export function addPanel(project: Project, page: number, rect?: Rect): EditCommand {
  return pagesCommand(project, { key: 'command.addPanel' }, (pages) => {
    const record = pageAt(pages, page);
    const layout = layoutOf(project);
    const look = pageLook(layout, record);
    const spot = rect ?? freeSpot(contentBox(pageStyleOf(layout, look)), record.panels.map((p) => boundsOf(p.outline)), look.gutter);
    const outline = rectOutline(spot);
    const problem = outlineProblem(outline, pageStyleOf(layout).size);
    if (problem) throw new RangeError(problem);
    return withEditedPage(pages, page, (p) => ({ ...p, panels: [...p.panels, { id: freshIds(pages, 'pn')(), outline, keyframe: null }] }));
  });
}

function boundsOf(outline: { x: number; y: number }[]): Rect {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
