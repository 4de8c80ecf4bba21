// The CartoonGAN part of `npm run bench:stylize`: the four styles of ../shared/models at 512x288 and 1280x720, whole
// and tiled (whole-picture statistics), through the public API, with wall time, CPU time and peak memory; then a
// sweep of onnxruntime session options on one style at both sizes. BENCH_CARTOONGAN=hayao,shinkai limits the styles.
import type { InferenceSession } from 'onnxruntime-node';
import type { RgbImage } from '../app/video';
import { sharedModel } from '../test-support/fixtures';
import { physicalCores, resizeImage, resolveModel, stylizeImage, type ResolvedModel } from '../main/services/stylize';
import { formatTable } from './table';

const STYLES = (process.env.BENCH_CARTOONGAN ?? 'hayao,hosoda,paprika,shinkai').split(',').map((s) => s.trim()).filter(Boolean);

/** Runs `fn`, sampling the process's resident memory every 20 ms: wall ms, CPU ms (all threads), peak RSS MB. */
export async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    const c = process.cpuUsage(c0);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, peakMb: peak / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function cell(model: ResolvedModel, img: RgbImage, tile: number, reps: number) {
  const run = () => stylizeImage(img, { model, size: 0, tile, provider: 'cpu' });
  await run(); // warm: session load, first-run memory planning (and the split graphs for tiles)
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await measured(run));
  return { ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)), peak: Math.max(...runs.map((r) => r.peakMb)), tiles: runs[0].value.tiles };
}

export async function benchCartoonGan(big: RgbImage, reps: number): Promise<void> {
  const files = STYLES.map((s) => [s, sharedModel(`cartoongan_${s}.onnx`)] as const);
  if (files.some(([, f]) => !f)) return console.log('(skipping CartoonGAN: ../shared/models/cartoongan_*.onnx are absent)');
  const small = resizeImage(big, 512, 288);
  const hd = resizeImage(big, 1280, 720);
  const rows: string[][] = [];
  for (const [style, file] of files) {
    const model = await resolveModel(file!);
    for (const [img, label, tile] of [[small, '512x288', 0], [hd, '1280x720', 0], [hd, '1280x720', 512]] as const) {
      const r = await cell(model, img, tile, reps);
      const row = [model.id, label, tile ? `${r.tiles} (${tile} px)` : 'whole', r.ms.toFixed(0), r.cpu.toFixed(0), r.peak.toFixed(0)];
      rows.push(row);
      console.log(`  ${row.join('  ')}`);
    }
  }
  console.log(`\n${formatTable(['model', 'frame', 'tiles', 'ms/frame', 'cpu ms', 'peak RSS MB'], rows)}`);
  console.log('tiled: every tile runs with the whole picture\'s instance-norm statistics (one stats pass at full size when the frame is at most 1 Mpx).');
  await sweepOptions(files.at(-1)![1]!, small, hd, reps);
}

/** One style, session options side by side, straight through onnxruntime (no pre/post-processing). */
async function sweepOptions(file: string, small: RgbImage, hd: RgbImage, reps: number): Promise<void> {
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  const cores = physicalCores();
  const noSpin = { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } };
  const layouts: Array<[string, InferenceSession.SessionOptions]> = [
    ['app (all, sequential, intra=cores, inter=1, no spin)', { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: cores, interOpNumThreads: 1, extra: noSpin }],
    ['ort defaults', {}],
    ['optimisation disabled', { graphOptimizationLevel: 'disabled', executionMode: 'sequential', intraOpNumThreads: cores, interOpNumThreads: 1, extra: noSpin }],
    ['optimisation basic', { graphOptimizationLevel: 'basic', executionMode: 'sequential', intraOpNumThreads: cores, interOpNumThreads: 1, extra: noSpin }],
    ['optimisation extended (no NCHWc layout)', { graphOptimizationLevel: 'extended', executionMode: 'sequential', intraOpNumThreads: cores, interOpNumThreads: 1, extra: noSpin }],
    ['spinning threads', { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: cores, interOpNumThreads: 1 }],
    ['intra=1', { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: 1, interOpNumThreads: 1, extra: noSpin }],
    [`parallel, inter=${cores}, intra=1`, { graphOptimizationLevel: 'all', executionMode: 'parallel', intraOpNumThreads: 1, interOpNumThreads: cores, extra: noSpin }],
  ];
  const tensor = (img: RgbImage) => {
    const x = new Float32Array(3 * img.width * img.height);
    const n = img.width * img.height;
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) x[c * n + i] = img.data[3 * i + 2 - c] / 127.5 - 1;
    return new ort.Tensor('float32', x, [1, 3, img.height, img.width]);
  };
  const rows: string[][] = [];
  for (const [name, options] of layouts) {
    const session = await ort.InferenceSession.create(file, { ...options, logSeverityLevel: 3 });
    const row = [name];
    for (const img of [small, hd]) {
      const input = tensor(img);
      await session.run({ input });
      const runs = [];
      for (let i = 0; i < reps; i++) runs.push(await measured(() => session.run({ input })));
      row.push(median(runs.map((r) => r.ms)).toFixed(0), median(runs.map((r) => r.cpu)).toFixed(0));
    }
    await session.release();
    rows.push(row);
    console.log(`  ${row.join('  ')}`);
  }
  console.log(`\n${formatTable(['session options (CartoonGAN, onnxruntime only)', '512x288 ms', 'cpu ms', '1280x720 ms', 'cpu ms'], rows)}`);
}
