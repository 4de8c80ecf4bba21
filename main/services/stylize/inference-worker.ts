// The inference thread. onnxruntime-node's session.run() is synchronous native code wrapped in a promise on the
// calling thread (it blocks the event loop for the whole inference), so every session lives here instead.
import { parentPort } from 'node:worker_threads';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelSpec, ProviderChoice } from '../../../app/stylize';
import { CancelledError } from '../jobs';
import { serializeError, StylizeError } from './errors';
import { refineStats, runWithStats, releaseSplitSessions, wholePictureStats } from './global-norm';
import { ortMessage } from './ort-message';
import { builtinNativeRunner, builtinNativeWhole, NATIVE_WHOLE_MAX_PIXELS } from './builtin-native';
import { stylizePixels, type TensorRunner } from './pipeline';
import { autoOrder } from './providers';
import { segmentPixels } from './segment-pipeline';
import { getSession, releaseSessions, sessionsOpened, type OpenedSession } from './session-cache';
import type { SessionOptionsPreset } from './session-options';
import type { FloatTensor } from './tensor-codec';
import type { PrepareReply, RunInfo, WorkerReply, WorkerRequest } from './worker-protocol';

function ort(): typeof import('onnxruntime-node') {
  return require('onnxruntime-node') as typeof import('onnxruntime-node');
}

/** Runs feeds on a session; a GPU session that fails at run time is replaced by a CPU one (with the reason). */
class Runner {
  constructor(
    private opened: OpenedSession,
    private readonly preset: SessionOptionsPreset,
    private readonly spec?: ModelSpec,
  ) {}

  get info(): Omit<RunInfo, 'ms'> {
    return { provider: this.opened.provider, fallback: this.opened.fallback, sessionsOpened: sessionsOpened() };
  }

  async run(feeds: Record<string, FloatTensor>, outputs?: string[]): Promise<Record<string, FloatTensor>> {
    const { Tensor } = ort();
    const ortFeeds: InferenceSession.FeedsType = Object.fromEntries(
      Object.entries(feeds).map(([name, t]) => [name, new Tensor('float32', t.data, t.dims)]),
    );
    let result: InferenceSession.ReturnType;
    try {
      result = await this.opened.session.run(ortFeeds);
    } catch (err) {
      const msg = ortMessage((err as Error).message);
      if (this.opened.provider === 'cpu') {
        throw new StylizeError('INFERENCE_FAILED', `${this.opened.file}: inference failed (${msg})`, this.opened.file);
      }
      const failed = this.opened.provider;
      this.opened = await getSession(this.opened.file, 'cpu', this.preset, this.spec);
      this.opened = { ...this.opened, fallback: `${failed} failed while running (${msg}); running on CPU` };
      return this.run(feeds, outputs);
    }
    const out: Record<string, FloatTensor> = {};
    for (const name of outputs ?? Object.keys(result)) {
      const v = result[name];
      if (!v) throw new StylizeError('MODEL_SPEC_MISMATCH', `${this.opened.file}: no output "${name}"`, this.opened.file);
      if (v.type !== 'float32') throw new StylizeError('MODEL_SPEC_MISMATCH', `${this.opened.file}: output "${name}" is ${v.type}, expected float32`, this.opened.file);
      out[name] = { data: v.data as Float32Array, dims: [...v.dims] };
    }
    return out;
  }

  /** The single image-in, image-out call the pipelines use. */
  tensorRunner(spec: ModelSpec): TensorRunner {
    return async (input) => (await this.run({ [spec.input.name]: input }, [spec.output.name]))[spec.output.name];
  }
}

async function runner(file: string, provider: ProviderChoice, preset: SessionOptionsPreset, spec?: ModelSpec): Promise<Runner> {
  return new Runner(await getSession(file, provider, preset, spec), preset, spec);
}

/** The built-in style's native kernels, when they compute this request (the CPU, built, not forced to onnxruntime). */
async function nativeFor(req: { provider: ProviderChoice; engine?: string; model: { file: string } }): Promise<TensorRunner | undefined> {
  const onCpu = req.provider === 'cpu' || (req.provider === 'auto' && autoOrder()[0] === 'cpu');
  return onCpu && req.engine !== 'onnxruntime' ? builtinNativeRunner(req.model.file) : undefined;
}

async function handle(req: WorkerRequest, post: (r: WorkerReply) => void): Promise<unknown> {
  if (req.kind === 'release') return Promise.all([releaseSessions(), releaseSplitSessions()]);
  if (req.kind === 'preload') return void ort();
  if (req.kind === 'prepare') {
    // Given up before its turn (a refused or cancelled job, shutdown): nothing is loaded for nothing.
    if (Atomics.load(new Int32Array(req.cancel), 0) !== 0) return { prepared: 'cancelled' } satisfies PrepareReply;
    // What the first picture of this model will ask for: the same session-cache key as its stylize request.
    if (await nativeFor(req)) return { prepared: 'native' } satisfies PrepareReply;
    const r = await runner(req.model.file, req.provider, req.preset, req.model.spec);
    return { prepared: 'session', ...r.info, sessionsOpened: sessionsOpened() } satisfies PrepareReply;
  }
  const flag = new Int32Array(req.cancel);
  const checkCancelled = () => {
    if (Atomics.load(flag, 0) !== 0) throw new CancelledError();
  };
  const started = performance.now();
  checkCancelled();
  if (req.kind === 'stylize') {
    // The built-in style on the CPU: its native kernels when they are built (no onnxruntime session at all).
    const native = await nativeFor(req);
    if (native) {
      try {
        const { width, height } = req.image;
        // Whole only up to NATIVE_WHOLE_MAX_PIXELS, even when asked for (tile 0): the kernel's planes for a larger
        // picture could exhaust memory, and a failed allocation in C++ would end the process, not this request.
        const tile = width * height <= NATIVE_WHOLE_MAX_PIXELS ? (req.params.tile ?? 0) : Math.min(req.params.tile || 1024, 1024);
        const whole = tile === 0 && (!req.params.size || req.params.size === Math.max(width, height)) && req.model.spec.sizeMultiple <= 1;
        const direct = whole ? await builtinNativeWhole(req.model.file) : undefined;
        if (direct) {
          const image = direct(req.image);
          post({ id: req.id, kind: 'progress', done: 1, total: 1 });
          return { image, tiles: 1, processedWidth: width, processedHeight: height, provider: 'cpu' as const, sessionsOpened: sessionsOpened(), ms: performance.now() - started };
        }
        const res = await stylizePixels(req.image, req.model.spec, native, { ...req.params, tile }, {
          checkCancelled,
          onTile: (done, total) => post({ id: req.id, kind: 'progress', done, total }),
        }, req.model.file);
        return { ...res, provider: 'cpu' as const, sessionsOpened: sessionsOpened(), ms: performance.now() - started };
      } catch (err) {
        // A cancel stays a cancel; anything else the kernel refused, onnxruntime runs the same graph below.
        if (err instanceof CancelledError) throw err;
      }
    }
    const r = await runner(req.model.file, req.provider, req.preset, req.model.spec);
    const { file, spec } = req.model;
    let tileOffset = 0;
    let tileTotal = 0;
    const res = await stylizePixels(req.image, spec, r.tensorRunner(spec), req.params, {
      checkCancelled,
      onTile: (done, total) => post({ id: req.id, kind: 'progress', done: tileOffset + done, total: Math.max(total, tileTotal) }),
      // Tiles of an instance-norm model: the statistics of the whole picture, taken once, then given to each tile.
      wholeStats: async (whole, plan) => {
        let stats = await wholePictureStats(file, r.info.provider, req.preset, spec, whole, req.params.statsMaxPixels);
        // Taken from a scaled copy: passes over the tiles gather them at full size (progress counts those tiles too).
        const passes = stats.width === whole.width && stats.height === whole.height ? 0 : Math.max(0, req.params.statsPasses ?? 0);
        const total = (passes + 1) * plan.count;
        for (let p = 0; p < passes; p++) {
          checkCancelled();
          stats = await refineStats(file, r.info.provider, req.preset, spec, whole, plan, stats, (done) => {
            checkCancelled();
            post({ id: req.id, kind: 'progress', done: p * plan.count + done, total });
          });
        }
        tileOffset = passes * plan.count;
        tileTotal = total;
        return (input) => runWithStats(file, r.info.provider, req.preset, spec, stats, input);
      },
    }, file);
    return { ...res, ...r.info, ms: performance.now() - started };
  }
  if (req.kind === 'segment') {
    const r = await runner(req.model.file, req.provider, req.preset, req.model.spec);
    const segmentation = await segmentPixels(req.image, req.model.spec, r.tensorRunner(req.model.spec), req.classIndex, req.model.file);
    return { segmentation, ...r.info, ms: performance.now() - started };
  }
  const r = await runner(req.model.file, req.provider, req.preset, req.model.spec);
  const outputs = await r.run(req.feeds, req.outputs);
  return { outputs, ...r.info, ms: performance.now() - started };
}

/** Transferables of a result: the big pixel and tensor buffers move instead of being copied. */
function transferList(result: unknown): ArrayBuffer[] {
  const list = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) list.add(v.buffer);
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(result, 0);
  return [...list];
}

if (parentPort) {
  const port = parentPort;
  const post = (r: WorkerReply) => port.postMessage(r);
  // One request at a time: the sessions already use every core, and order keeps progress honest.
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    queue = queue.then(() =>
      handle(req, post).then(
        (result) => port.postMessage({ id: req.id, kind: 'done', result } satisfies WorkerReply, transferList(result)),
        (err: unknown) => post({ id: req.id, kind: 'error', error: serializeError(err) }),
      ),
    );
  });
}
