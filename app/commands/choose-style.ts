import type { Project } from '../project';
import type { EditCommand } from './command';

/** Chooses the panels' style (and how the people are treated); undo goes back to the choice before. */
export function chooseStyle(project: Project, style: { model: string; people: string }): EditCommand {
  const before = project.style;
  const set = (p: Project, s: Project['style']) => {
    const { style: _drop, ...rest } = p;
    return s ? { ...rest, style: s } : rest;
  };
  // The panels given a style of their own keep it: this is the book's style.
  const after = before?.panels ? { ...style, panels: before.panels } : style;
  return { label: { key: 'command.chooseStyle' }, apply: (p) => set(p, after), revert: (p) => set(p, before) };
}
