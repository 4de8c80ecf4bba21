import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { drawBox, emptyMask, maskUnion } from '../../../../app/masks';
import type { RgbImage } from '../../../../app/video';
import { exportModel, findTorchPython } from '../../../../models/export/run-export';
import { makeWithFfmpeg, sharedModel } from '../../../../test-support/fixtures';
import { decodeImage } from '../../video';
import { getModel, shutdownInference } from '..';
import { featherMask } from '../masks/feather';
import { findPeople } from '../masks/person-masks';
import { translatePeople } from './translate-people';

after(() => shutdownInference());

const DEEPLAB = sharedModel('deeplabv3_mnv2_257_voc.onnx');
const ASTRONAUT = sharedModel('samples/astronaut_512x288.png');
const differs = (a: RgbImage, b: RgbImage, i: number) => a.data[3 * i] !== b.data[3 * i] || a.data[3 * i + 1] !== b.data[3 * i + 1] || a.data[3 * i + 2] !== b.data[3 * i + 2];

test('translatePeople: the segmenter finds the person, InstaGAN changes only that region', async (t) => {
  const { python, reason } = findTorchPython();
  if (!python) return t.skip(reason);
  if (!DEEPLAB || !ASTRONAUT) return t.skip('needs ../shared/models/deeplabv3_mnv2_257_voc.onnx and samples/astronaut_512x288.png');
  const image = await decodeImage(makeWithFfmpeg('astronaut-256.png', ['-i', ASTRONAUT, '-vf', 'scale=256:144']));
  const model = { file: exportModel('instagan_to_onnx.py', ['--random-weights', '--ngf', '4', '--blocks', '1']), spec: getModel('instagan-shp2gir').spec, id: 'instagan-random' };
  const segmenter = { file: DEEPLAB, spec: getModel('deeplabv3-person').spec, id: 'deeplabv3-person' };
  const r = await translatePeople(image, { model, segmenter, region: 'input', feather: 2, provider: 'cpu' });
  assert.deepEqual([r.people, r.source, r.segmenter, r.batches.length], [1, 'segmenter', 'deeplabv3-person', 1]);
  const people = await findPeople(image, { model: segmenter, provider: 'cpu' });
  const alpha = featherMask(maskUnion(people.instances, 256, 144), 2);
  let inside = 0;
  let changed = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i] === 0) assert.ok(!differs(r.image, image, i), `outside pixel ${i % 256},${Math.floor(i / 256)} changed`);
    if (alpha[i] === 1) (inside++, differs(r.image, image, i) && changed++);
  }
  assert.ok(inside > 0.2 * alpha.length && changed > 0.9 * inside, `${changed}/${inside} px of the person changed`);

  // Given masks replace the segmenter; an empty one is not an instance.
  const box = drawBox(emptyMask(256, 144), { x: 4, y: 4, width: 30, height: 20 });
  const m = await translatePeople(image, { model, masks: [box, emptyMask(256, 144)], region: 'input', provider: 'cpu' });
  assert.deepEqual([m.people, m.source, m.segmenter], [1, 'masks', undefined]);
});
