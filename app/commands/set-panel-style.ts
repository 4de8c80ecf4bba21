import type { Project } from '../project';
import type { CommandLabel, EditCommand } from './command';

/**
 * Gives one panel (by its key frame) a style of its own, or (model null, or the book's style) back the book's;
 * undo restores the panel's style before. The book's style and the other panels are left as they are.
 * `names.style` is the model's name as the style list shows it, for the Undo button.
 */
export function setPanelStyle(project: Project, keyframeId: string, model: string | null, names: { style?: string } = {}): EditCommand {
  const target = project.keyframes.find((k) => k.id === keyframeId);
  if (!target) throw new RangeError(`no key frame ${keyframeId} in the project`);
  const before = project.style?.panels?.[keyframeId];
  const bookModel = project.style?.model;
  const next = model && model !== bookModel ? model : undefined;
  const set = (p: Project, m: string | undefined): Project => {
    const style = p.style ?? { model: bookModel ?? '', people: '' };
    const { [keyframeId]: _drop, ...others } = style.panels ?? {};
    const panels = m ? { ...others, [keyframeId]: m } : others;
    const { panels: _old, ...rest } = style;
    return { ...p, style: Object.keys(panels).length ? { ...rest, panels } : rest };
  };
  const frame = target.frame;
  const label: CommandLabel = next ? { key: 'command.panelStyle', values: { frame, style: names.style ?? next } } : { key: 'command.panelBookStyle', values: { frame } };
  return { label, apply: (p) => set(p, next), revert: (p) => set(p, before) };
}

/** The model a panel is drawn with: its own style when it has one, else the book's. */
export function panelModel(project: Project, keyframeId: string, fallback = ''): string {
  return project.style?.panels?.[keyframeId] || project.style?.model || fallback;
}
