import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobContext } from '../../../app/progress';
import { CancelledError, throwIfAborted } from '../jobs';
import { deserializeError, StylizeError } from './errors';
import type { PrepareReply, WorkerReply, WorkerRequest } from './worker-protocol';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress?: (done: number, total: number) => void;
};

/** Distributive Omit, so each request kind keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id' | 'cancel'> : never) : never;

/**
 * Creates the inference worker. From compiled JS the worker file is next to this one; from TypeScript source
 * (tests, `tsx`) the worker first registers tsx's require hook, since a worker does not inherit the parent's.
 */
function spawnWorker(): Worker {
  const isTs = __filename.endsWith('.ts');
  const file = join(__dirname, `inference-worker${isTs ? '.ts' : '.js'}`);
  if (!isTs) return new Worker(file);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
}

/** The one inference worker of this process, started on first use and kept alive only while it has work. */
class InferenceClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests the worker has not answered yet (cancelled ones too: it may still be inside onnxruntime on them). */
  private readonly outstanding = new Map<number, SharedArrayBuffer>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = spawnWorker();
    w.on('message', (msg: WorkerReply) => this.onMessage(msg));
    const failAll = (why: string) => {
      if (this.worker === w) this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new StylizeError('WORKER_FAILED', `the inference worker stopped: ${why}`));
      }
    };
    w.on('error', (err) => failAll(err.message));
    w.on('exit', (code) => failAll(`exit code ${code}`));
    this.worker = w;
    return w;
  }

  private onMessage(msg: WorkerReply): void {
    if (msg.kind !== 'progress') this.outstanding.delete(msg.id);
    const p = this.pending.get(msg.id);
    if (!p) return; // cancelled earlier: the late result is dropped
    if (msg.kind === 'progress') return p.onProgress?.(msg.done, msg.total);
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (msg.kind === 'done') p.resolve(msg.result);
    else p.reject(deserializeError(msg.error));
  }

  /**
   * Starts the worker now and has it load onnxruntime: a command about to run a model calls this first, so the
   * thread's start and the runtime's load overlap the command's own start (its modules, the model's lookup).
   * Whoever calls it calls shutdown() on every way out, as after any request.
   */
  prestart(): void {
    // A runtime that cannot load says so on the first real request, which needs it.
    this.request({ kind: 'preload' }).catch(() => undefined);
  }

  /**
   * Opens what the coming requests of a model will run on (its session, or the native kernels), so the first
   * picture finds it ready. Nobody needs to wait for it: the promise says what was prepared and never rejects.
   * A failure is only noted (`failed`): the session cache drops it and the first real request meets it again,
   * with its message.
   */
  prepare(body: Extract<RequestBody, { kind: 'prepare' }>): Promise<PrepareReply | { prepared: 'failed'; error: string }> {
    return this.request<PrepareReply>(body).catch((err: unknown) => ({ prepared: 'failed' as const, error: (err as Error).message }));
  }

  /**
   * Sends one request; `transfer`: buffers of it that move to the worker instead of being copied. Cancelling rejects at once with CancelledError and raises the worker's flag, so it stops
   * at the next tile boundary (a tile already inside onnxruntime runs to its end).
   */
  request<T>(body: RequestBody, ctx: JobContext = {}, onProgress?: Pending['onProgress'], transfer: ArrayBuffer[] = []): Promise<T> {
    throwIfAborted(ctx.signal);
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const worker = this.ensureWorker();
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        Atomics.store(new Int32Array(cancel), 0, 1);
        if (this.pending.delete(id)) {
          if (this.pending.size === 0) this.worker?.unref();
          reject(new CancelledError());
        }
      };
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      const done = <V>(f: (v: V) => void) => (v: V) => {
        ctx.signal?.removeEventListener('abort', onAbort);
        f(v);
      };
      this.pending.set(id, { resolve: done(resolve as (v: unknown) => void), reject: done(reject), onProgress });
      this.outstanding.set(id, cancel);
      // Buffers in `transfer` move to the worker (the caller gives them up); others are copied.
      worker.postMessage({ ...body, id, cancel } as WorkerRequest, transfer);
    });
  }

  /**
   * Frees every session and stops the worker (tests, app shutdown, the end of a CLI run). Cooperatively: every
   * request still running is told to stop at its next tile, the sessions are released once it has (the release
   * queues behind it), and only then is the thread terminated. Terminating it while onnxruntime is inside
   * session.run() aborts the whole process ("terminate called after throwing an instance of 'Napi::Error'").
   */
  async shutdown(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    for (const cancel of this.outstanding.values()) Atomics.store(new Int32Array(cancel), 0, 1);
    const id = this.nextId++;
    const released = new Promise<void>((done) => {
      this.pending.set(id, { resolve: () => done(), reject: () => done() });
      w.ref();
      w.postMessage({ id, kind: 'release' } satisfies WorkerRequest);
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((done) => (timer = setTimeout(done, SHUTDOWN_WAIT_MS)));
    await Promise.race([released, late]);
    clearTimeout(timer);
    this.pending.delete(id);
    if (this.worker === w) this.worker = undefined;
    this.outstanding.clear();
    await w.terminate();
  }
}

/** How long shutdown waits for a tile inside onnxruntime to finish before it stops the thread anyway. */
const SHUTDOWN_WAIT_MS = 60_000;

export const inference = new InferenceClient();
