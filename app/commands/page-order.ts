import { layoutOf, projectPages, withLayout, type Project, type ProjectLayout } from '../project';
import type { CommandLabel, EditCommand } from './command';
import { reorderPage } from './reorder-page';

/** A command that sets the whole layout and whose undo restores the layout it found (undo runs right after it). */
function layoutCommand(project: Project, label: CommandLabel, next: ProjectLayout): EditCommand {
  const before = layoutOf(project);
  return { label, apply: (p) => withLayout(p, () => next), revert: (p) => withLayout(p, () => before) };
}

/**
 * Starts a new page at this key frame's panel, or (pressed again) lets it follow on the page before: the automatic
 * layout takes it into account. Pages edited by hand are arranged in the page strip instead.
 */
export function togglePageBreak(project: Project, keyframe: string): EditCommand {
  const layout = layoutOf(project);
  if (layout.pages) throw new RangeError('these pages are laid out by hand: add a page in the page strip and drag the frame onto it');
  const breaks = layout.breaks ?? [];
  const on = !breaks.includes(keyframe);
  return layoutCommand(project, { key: on ? 'command.newPage' : 'command.joinPage' }, {
    ...layout,
    breaks: on ? [...breaks, keyframe] : breaks.filter((id) => id !== keyframe),
  });
}

/** Swaps page `page` with the one before it (`earlier`) or after it: their panels and looks move together. */
export function movePage(project: Project, page: number, direction: 'earlier' | 'later'): EditCommand {
  const to = direction === 'earlier' ? page - 1 : page + 1;
  if (to < 0 || to >= projectPages(project).length) throw new RangeError(`page ${page + 1} cannot move ${direction}`);
  return reorderPage(project, page, to, { key: direction === 'earlier' ? 'command.movePageEarlier' : 'command.movePageLater', values: { page: page + 1 } });
}
