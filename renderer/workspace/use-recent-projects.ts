import { useCallback, useEffect, useState } from 'react';
import type { ComicApi, RecentProject } from '../../app/api';

/** The start screen's recent projects, read again whenever `refresh` changes (a project opened, a job ended). */
export function useRecentProjects(api: ComicApi, refresh: unknown) {
  const [projects, setProjects] = useState<RecentProject[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    let live = true;
    api.listRecentProjects().then(
      (list) => {
        if (!live) return;
        setProjects(list);
        setError(undefined);
      },
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(load, [load, refresh]);
  const forget = useCallback(
    async (projectDir: string) => {
      setProjects((list) => list?.filter((p) => p.projectDir !== projectDir));
      await api.forgetRecentProject(projectDir).catch((err: Error) => setError(err.message));
      load();
    },
    [api, load],
  );
  return { projects, error, forget };
}
