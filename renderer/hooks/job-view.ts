import type { ApiErrorInfo, JobEvent, JobResult, JobSnapshot } from '../../app/api';
import type { Progress } from '../../app/progress';

/** What the UI shows of one job. */
export type JobView<R extends JobResult = JobResult> =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running'; job: string; progress?: Progress; cancelling?: boolean }
  | { status: 'done'; job: string; result: R }
  | { status: 'failed'; job?: string; error: Pick<ApiErrorInfo, 'message' | 'code'> }
  | { status: 'cancelled'; job: string };

/** The view after one of the job's events. Events of other jobs and late events after the end change nothing. */
export function jobViewAfter<R extends JobResult>(view: JobView<R>, event: JobEvent): JobView<R> {
  if (view.status !== 'running' || event.job !== view.job) return view;
  switch (event.type) {
    case 'progress':
      return { ...view, progress: event.progress };
    case 'done':
      return { status: 'done', job: event.job, result: event.result as R };
    case 'failed':
      return { status: 'failed', job: event.job, error: event.error };
    case 'cancelled':
      return { status: 'cancelled', job: event.job };
  }
}

/** The same for a snapshot (getJob), for a page that may have missed the job's last events. */
export function eventOfSnapshot(s: JobSnapshot): JobEvent {
  const base = { job: s.id, kind: s.kind };
  if (s.state === 'done' && s.result) return { ...base, type: 'done', result: s.result };
  if (s.state === 'failed' && s.error) return { ...base, type: 'failed', error: s.error };
  if (s.state === 'cancelled') return { ...base, type: 'cancelled' };
  return { ...base, type: 'progress', progress: s.progress };
}
