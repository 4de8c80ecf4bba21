import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { drawBox, drawPolygon, emptyMask } from '../../../../app/masks';
import type { Progress } from '../../../../app/progress';
import type { ModelSpec } from '../../../../app/stylize';
import type { RgbImage } from '../../../../app/video';
import { exportModel, findTorchPython } from '../../../../models/export/run-export';
import { makeWithFfmpeg } from '../../../../test-support/fixtures';
import { CancelledError } from '../../jobs';
import { decodeImage } from '../../video';
import { findModel, MODELS_DIR, shutdownInference, stylizeImage } from '..';
import { featherMask } from '../masks/feather';
import { stylizeRegions } from './stylize-regions';

type TestModel = { file: string; spec: ModelSpec; id: string };
const W = 160;
const H = 96;
let image: RgbImage;
let toon: TestModel | undefined; // the built-in style, when this checkout has it
let cartoonGan: TestModel | undefined; // a tiny random-weight CartoonGAN, when PyTorch is here

before(async () => {
  image = await decodeImage(makeWithFfmpeg('regions-frame.png', ['-f', 'lavfi', '-i', `testsrc2=size=${W}x${H}:rate=1`, '-frames:v', '1']));
  const entry = findModel('builtin-toon');
  if (entry?.bundledFile && existsSync(join(MODELS_DIR, entry.bundledFile))) {
    toon = { file: join(MODELS_DIR, entry.bundledFile), spec: entry.spec, id: entry.id };
  }
  if (findTorchPython().python) {
    const file = exportModel('cartoongan_to_onnx.py', ['--random-weights', '--channels', '8', '--blocks', '2']);
    cartoonGan = { file, spec: findModel('cartoongan-hayao')!.spec, id: 'cartoongan-random' };
  }
});
after(() => shutdownInference());

const differs = (a: RgbImage, b: RgbImage, i: number) =>
  a.data[3 * i] !== b.data[3 * i] || a.data[3 * i + 1] !== b.data[3 * i + 1] || a.data[3 * i + 2] !== b.data[3 * i + 2];

test('a box styled, the rest left as photo: inside = the stylized frame, outside = the original beyond the feather', async (t) => {
  const model = toon ?? cartoonGan;
  if (!model) return t.skip('neither models/builtin/toon.onnx nor PyTorch (for a random CartoonGAN) is available');
  const mask = drawBox(emptyMask(W, H), { x: 40, y: 20, width: 70, height: 50 });
  const progress: Progress[] = [];
  const r = await stylizeRegions(image, [{ mask, model }], 'photo', { feather: 5, provider: 'cpu' }, { onProgress: (p) => progress.push(p) });
  const whole = (await stylizeImage(image, { model, provider: 'cpu' })).image;
  assert.deepEqual(r.models, [model.id]);
  assert.equal(progress.at(-1)?.fraction, 1);

  const alpha = featherMask(mask, 5);
  let inside = 0;
  let styledInside = 0;
  for (let i = 0; i < W * H; i++) {
    if (alpha[i] === 0) assert.ok(!differs(r.image, image, i), `outside pixel ${i % W},${Math.floor(i / W)} changed`);
    if (alpha[i] === 1) {
      inside++;
      assert.ok(!differs(r.image, whole, i), 'inside equals the model run on the whole frame');
      if (differs(whole, image, i)) styledInside++;
    }
    if (alpha[i] > 0 && alpha[i] < 1) {
      // In the feather the result lies between the photo and the stylized pixel, channel by channel.
      for (let c = 0; c < 3; c++) {
        const [a, b, v] = [image.data[3 * i + c], whole.data[3 * i + c], r.image.data[3 * i + c]];
        assert.ok(v >= Math.min(a, b) && v <= Math.max(a, b));
      }
    }
  }
  assert.ok(inside > 0 && styledInside > 0.5 * inside, `the model changes the inside (${styledInside}/${inside} px)`);
});

test('person region in style A over a background in style B, and a region kept as photo', async (t) => {
  if (!toon || !cartoonGan) return t.skip('needs both the built-in style and PyTorch for a random CartoonGAN');
  const person = drawPolygon(emptyMask(W, H), [{ x: 60, y: 10 }, { x: 100, y: 10 }, { x: 110, y: 90 }, { x: 50, y: 90 }]);
  const sign = drawBox(emptyMask(W, H), { x: 5, y: 5, width: 30, height: 20 });
  const r = await stylizeRegions(image, [{ mask: person, model: toon }, { mask: sign, model: 'photo' }], cartoonGan, { feather: 2, provider: 'cpu' });
  const a = (await stylizeImage(image, { model: toon, provider: 'cpu' })).image;
  const b = (await stylizeImage(image, { model: cartoonGan, provider: 'cpu' })).image;
  assert.deepEqual(r.models.sort(), [cartoonGan.id, toon.id].sort(), 'each model ran once');
  const inPerson = featherMask(person, 2);
  const inSign = featherMask(sign, 2);
  for (let i = 0; i < W * H; i++) {
    if (inSign[i] === 1) assert.ok(!differs(r.image, image, i), 'photo region');
    else if (inPerson[i] === 1) assert.ok(!differs(r.image, a, i), 'style A');
    else if (inPerson[i] === 0 && inSign[i] === 0) assert.ok(!differs(r.image, b, i), 'style B');
  }
});

test('cancelling stops before the composite; a mask of the wrong size is refused', async (t) => {
  const model = toon ?? cartoonGan;
  if (!model) return t.skip('no model available');
  const mask = drawBox(emptyMask(W, H), { x: 0, y: 0, width: 10, height: 10 });
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(stylizeRegions(image, [{ mask, model }], 'photo', {}, { signal: controller.signal }), CancelledError);
  await assert.rejects(stylizeRegions(image, [{ mask: emptyMask(4, 4), model }], 'photo'), /region 0: mask is 4x4, the image is 160x96/);
});
