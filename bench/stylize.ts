// npm run bench:stylize — per-frame latency of each style model through the public API (worker, pre/post-processing
// and tiling included) at 512×512 and 1920×1080, on the provider `auto` picks, with the app's tuned session options
// and with onnxruntime's defaults measured in the same run. BENCH_REPS=N sets the timed runs per cell (default 2).
import { availableParallelism, cpus } from 'node:os';
import type { RgbImage } from '../app/video';
import { makeWithFfmpeg, sharedModel } from '../test-support/fixtures';
import { physicalCores, resolveModel, resizeImage, segmentImage, shutdownInference, stylizeImage, type ResolvedModel, type SessionOptionsPreset } from '../main/services/stylize';
import { decodeImage } from '../main/services/video';
import { formatTable } from './table';
import { benchCartoonGan } from './stylize-cartoongan';

const REPS = Math.max(1, Number(process.env.BENCH_REPS) || 2);

interface Row {
  model: string;
  size: string;
  tiles: number;
  provider: string;
  tuned: number;
  defaults: number;
  tunedCpu: number;
  defaultsCpu: number;
}

async function frame(): Promise<RgbImage> {
  // A busy synthetic picture (gradients, text, moving shapes): timing does not depend on content, and the bench
  // stands alone without ../shared.
  return decodeImage(makeWithFfmpeg('bench-1080p.png', ['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=1', '-frames:v', '1']));
}

async function timeOnce(model: ResolvedModel, img: RgbImage, preset: SessionOptionsPreset) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpuMs = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
  if (model.spec.output.meaning === 'logits') {
    const r = await segmentImage(img, { model, sessionOptions: preset });
    return { ms: performance.now() - t0, cpu: cpuMs(), tiles: 1, provider: r.provider };
  }
  const r = await stylizeImage(img, { model, sessionOptions: preset, overlap: 64, size: 0 /* the frame's own size: this measures 1080p, not the model's recommended size */ });
  return { ms: performance.now() - t0, cpu: cpuMs(), tiles: r.tiles, provider: r.provider };
}

async function measure(model: ResolvedModel, img: RgbImage, label: string): Promise<Row> {
  // Warm both sessions (load + first-run memory planning), then alternate presets so drift hits both alike.
  const warm = await timeOnce(model, img, 'tuned');
  await timeOnce(model, img, 'default');
  const runs: Record<SessionOptionsPreset, Array<{ ms: number; cpu: number }>> = { tuned: [], default: [] };
  for (let i = 0; i < REPS; i++) {
    for (const preset of ['tuned', 'default'] as const) runs[preset].push(await timeOnce(model, img, preset));
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const ms = (p: SessionOptionsPreset) => median(runs[p].map((r) => r.ms));
  const cpu = (p: SessionOptionsPreset) => median(runs[p].map((r) => r.cpu));
  return {
    model: model.id, size: label, tiles: warm.tiles, provider: warm.provider,
    tuned: ms('tuned'), defaults: ms('default'), tunedCpu: cpu('tuned'), defaultsCpu: cpu('default'),
  };
}

async function main(): Promise<void> {
  const big = await frame();
  const square = resizeImage(big, 512, 512);
  const models: ResolvedModel[] = process.env.BENCH_ONLY_CARTOONGAN ? [] : [await resolveModel('builtin-toon')];
  for (const name of process.env.BENCH_ONLY_CARTOONGAN ? [] : ['whitebox_cartoon.onnx', 'deeplabv3_mnv2_257_voc.onnx']) {
    const file = sharedModel(name);
    if (file) models.push(await resolveModel(file));
    else console.log(`(skipping ${name}: ../shared/models is absent)`);
  }
  console.log(`stylize bench: ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} logical / ${physicalCores()} physical cores, ${REPS} timed runs per cell (median), default tiles (512 px max) / 64 overlap`);
  const rows: Row[] = [];
  for (const model of models) {
    for (const [img, label] of [[square, '512x512'], [big, '1920x1080']] as const) {
      const row = await measure(model, img, label);
      rows.push(row);
      console.log(`  ${row.model} ${row.size}: tuned ${row.tuned.toFixed(0)} ms (cpu ${row.tunedCpu.toFixed(0)} ms), ort defaults ${row.defaults.toFixed(0)} ms (cpu ${row.defaultsCpu.toFixed(0)} ms)`);
    }
  }
  const header = ['model', 'frame', 'tiles', 'provider', 'ms/frame', 'fps', 'cpu ms', 'ms (ort defaults)', 'cpu ms (ort defaults)', 'speed-up', 'cpu saved'];
  const cells = rows.map((r) => [
    r.model, r.size, String(r.tiles), r.provider, r.tuned.toFixed(0), (1000 / r.tuned).toFixed(2), r.tunedCpu.toFixed(0),
    r.defaults.toFixed(0), r.defaultsCpu.toFixed(0), `${(r.defaults / r.tuned).toFixed(2)}x`, `${(100 * (1 - r.tunedCpu / r.defaultsCpu)).toFixed(0)}%`,
  ]);
  console.log(`\n${formatTable(header, cells)}`);
  console.log('\nms/frame: wall time per frame through stylizeImage/segmentImage (worker transfer, resize/pad, tiles, blend).');
  console.log('cpu ms: CPU time of the whole process (all threads) per frame: what the rest of the app and the machine lose.');
  console.log('speed-up: onnxruntime-default session options time / tuned time (>1 means the tuned options are faster).');
  if (process.env.BENCH_CARTOONGAN !== '') {
    console.log('\nCartoonGAN (../shared/models), the four styles:');
    await benchCartoonGan(big, REPS);
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => shutdownInference());
