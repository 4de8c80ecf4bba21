import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeWithFfmpeg, sharedModel } from '../../../test-support/fixtures';
import { decodeImage } from '../video';
import { getModel } from './catalog';
import { processingLongSide } from './processing-size';
import { resolveModel } from './model-resolve';
import { shutdownInference, stylizeImage } from './stylize-image';

after(() => shutdownInference());

test('processing size: the user\'s size, else the recommended long side when the frame is larger, else the frame', () => {
  const instagan = getModel('instagan-shp2gir').spec;
  const cartoonGan = getModel('cartoongan-hayao').spec;
  const builtin = getModel('builtin-toon').spec;
  assert.equal(processingLongSide(instagan, 1920, 1080), 200);
  assert.equal(processingLongSide(instagan, 1080, 1920), 200, 'portrait: the long side is the height');
  assert.equal(processingLongSide(cartoonGan, 1280, 720), 450);
  assert.equal(processingLongSide(cartoonGan, 256, 144), undefined, 'never enlarged by default');
  assert.equal(processingLongSide(cartoonGan, 450, 300), undefined, 'already at the recommended size');
  assert.equal(processingLongSide(builtin, 4000, 3000), undefined, 'no recommendation: the frame\'s own size');
  assert.equal(processingLongSide(cartoonGan, 1280, 720, 640), 640, 'the user\'s size wins');
  assert.equal(processingLongSide(cartoonGan, 256, 144, 512), 512, 'and may enlarge');
  assert.equal(processingLongSide(cartoonGan, 1280, 720, 0), undefined, '0: the frame\'s own size');
  assert.equal(processingLongSide(getModel('deeplabv3-person').spec, 1280, 720, 640), undefined, 'a fixed-size model ignores it');
});

test('White-box on a frame wider than its recommended 1280 px: run at 1280 by default, at full size with size 0', async (t) => {
  const file = sharedModel('whitebox_cartoon.onnx');
  if (!file) return t.skip('../shared/models/whitebox_cartoon.onnx is absent');
  // A wide strip: longer than 1280 px but few pixels, so the real model stays fast.
  const image = await decodeImage(makeWithFfmpeg('wide-strip.png', ['-f', 'lavfi', '-i', 'testsrc2=size=1296x160:rate=1', '-frames:v', '1']));
  const model = await resolveModel(file);
  assert.equal(model.spec.recommendedLongSide, 1280);
  const byDefault = await stylizeImage(image, { model, provider: 'cpu', tile: 0 });
  const explicit = await stylizeImage(image, { model, provider: 'cpu', tile: 0, size: 1280 });
  const full = await stylizeImage(image, { model, provider: 'cpu', tile: 0, size: 0 });
  assert.deepEqual([byDefault.processedWidth, byDefault.processedHeight], [1280, 158]);
  assert.deepEqual([full.processedWidth, full.processedHeight], [1296, 160]);
  assert.deepEqual([byDefault.image.width, byDefault.image.height], [1296, 160], 'resized back to the frame');
  assert.ok(Buffer.from(byDefault.image.data).equals(Buffer.from(explicit.image.data)), 'the default is size 1280');
  let diff = 0;
  for (let i = 0; i < full.image.data.length; i++) diff += Math.abs(full.image.data[i] - byDefault.image.data[i]);
  t.diagnostic(`mean |1280 px run - 1296 px run| = ${(diff / full.image.data.length).toFixed(2)} levels; ${byDefault.ms.toFixed(0)} ms vs ${full.ms.toFixed(0)} ms`);
  assert.ok(diff / full.image.data.length > 0.5, 'a different processing size gives a different picture');
});
