import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { drawBox, drawBrush, emptyMask, maskArea, type Mask } from '../../../../app/masks';
import type { Progress } from '../../../../app/progress';
import type { RgbImage } from '../../../../app/video';
import { exportModel, findTorchPython } from '../../../../models/export/run-export';
import { makeWithFfmpeg } from '../../../../test-support/fixtures';
import { CancelledError } from '../../jobs';
import { decodeImage } from '../../video';
import { getModel, shutdownInference } from '..';
import { featherMask } from '../masks/feather';
import { translateInstances } from './translate-instances';

// A real decoded picture, 150x90: neither side a multiple of 4, so the runner must resize to the model's multiple.
const W = 150;
const H = 90;
let image: RgbImage;
let model: { file: string; spec: ReturnType<typeof getModel>['spec']; id: string } | undefined;
const python = findTorchPython();

before(async () => {
  const png = makeWithFfmpeg('instagan-frame.png', ['-f', 'lavfi', '-i', `testsrc2=size=${W}x${H}:rate=1`, '-frames:v', '1']);
  image = await decodeImage(png);
  if (python.python) {
    // The catalog's InstaGAN signature on a tiny random-weight set generator (ngf 4, 1 residual block).
    const file = exportModel('instagan_to_onnx.py', ['--random-weights', '--ngf', '4', '--blocks', '1']);
    model = { file, spec: getModel('instagan-shp2gir').spec, id: 'instagan-random' };
  }
});
after(() => shutdownInference());

/** Five boxes of different sizes, given in an order that is not by area. */
function fiveInstances(): Mask[] {
  const boxes = [
    { x: 4, y: 4, width: 12, height: 10 },
    { x: 60, y: 20, width: 40, height: 40 },
    { x: 110, y: 60, width: 20, height: 16 },
    { x: 20, y: 50, width: 26, height: 30 },
    { x: 120, y: 6, width: 8, height: 8 },
  ];
  return boxes.map((b) => drawBox(emptyMask(W, H), b));
}

function pixelsDiffer(a: RgbImage, b: RgbImage, i: number): boolean {
  return a.data[i * 3] !== b.data[i * 3] || a.data[i * 3 + 1] !== b.data[i * 3 + 1] || a.data[i * 3 + 2] !== b.data[i * 3 + 2];
}

test('translates in ceil(N/K) mini-batches, largest first; outside the masks the input is kept exactly', async (t) => {
  if (!model) return t.skip(python.reason);
  const masks = fiveInstances();
  const progress: Progress[] = [];
  const r = await translateInstances(image, masks, { model, region: 'input', feather: 3, provider: 'cpu' }, { onProgress: (p) => progress.push(p) });

  assert.equal(r.image.width, W);
  assert.equal(r.image.height, H);
  assert.deepEqual([r.processedWidth % 4, r.processedHeight % 4], [0, 0]);
  assert.equal(r.batches.length, Math.ceil(5 / 2));
  assert.deepEqual(r.batches, [[1, 3], [2, 0], [4]], 'areas 1600, 780, 320, 120, 64: largest first, two at a time');
  assert.deepEqual(progress.map((p) => [p.stage, p.done, p.total]), [['instagan', 1, 3], ['instagan', 2, 3], ['instagan', 3, 3]]);

  const alpha = featherMask(r.region, 3);
  let outside = 0;
  let inside = 0;
  let insideChanged = 0;
  for (let i = 0; i < W * H; i++) {
    if (alpha[i] === 0) {
      outside++;
      assert.ok(!pixelsDiffer(r.image, image, i), `pixel ${i % W},${Math.floor(i / W)} outside the masks changed`);
    }
    if (alpha[i] === 1) {
      inside++;
      if (pixelsDiffer(r.image, image, i)) insideChanged++;
    }
  }
  assert.ok(outside > 0.5 * W * H, `most of the frame is context (${outside} px)`);
  assert.ok(insideChanged > 0.9 * inside, `inside the masks the translation shows (${insideChanged}/${inside} px changed)`);
  assert.equal(r.masks.length, 5);
  assert.ok(r.masks.every((m) => m.width === W && m.height === H));
});

test('default region: the union of given and translated masks, which contains every given mask', async (t) => {
  if (!model) return t.skip(python.reason);
  const masks = [drawBrush(emptyMask(W, H), [{ x: 30, y: 45 }, { x: 60, y: 40 }], 10), emptyMask(W, H)];
  const r = await translateInstances(image, masks, { model, feather: 2, provider: 'cpu' });
  assert.deepEqual(r.batches, [[0]], 'the empty mask is not translated');
  assert.equal(maskArea(r.masks[1]), 0);
  for (let i = 0; i < W * H; i++) if (masks[0].data[i]) assert.equal(r.region.data[i], 1);
  const alpha = featherMask(r.region, 2);
  for (let i = 0; i < W * H; i++) if (alpha[i] === 0) assert.ok(!pixelsDiffer(r.image, image, i));
});

test('no instances: the image comes back unchanged without running the model', async (t) => {
  if (!model) return t.skip(python.reason);
  const r = await translateInstances(image, [emptyMask(W, H)], { model, provider: 'cpu' });
  assert.deepEqual(r.batches, []);
  assert.deepEqual(r.image.data, image.data);
});

test('cancelling after the first mini-batch stops the run', async (t) => {
  if (!model) return t.skip(python.reason);
  const controller = new AbortController();
  const seen: number[] = [];
  const run = translateInstances(image, fiveInstances(), { model, provider: 'cpu' }, {
    signal: controller.signal,
    onProgress: (p) => {
      seen.push(p.done);
      if (p.done === 1) controller.abort();
    },
  });
  await assert.rejects(run, CancelledError);
  assert.deepEqual(seen, [1]);
});

test('bad input: masks of another size and a model without mask inputs are refused with a clear error', async (t) => {
  if (!model) return t.skip(python.reason);
  await assert.rejects(translateInstances(image, [emptyMask(10, 10)], { model }), /instance mask 0 is 10x10, the image is 150x90/);
  const plain = { ...model, spec: getModel('cartoongan-hayao').spec };
  await assert.rejects(translateInstances(image, [emptyMask(W, H)], { model: plain }), (e: Error & { code?: string }) => e.code === 'MODEL_SPEC_MISMATCH');
});
