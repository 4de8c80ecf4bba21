import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { estimateEta, type JobContext, type Progress } from '../../../app/progress';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** Thrown (or rejected with) when a job's AbortSignal fires. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * One long job (analysis, stylize, export): an id, its latest progress with an ETA, cancel(), and a result promise.
 * The work function receives the AbortSignal and a progress callback; everything below it passes them down.
 */
export class Job<T> extends EventEmitter {
  readonly id = randomUUID();
  state: JobState = 'running';
  progress: Progress = { stage: 'starting', done: 0 };
  readonly startedAt = Date.now();
  readonly result: Promise<T>;
  private readonly controller = new AbortController();

  constructor(readonly kind: string, work: (ctx: Required<JobContext>) => Promise<T>) {
    super();
    const ctx: Required<JobContext> = {
      signal: this.controller.signal,
      onProgress: (p) => this.report(p),
    };
    this.result = Promise.resolve()
      .then(() => work(ctx))
      .then(
        (value) => {
          this.finish('done');
          return value;
        },
        (err: unknown) => {
          this.finish(this.controller.signal.aborted ? 'cancelled' : 'failed');
          throw this.controller.signal.aborted && !(err instanceof CancelledError) ? new CancelledError() : err;
        },
      );
    // Callers observe failures through `result`; keep an unobserved rejection from crashing the process.
    this.result.catch(() => undefined);
  }

  cancel(): void {
    if (this.state === 'running') this.controller.abort();
  }

  private report(p: Progress): void {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    this.progress = { ...p, etaSeconds: estimateEta(p, elapsed) };
    this.emit('progress', this.progress);
  }

  private finish(state: JobState): void {
    this.state = state;
    this.emit('end', state);
  }
}
