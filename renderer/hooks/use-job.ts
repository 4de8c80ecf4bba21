import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComicApi, JobEvent, JobKind, JobResult, JobTicket } from '../../app/api';
import { eventOfSnapshot, jobViewAfter, type JobView } from './job-view';

/**
 * One job of a kind at a time: start, progress, cancel, result. Events can arrive before the start command answers
 * (they travel on another channel), so the last event of each not-yet-known job of this kind is kept and replayed,
 * and the job's snapshot is read once in case the event stream connected late.
 */
export function useJob<Request, R extends JobResult>(api: ComicApi, kind: JobKind, startJob: (request: Request) => Promise<JobTicket>) {
  const [view, setView] = useState<JobView<R>>({ status: 'idle' });
  const current = useRef<string | undefined>(undefined);
  const early = useRef(new Map<string, JobEvent>());

  const apply = useCallback((event: JobEvent) => setView((v) => jobViewAfter(v, event)), []);

  useEffect(
    () =>
      api.onJobEvent((event) => {
        if (event.kind !== kind) return;
        if (event.job === current.current) apply(event);
        else if (!current.current) early.current.set(event.job, event);
      }),
    [api, kind, apply],
  );

  // A job this view no longer shows is cancelled: its result would land on a screen that has moved on (an older
  // export overwriting the newer PDF, panels of frames no longer kept).
  // A start still waiting for its job id is abandoned too: the generation it began in is no longer the current one.
  const generation = useRef(0);
  const abandon = useCallback(() => {
    generation.current++;
    const job = current.current;
    current.current = undefined;
    if (job) void api.cancelJob(job).catch(() => undefined);
  }, [api]);

  const start = useCallback(
    async (request: Request) => {
      abandon();
      const mine = generation.current;
      early.current.clear();
      setView({ status: 'starting' });
      try {
        const { job } = await startJob(request);
        if (mine !== generation.current) {
          void api.cancelJob(job).catch(() => undefined); // reset or started again meanwhile
          return;
        }
        current.current = job;
        setView({ status: 'running', job });
        const missed = early.current.get(job);
        early.current.clear();
        if (missed) apply(missed);
        apply(eventOfSnapshot(await api.getJob(job)));
      } catch (err) {
        if (mine !== generation.current) return;
        const e = err as Error & { code?: string };
        setView({ status: 'failed', error: { message: e.message, code: e.code ?? 'ERROR' } });
      }
    },
    [api, startJob, apply, abandon],
  );

  const cancel = useCallback(() => {
    const job = current.current;
    if (!job) return;
    setView((v) => (v.status === 'running' ? { ...v, cancelling: true } : v));
    void api.cancelJob(job);
  }, [api]);

  const reset = useCallback(() => {
    abandon();
    setView({ status: 'idle' });
  }, [abandon]);

  /** Shows a result this job's kind made earlier (found on disk) as if the job had just finished: only while idle. */
  const show = useCallback((result: R) => {
    setView((v) => (v.status === 'idle' ? { status: 'done', job: '', result } : v));
  }, []);

  return { view, start, cancel, reset, show };
}
