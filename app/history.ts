import type { EditCommand } from './commands';
import type { Project } from './project';

/** A project with its undo and redo stacks. Immutable: every operation returns a new one. */
export interface Edited {
  project: Project;
  past: EditCommand[];
  future: EditCommand[];
}

/** Stacks are capped so a long session does not hold every edit forever. */
const MAX_UNDO = 200;

export const startEditing = (project: Project): Edited => ({ project, past: [], future: [] });

export function perform(e: Edited, command: EditCommand): Edited {
  return { project: command.apply(e.project), past: [...e.past, command].slice(-MAX_UNDO), future: [] };
}

export function undo(e: Edited): Edited {
  const command = e.past.at(-1);
  if (!command) return e;
  return { project: command.revert(e.project), past: e.past.slice(0, -1), future: [command, ...e.future] };
}

export function redo(e: Edited): Edited {
  const [command, ...rest] = e.future;
  if (!command) return e;
  return { project: command.apply(e.project), past: [...e.past, command], future: rest };
}
