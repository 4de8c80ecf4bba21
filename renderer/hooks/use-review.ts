import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComicApi, KeyframesResult } from '../../app/api';
import type { EditCommand } from '../../app/commands';
import { perform, redo, startEditing, undo, type Edited } from '../../app/history';
import type { Project } from '../../app/project';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string };

/** An edit that could not be made (its command refused it): said to the user, the project unchanged. */
export type EditProblem = string | undefined;

/**
 * The project under review: edits as commands with undo/redo (the workspace's actions give them their keys), each state saved
 * to project.json as it happens. Saves go one at a time, the newest state last, so a slow save never lands on top of
 * a newer one.
 */
export function useReview(api: ComicApi, result: KeyframesResult) {
  const [edited, setEdited] = useState<Edited>(() => startEditing(result.project));
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const [problem, setProblem] = useState<EditProblem>();
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Saves are numbered: only the newest one's outcome is the state shown ("Saved" while a newer edit waits would lie).
  const latest = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    first.current = true;
    setEdited(startEditing(result.project));
    setSave({ status: 'saved' });
  }, [result]);

  const persist = useCallback(
    (project: Project) => {
      const n = ++latest.current;
      setSave({ status: 'saving' });
      queue.current = queue.current.then(() =>
        api.saveProject({ projectDir: result.projectDir, project }).then(
          () => {
            if (n === latest.current) setSave({ status: 'saved' });
          },
          (err: Error) => {
            if (n === latest.current) setSave({ status: 'failed', message: err.message });
          },
        ),
      );
    },
    [api, result.projectDir],
  );

  useEffect(() => {
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
    problem,
  };
}

export type Review = ReturnType<typeof useReview>;
