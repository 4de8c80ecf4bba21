import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComicApi, KeyframesResult } from '../../app/api';

const KEY = 'your-cartoon-project';

/** Why the project the user asked for did not open: said on the start screen, with a way to re-link a moved video. */
export interface OpenProblem {
  projectDir: string;
  code: string;
  message: string;
}

function remembered(): string | undefined {
  try {
    return window.localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(projectDir: string | undefined): void {
  try {
    if (projectDir) window.localStorage.setItem(KEY, projectDir);
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the project is not restored after a reload, nothing else changes
  }
}

/**
 * The project the editor shows. Remembered in the page's storage, so a reload or a restart of the app comes back
 * to it (opened from its folder again, with every saved decision); what stops it opening is kept as a problem.
 */
export function useProjectSession(api: ComicApi) {
  const [shown, setShown] = useState<KeyframesResult>();
  const [problem, setProblem] = useState<OpenProblem>();
  const [opening, setOpening] = useState<string | undefined>(() => remembered());
  const ticket = useRef(0);

  const show = useCallback((result: KeyframesResult) => {
    ticket.current++;
    setShown(result);
    setProblem(undefined);
    setOpening(undefined);
    remember(result.projectDir);
  }, []);

  const run = useCallback(
    async (projectDir: string, open: () => Promise<KeyframesResult | null>) => {
      const mine = ++ticket.current;
      setOpening(projectDir);
      setProblem(undefined);
      try {
        const result = await open();
        if (mine !== ticket.current) return;
        if (result) show(result);
        else setOpening(undefined);
      } catch (err) {
        if (mine !== ticket.current) return;
        const e = err as Error & { code?: string };
        setOpening(undefined);
        setProblem({ projectDir, code: e.code ?? 'ERROR', message: e.message });
        // A project that cannot open now is not reopened at every reload; the recent list still holds it.
        if (remembered() === projectDir) remember(undefined);
      }
    },
    [show],
  );

  const open = useCallback((projectDir: string) => run(projectDir, () => api.openProject({ projectDir })), [api, run]);
  const relink = useCallback((projectDir: string, video: string) => run(projectDir, () => api.relinkVideo({ projectDir, video })), [api, run]);
  const close = useCallback(() => {
    ticket.current++;
    setShown(undefined);
    setOpening(undefined);
    remember(undefined);
  }, []);
  const dismiss = useCallback(() => setProblem(undefined), []);

  // Once, at start: the project shown before the reload.
  useEffect(() => {
    const last = remembered();
    if (last) void open(last);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, []);

  return { shown, problem, opening, show, open, relink, close, dismiss };
}

export type ProjectSession = ReturnType<typeof useProjectSession>;
