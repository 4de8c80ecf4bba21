import { comicKeyframes, layoutOf, projectPages, withLayout, type Project, type ProjectLayout } from '../project';
import type { EditCommand } from './command';

/** A command that sets the whole layout and whose undo restores the layout it found (undo runs right after it). */
function layoutCommand(project: Project, label: string, next: ProjectLayout): EditCommand {
  const before = layoutOf(project);
  return { label, apply: (p) => withLayout(p, () => next), revert: (p) => withLayout(p, () => before) };
}

/** Starts a new page at this key frame's panel, or (pressed again) lets it follow on the page before. */
export function togglePageBreak(project: Project, keyframe: string): EditCommand {
  const layout = layoutOf(project);
  const breaks = layout.breaks ?? [];
  const on = !breaks.includes(keyframe);
  return layoutCommand(project, on ? 'Start a new page' : 'Join the page before', {
    ...layout,
    breaks: on ? [...breaks, keyframe] : breaks.filter((id) => id !== keyframe),
  });
}

/**
 * Swaps page `page` with the one before it (`earlier`) or after it: their panels, templates and reshaped panels
 * move together, and every page keeps its own first panel as a page start so the pages come out the same.
 */
export function movePage(project: Project, page: number, direction: 'earlier' | 'later'): EditCommand {
  const pages = projectPages(project);
  const a = direction === 'earlier' ? page - 1 : page;
  const b = a + 1;
  if (a < 0 || b >= pages.length) throw new RangeError(`page ${page + 1} cannot move ${direction}`);
  const kept = comicKeyframes(project).map((k) => k.id);
  const idsOf = (i: number) => pages[i].panels.map((p) => kept[p.picture]);
  const order = [...pages.slice(0, a).flatMap((_, i) => idsOf(i)), ...idsOf(b), ...idsOf(a), ...pages.slice(b + 1).flatMap((_, i) => idsOf(b + 1 + i))];
  const layout = layoutOf(project);
  const swap = <T,>(list: T[] | undefined, fill: T): T[] => {
    const out = [...(list ?? [])];
    while (out.length <= b) out.push(fill);
    [out[a], out[b]] = [out[b], out[a]];
    return out;
  };
  const starts = pages.map((_, i) => idsOf(i)[0]);
  return layoutCommand(project, `Move page ${page + 1} ${direction}`, {
    ...layout,
    order,
    breaks: [...new Set([...(layout.breaks ?? []), ...starts])],
    // Every page's template is pinned as shown: the automatic cycle goes by position and would change them.
    templates: swap<string | null>(pages.map((p, i) => layout.templates[i] ?? p.template), null),
    rects: swap(layout.rects, null),
  });
}
