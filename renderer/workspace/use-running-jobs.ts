import { useEffect, useState } from 'react';
import type { ComicApi, JobKind } from '../../app/api';
import type { Progress } from '../../app/progress';

export interface RunningJob {
  job: string;
  kind: JobKind;
  progress?: Progress;
}

/**
 * Every job running now, whichever step started it, from the API's job events: the toolbar shows them wherever
 * the user is, with Cancel.
 */
export function useRunningJobs(api: ComicApi): RunningJob[] {
  const [jobs, setJobs] = useState<Map<string, RunningJob>>(new Map());
  useEffect(
    () =>
      api.onJobEvent((event) =>
        setJobs((before) => {
          const next = new Map(before);
          if (event.type === 'progress') next.set(event.job, { job: event.job, kind: event.kind, progress: event.progress });
          else next.delete(event.job);
          return next;
        }),
      ),
    [api],
  );
  return [...jobs.values()];
}
