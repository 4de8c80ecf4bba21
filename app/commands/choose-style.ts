import type { Project } from '../project';
import type { EditCommand } from './command';

/** Chooses the panels' style (and how the people are treated); undo goes back to the choice before. */
export function chooseStyle(project: Project, style: { model: string; people: string }): EditCommand {
  const before = project.style;
  const set = (p: Project, s: Project['style']) => {
    const { style: _drop, ...rest } = p;
    return s ? { ...rest, style: s } : rest;
  };
  return { label: 'Choose a style', apply: (p) => set(p, style), revert: (p) => set(p, before) };
}
