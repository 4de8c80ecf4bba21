import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComicApi, KeyframesResult } from '../../app/api';
import type { EditCommand } from '../../app/commands';
import { perform, redo, startEditing, undo, type Edited } from '../../app/history';
import type { Project } from '../../app/project';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string };

/**
 * The project under review: edits as commands with undo/redo (also Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y), each state saved
 * to project.json as it happens. Saves go one at a time, the newest state last, so a slow save never lands on top of
 * a newer one.
 */
export function useReview(api: ComicApi, result: KeyframesResult) {
  const [edited, setEdited] = useState<Edited>(() => startEditing(result.project));
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const first = useRef(true);

  useEffect(() => {
    first.current = true;
    setEdited(startEditing(result.project));
    setSave({ status: 'saved' });
  }, [result]);

  const persist = useCallback(
    (project: Project) => {
      setSave({ status: 'saving' });
      queue.current = queue.current.then(() =>
        api.saveProject({ projectDir: result.projectDir, project }).then(
          () => setSave({ status: 'saved' }),
          (err: Error) => setSave({ status: 'failed', message: err.message }),
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

  const edit = useCallback((make: (project: Project) => EditCommand) => setEdited((e) => perform(e, make(e.project))), []);
  const undoEdit = useCallback(() => setEdited(undo), []);
  const redoEdit = useCallback(() => setEdited(redo), []);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (!(ev.ctrlKey || ev.metaKey) || (ev.target as HTMLElement | null)?.tagName === 'INPUT') return;
      const key = ev.key.toLowerCase();
      if (key === 'z' && !ev.shiftKey) undoEdit();
      else if ((key === 'z' && ev.shiftKey) || key === 'y') redoEdit();
      else return;
      ev.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoEdit, redoEdit]);

  return {
    project: edited.project,
    undoLabel: edited.past.at(-1)?.label,
    redoLabel: edited.future[0]?.label,
    edit,
    undo: undoEdit,
    redo: redoEdit,
    save,
  };
}

export type Review = ReturnType<typeof useReview>;
