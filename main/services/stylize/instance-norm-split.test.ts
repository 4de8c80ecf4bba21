import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ModelSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { decodeImage } from '../video';
import { countInstanceNorms, splitInstanceNorm } from './instance-norm-split';
import { axisShares, statsBudget, statsSize } from './global-norm';
import { planAxis } from './tiling';
import { shutdownInference, stylizeImage } from './stylize-image';
import { blurNegateModel, writeModel } from './test-models';

after(() => shutdownInference());

/** NCHW RGB: conv 3→4 (3×3), instance norm, ReLU, conv 4→3 (1×1), instance norm, tanh: CartoonGAN in miniature. */
function instanceNormModel(): string {
  const k1 = Array.from({ length: 4 * 3 * 9 }, (_, i) => (((i * 7919) % 17) - 8) / 40);
  const k2 = Array.from({ length: 3 * 4 }, (_, i) => (((i * 104729) % 11) - 5) / 6);
  return writeModel('instance-norm', {
    inputs: [{ name: 'input', dims: [1, 3, 'h', 'w'] }],
    outputs: [{ name: 'output', dims: [1, 3, 'h', 'w'] }],
    initializers: [
      { name: 'k1', dims: [4, 3, 3, 3], values: k1 },
      { name: 's1', dims: [4], values: [1, 0.5, 1.5, 0.8] },
      { name: 'b1', dims: [4], values: [0.1, -0.2, 0, 0.3] },
      { name: 'k2', dims: [3, 4, 1, 1], values: k2 },
      { name: 's2', dims: [3], values: [0.7, 0.9, 1.1] },
      { name: 'b2', dims: [3], values: [0, 0.1, -0.1] },
    ],
    nodes: [
      { op: 'Conv', inputs: ['input', 'k1'], outputs: ['c1'], ints: { pads: [1, 1, 1, 1] } },
      { op: 'InstanceNormalization', inputs: ['c1', 's1', 'b1'], outputs: ['n1'] },
      { op: 'Relu', inputs: ['n1'], outputs: ['r1'] },
      { op: 'Conv', inputs: ['r1', 'k2'], outputs: ['c2'] },
      { op: 'InstanceNormalization', inputs: ['c2', 's2', 'b2'], outputs: ['n2'] },
      { op: 'Tanh', inputs: ['n2'], outputs: ['output'] },
    ],
  });
}

const SPEC: ModelSpec = {
  input: { name: 'input', layout: 'NCHW', channelOrder: 'RGB', range: [-1, 1] },
  output: { name: 'output', layout: 'NCHW', channelOrder: 'RGB', range: [-1, 1] },
  sizeMultiple: 4,
  globalNormalization: true,
};

function psnr(a: RgbImage, b: RgbImage): number {
  let se = 0;
  for (let i = 0; i < a.data.length; i++) se += (a.data[i] - b.data[i]) ** 2;
  return se === 0 ? Infinity : 10 * Math.log10((255 * 255) / (se / a.data.length));
}

test('the split graphs: stats outputs per layer, and the apply graph fed them gives the original output', async () => {
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  const bytes = readFileSync(instanceNormModel());
  assert.equal(countInstanceNorms(bytes), 2);
  const split = splitInstanceNorm(bytes);
  assert.equal(split.layers.length, 2);
  assert.deepEqual(split.layers.map((l) => l.input), ['c1', 'c2']);
  const [original, stats, apply] = await Promise.all([bytes, split.stats, split.apply].map((b) => ort.InferenceSession.create(b)));
  assert.deepEqual([...apply.inputNames].sort(), ['input', ...split.layers.flatMap((l) => [l.mean, l.variance])].sort());
  const H = 20;
  const W = 28;
  const x = new Float32Array(3 * H * W).map((_, i) => Math.sin(i * 0.37) * 0.9);
  const feed = { input: new ort.Tensor('float32', x, [1, 3, H, W]) };
  const want = (await original.run(feed)).output.data as Float32Array;
  const s = await stats.run(feed);
  assert.deepEqual(s[split.layers[0].mean].dims, [1, 4, 1, 1]);
  assert.deepEqual(s[split.layers[1].variance].dims, [1, 3, 1, 1]);
  // The stats graph's own output is the model's.
  assert.ok((s.output.data as Float32Array).every((v, i) => Math.abs(v - want[i]) < 1e-6));
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = { ...feed };
  for (const l of split.layers) {
    for (const name of [l.mean, l.variance]) {
      const v = s[name].data as Float32Array;
      feeds[name] = new ort.Tensor('float32', Float32Array.from(v), [v.length]);
    }
  }
  const got = (await apply.run(feeds)).output.data as Float32Array;
  const maxDiff = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i])), 0);
  assert.ok(maxDiff < 1e-5, `apply graph vs original: ${maxDiff}`);
  // Other statistics do change the picture (the inputs are really used).
  const m0 = split.layers[0].mean;
  feeds[m0] = new ort.Tensor('float32', (feeds[m0].data as Float32Array).map((v) => v + 0.5), [4]);
  const moved = (await apply.run(feeds)).output.data as Float32Array;
  assert.ok(moved.some((v, i) => Math.abs(v - want[i]) > 0.05));
  await Promise.all([original, stats, apply].map((sess) => sess.release()));
});

test('tiles of an instance-norm model with the whole picture statistics equal the whole-frame run; each tile on its own does not', async () => {
  const file = instanceNormModel();
  const image = await decodeImage(makeWithFfmpeg('in-tiles-240x136.png', ['-f', 'lavfi', '-i', 'testsrc2=size=240x136:rate=1', '-frames:v', '1']));
  const model = { file, spec: SPEC, id: 'in-test' };
  const whole = await stylizeImage(image, { model, tile: 0, provider: 'cpu' });
  assert.equal(whole.tiles, 1);
  const tiled = await stylizeImage(image, { model, tile: 96, overlap: 16, provider: 'cpu' });
  const naive = await stylizeImage(image, { model, tile: 96, overlap: 16, provider: 'cpu', tileStats: 'tile' });
  assert.ok(tiled.tiles >= 4, `${tiled.tiles} tiles`);
  const good = psnr(tiled.image, whole.image);
  const bad = psnr(naive.image, whole.image);
  console.log(`# ${tiled.tiles} tiles: whole-picture statistics ${good.toFixed(1)} dB, per-tile statistics ${bad.toFixed(1)} dB (vs whole frame)`);
  assert.ok(good > 50, `with the whole picture's statistics: ${good.toFixed(1)} dB`);
  assert.ok(bad < good - 15, `per-tile statistics: ${bad.toFixed(1)} dB`);
  // With a statistics budget below the frame, the statistics come first from a smaller copy: close, not exact;
  // each pass over the tiles gathers them at full size, the layers' inputs normalised with the last estimate.
  const budget = { model, tile: 96, overlap: 16, provider: 'cpu' as const, statsMaxPixels: 120 * 68 };
  const progress: number[] = [];
  const thumb = psnr((await stylizeImage(image, { ...budget, statsPasses: 0 })).image, whole.image);
  const once = psnr((await stylizeImage(image, { ...budget, statsPasses: 1 }, { onProgress: (p) => progress.push(p.done) })).image, whole.image);
  const twice = psnr((await stylizeImage(image, { ...budget, statsPasses: 2 })).image, whole.image);
  console.log(`# statistics from a quarter-size copy: ${thumb.toFixed(1)} dB; one pass over the tiles ${once.toFixed(1)} dB; two ${twice.toFixed(1)} dB`);
  assert.ok(thumb > bad && thumb < good, `thumbnail statistics: ${thumb.toFixed(1)} dB`);
  assert.ok(once > thumb + 3, `one refining pass: ${once.toFixed(1)} dB`);
  assert.ok(twice > 50, `two passes (this model has two layers): ${twice.toFixed(1)} dB`);
  assert.equal(Math.max(...progress), 2 * tiled.tiles, 'progress counts the refining pass');
});

test('tile shares: the overlaps cut in the middle on the size multiple, covering the axis once', () => {
  const axis = planAxis(1080, { tile: 512, overlap: 64, multiple: 4 });
  const shares = axisShares(axis, 1080, 4);
  let at = 0;
  shares.forEach(([a, b], i) => {
    assert.equal(axis.starts[i] + a, at, 'no gap, no double count');
    assert.ok(a >= 0 && b <= axis.size && a % 4 === 0 && b % 4 === 0);
    at = axis.starts[i] + b;
  });
  assert.equal(at, 1080);
});

test('the statistics size: the picture itself within the budget, else scaled down to it keeping the aspect', () => {
  assert.deepEqual(statsSize(800, 600, 4), { width: 800, height: 600 });
  assert.deepEqual(statsSize(1920, 1080, 4, 4e6), { width: 1920, height: 1080 });
  assert.ok(statsBudget(16e9) > 1920 * 1080, 'a 1080p frame at full size on a 16 GB machine');
  assert.equal(statsBudget(1e9), 1024 * 1024, 'never below a tile');
  const s = statsSize(1920, 1080, 4, 1024 * 1024);
  assert.ok(s.width * s.height <= 1024 * 1024 * 1.01 && s.width * s.height > 0.95 * 1024 * 1024, JSON.stringify(s));
  assert.ok(Math.abs(s.width / s.height - 1920 / 1080) < 0.01);
});

test('a graph without instance normalisation, or bytes that are not ONNX, cannot be split: said plainly', async () => {
  assert.throws(() => splitInstanceNorm(readFileSync(blurNegateModel())), /no InstanceNormalization layer/);
  assert.throws(() => splitInstanceNorm(Buffer.from('definitely not a model')), /./);
  assert.equal(countInstanceNorms(readFileSync(blurNegateModel())), 0);
  const image: RgbImage = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3).fill(90) };
  const spec = { ...SPEC, input: { ...SPEC.input, name: 'image' }, output: { ...SPEC.output, name: 'out' } };
  await assert.rejects(stylizeImage(image, { model: { file: blurNegateModel(), spec }, tile: 32, overlap: 8 }), /normalises over the whole picture, but its graph cannot be split.*no InstanceNormalization/);
});
