import type { Project } from '../project';

/**
 * One user edit, undoable: `apply` gives the project after it, `revert` the project before it. Pure functions of
 * plain data, shared by the editor, the tests and any headless use.
 */
export interface EditCommand {
  /** What the Undo button says ("Reject frame 129"). */
  label: string;
  apply(project: Project): Project;
  revert(project: Project): Project;
}
