import { EventEmitter } from 'node:events';
import type { JobEvent, JobKind, JobResult, JobSnapshot } from '../../app/api';
import type { JobContext } from '../../app/progress';
import { Job } from '../services/jobs';
import { RequestError, toErrorInfo } from './error-info';

/** Finished jobs kept for getJob (a renderer that reloads finds its last results); older ones are forgotten. */
const KEEP_FINISHED = 50;

/**
 * The API's running and recent jobs, and the one stream of their events. Progress events are sent at most every
 * 100 ms per job (the analysis reports per frame; the UI needs a few updates a second, not hundreds).
 */
export class JobRegistry {
  private readonly jobs = new Map<string, { job: Job<JobResult>; snapshot: JobSnapshot }>();
  private readonly events = new EventEmitter();

  constructor() {
    // Every window and every HTTP client listens here; more than Node's default 10 is normal.
    this.events.setMaxListeners(0);
  }

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  start(kind: JobKind, work: (ctx: Required<JobContext>) => Promise<JobResult>): string {
    const job = new Job<JobResult>(kind, work);
    const snapshot: JobSnapshot = { id: job.id, kind, state: 'running', progress: job.progress };
    this.jobs.set(job.id, { job, snapshot });
    let lastSent = 0;
    job.on('progress', (progress) => {
      snapshot.progress = progress;
      const now = Date.now();
      if (now - lastSent < 100) return;
      lastSent = now;
      this.emit({ type: 'progress', job: job.id, kind, progress });
    });
    job.result.then(
      (result) => {
        Object.assign(snapshot, { state: 'done', result, progress: { ...snapshot.progress, fraction: 1, etaSeconds: 0 } });
        this.emit({ type: 'done', job: job.id, kind, result });
      },
      (err: unknown) => {
        if (job.state === 'cancelled') {
          snapshot.state = 'cancelled';
          this.emit({ type: 'cancelled', job: job.id, kind });
        } else {
          Object.assign(snapshot, { state: 'failed', error: toErrorInfo(err) });
          this.emit({ type: 'failed', job: job.id, kind, error: snapshot.error! });
        }
      },
    ).finally(() => this.forgetOld());
    return job.id;
  }

  snapshot(id: string): JobSnapshot {
    return { ...this.entry(id).snapshot };
  }

  cancel(id: string): void {
    this.entry(id).job.cancel();
  }

  /** Cancels every running job and waits until each has stopped (its ffmpeg children killed, files tidied). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((e) => e.job.state === 'running').map((e) => e.job);
    for (const job of running) job.cancel();
    await Promise.allSettled(running.map((job) => job.result));
  }

  private entry(id: string) {
    const entry = typeof id === 'string' ? this.jobs.get(id) : undefined;
    if (!entry) throw new RequestError('JOB_NOT_FOUND', `no job with id ${JSON.stringify(id)}`);
    return entry;
  }

  private emit(event: JobEvent): void {
    this.events.emit('event', event);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((e) => e.job.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.job.id);
  }
}
