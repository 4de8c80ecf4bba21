import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ComicApi, KeyframesResult } from '../../app/api';
import type { EditCommand } from '../../app/commands';
import { perform, redo, startEditing, undo, type Edited } from '../../app/history';
import type { Project } from '../../app/project';

export type SaveState =
  | { status: 'saved' }
  | { status: 'saving' }
  | { status: 'failed'; message: string }
  /** Another tab or window saved this project since: this one's change is not saved until the user chooses. */
  | { status: 'conflict'; message: string };

/** An edit that could not be made (its command refused it): said to the user, the project unchanged. */
export type EditProblem = string | undefined;

/**
 * The project under review: edits as commands with undo/redo (the workspace's actions give them their keys), each state saved
 * to project.json as it happens. Saves go one at a time, the newest state last, so a slow save never lands on top of
 * a newer one. Each names the revision it was made on: when another tab or window saved in between, the save is
 * refused and the user chooses (`resolveConflict`): load the newer project, or keep this one (saved over it).
 */
export function useReview(api: ComicApi, result: KeyframesResult) {
  const [edited, setEdited] = useState<Edited>(() => startEditing(result.project));
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const [problem, setProblem] = useState<EditProblem>();
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Saves are numbered: only the newest one's outcome is the state shown ("Saved" while a newer edit waits would lie).
  const latest = useRef(0);
  const first = useRef(true);
  /** The revision project.json had at the last load or save here: what the next save is based on. */
  const revision = useRef(result.project.revision ?? 0);
  /** Set while a conflict waits for the user: later edits are not saved over the other window's. */
  const conflicted = useRef(false);

  // A layout effect like the save's below, and before it: on a new result this runs first, so that one skips saving
  // the state just loaded.
  useLayoutEffect(() => {
    first.current = true;
    revision.current = result.project.revision ?? 0;
    conflicted.current = false;
    setEdited(startEditing(result.project));
    setSave({ status: 'saved' });
  }, [result]);

  const persist = useCallback(
    (project: Project, overwrite = false) => {
      if (conflicted.current && !overwrite) return;
      const n = ++latest.current;
      setSave({ status: 'saving' });
      queue.current = queue.current.then(() =>
        api.saveProject({ projectDir: result.projectDir, project, baseRevision: revision.current, overwrite }).then(
          (saved) => {
            revision.current = saved.revision;
            conflicted.current = false;
            if (n === latest.current) setSave({ status: 'saved' });
          },
          (err: Error & { code?: string }) => {
            if (err.code === 'PROJECT_CONFLICT') {
              conflicted.current = true;
              setSave({ status: 'conflict', message: err.message });
            } else if (n === latest.current) setSave({ status: 'failed', message: err.message });
          },
        ),
      );
    },
    [api, result.projectDir],
  );

  /** After a conflict: 'theirs' loads the project as the other window saved it; 'mine' saves this one over it. */
  const resolveConflict = useCallback(
    async (choice: 'theirs' | 'mine') => {
      if (choice === 'mine') return persist(edited.project, true);
      const newer = await api.openProject({ video: result.document.video.path, projectDir: result.projectDir });
      if (!newer) return setSave({ status: 'failed', message: 'the newer project could not be opened (its video changed?)' });
      first.current = true;
      revision.current = newer.project.revision ?? 0;
      conflicted.current = false;
      setEdited(startEditing(newer.project));
      setSave({ status: 'saved' });
    },
    [api, edited.project, persist, result],
  );

  // A layout effect, in the same commit as the edit: the toolbar never paints "Saved" for an edit whose save has not
  // started (with a passive effect it did for a moment, and a check that waited for "Saved" read the old file).
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false; // the analysis saved this state already
      return;
    }
    persist(edited.project);
  }, [edited.project, persist]);

  // The command is made from the newest project (inside the updater); one that refuses (a frame already there, a
  // balloon gone) leaves the project as it is and says why, instead of throwing inside React.
  const edit = useCallback(
    (make: (project: Project) => EditCommand) =>
      setEdited((e) => {
        try {
          const next = perform(e, make(e.project));
          queueMicrotask(() => setProblem(undefined));
          return next;
        } catch (err) {
          const message = (err as Error).message;
          queueMicrotask(() => setProblem(message));
          return e;
        }
      }),
    [],
  );
  const undoEdit = useCallback(() => setEdited(undo), []);
  const redoEdit = useCallback(() => setEdited(redo), []);

  return {
    project: edited.project,
    undoLabel: edited.past.at(-1)?.label,
    redoLabel: edited.future[0]?.label,
    edit,
    undo: undoEdit,
    redo: redoEdit,
    save,
    resolveConflict,
    problem,
  };
}

export type Review = ReturnType<typeof useReview>;
