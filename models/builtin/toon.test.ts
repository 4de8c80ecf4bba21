import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';
import type { Catalog } from '../../app/stylize';
import type { RgbImage } from '../../app/video';
import { makeWithFfmpeg, sharedModel } from '../../test-support/fixtures';
import { decodeImage } from '../../main/services/video';
import { bundledModelFile } from '../../main/services/store/bundled-paths';
import { runToon } from './run-toon';
import { toonMetrics } from './toon-metrics';

const MODEL = bundledModelFile('builtin/toon.onnx');
const catalog = JSON.parse(readFileSync(join(__dirname, '..', 'catalog.json'), 'utf8')) as Catalog;
const entry = catalog.models.find((m) => m.id === 'builtin-toon');

// A photo-like frame made here: smooth gradients, sharp fractal structure and grain.
const lavfiImage = () =>
  makeWithFfmpeg('toon-mandelbrot-noise.png', [
    '-f', 'lavfi', '-i', 'mandelbrot=size=512x288:rate=1,noise=alls=12:allf=t', '-frames:v', '1',
  ]);

let session: ort.InferenceSession | undefined;
async function toon(img: RgbImage): Promise<RgbImage> {
  session ??= await ort.InferenceSession.create(MODEL, { intraOpNumThreads: 2 });
  return runToon(session, img);
}

/**
 * A Python 3 that has the onnx package (Debian's python3-onnx lives under /usr/bin/python3; a pyenv python3 on
 * PATH usually lacks it). YOUR_CARTOON_PYTHON names the one to use, as for models/export.
 */
function pythonWithOnnx(): string | undefined {
  const candidates = process.env.YOUR_CARTOON_PYTHON ? [process.env.YOUR_CARTOON_PYTHON] : ['/usr/bin/python3', 'python3', 'python'];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import onnx, numpy'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return py;
  }
  return undefined;
}

test('the catalog entry describes the committed file', () => {
  assert.ok(entry, 'models/catalog.json has a builtin-toon entry');
  assert.equal(entry.kind, 'builtin');
  assert.equal(entry.bundledFile, 'builtin/toon.onnx');
  const bytes = readFileSync(MODEL);
  assert.ok(bytes.length < 100_000, `toon.onnx is small (${bytes.length} bytes)`);
  assert.equal(entry.size, bytes.length);
  assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'));
});

test('make_toon.py rebuilds toon.onnx byte for byte', (t) => {
  const py = pythonWithOnnx();
  if (!py) return t.skip('no python3 with the onnx package (apt-get install python3-onnx python3-numpy)');
  const dir = mkdtempSync(join(tmpdir(), 'toon-regen-'));
  try {
    const out = join(dir, 'toon.onnx');
    const r = spawnSync(py, [join(__dirname, 'make_toon.py'), out], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(MODEL)), 'regenerated file differs from the committed toon.onnx');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loads in onnxruntime with the spec of its catalog entry and any size', async () => {
  const s = await ort.InferenceSession.create(MODEL);
  assert.deepEqual(s.inputNames, [entry?.spec.input.name]);
  assert.deepEqual(s.outputNames, [entry?.spec.output.name]);
  assert.equal(entry?.spec.sizeMultiple, 1);
  for (const [h, w] of [[1, 1], [3, 5], [37, 23]]) {
    const x = new Float32Array(3 * h * w).map((_, i) => ((i * 37) % 101) / 100);
    const y = (await s.run({ image: new ort.Tensor('float32', x, [1, 3, h, w]) })).cartoon;
    assert.deepEqual(y.dims, [1, 3, h, w]);
    for (const v of y.data as Float32Array) assert.ok(v >= 0 && v <= 1, `output ${v} outside [0,1] at ${w}x${h}`);
  }
});

async function assertCartoon(file: string, minInkOnEdges: number): Promise<void> {
  const input = await decodeImage(file);
  const t0 = performance.now();
  const output = await toon(input);
  const ms = performance.now() - t0;
  assert.equal(output.width, input.width);
  assert.equal(output.height, input.height);
  const m = toonMetrics(input, output);
  const report = JSON.stringify({ ...m, ms: Math.round(ms) });
  assert.ok(m.meanAbsDiff > 4, `output differs from the input: ${report}`);
  // Quantisation and smoothing: fewer colours, and the luma histogram piles up on a few flat tones.
  assert.ok(m.distinctColoursOut < 0.75 * m.distinctColoursIn, `fewer distinct colours: ${report}`);
  assert.ok(m.topLumaShareOut > 0.6 && m.topLumaShareOut > 1.5 * m.topLumaShareIn, `flat tones: ${report}`);
  // Lines: dark ink along strong edges, hardly any in flat areas.
  assert.ok(m.inkOnStrongEdges >= minInkOnEdges, `ink on strong edges: ${report}`);
  assert.ok(m.inkInFlatAreas < 0.1 && m.inkOnStrongEdges > 5 * m.inkInFlatAreas, `little ink in flat areas: ${report}`);
  assert.ok(ms < 3000, `a 512x288 image stylizes in well under 3 s (${ms.toFixed(0)} ms)`);
}

test('turns a generated photo-like image into flat tones with ink lines', async () => {
  await assertCartoon(lavfiImage(), 0.8);
});

for (const name of ['astronaut_512x288.png', 'pexels_street_f20_512x288.png']) {
  test(`turns the shared sample ${name} into a cartoon`, async (t) => {
    const file = sharedModel(join('samples', name));
    if (!file) return t.skip(`../shared/models/samples/${name} is not present`);
    await assertCartoon(file, 0.5);
  });
}
