import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { maskArea, maskBounds, maskIoU, type Mask } from '../../../../app/masks';
import { SHARED_MODELS, sharedModel } from '../../../../test-support/fixtures';
import { decodeImage } from '../../video';
import { getModel, shutdownInference } from '..';
import { splitInstances } from './connected-components';
import { findPeople } from './person-masks';

const onnx = sharedModel('deeplabv3_mnv2_257_voc.onnx');
const sample = (name: string) => sharedModel(join('samples', name));
after(() => shutdownInference());

async function readMask(file: string): Promise<Mask> {
  const rgb = await decodeImage(file);
  const data = new Uint8Array(rgb.width * rgb.height);
  for (let i = 0; i < data.length; i++) data[i] = rgb.data[i * 3] > 127 ? 1 : 0;
  return { width: rgb.width, height: rgb.height, data };
}

for (const name of ['astronaut_512x288', 'pexels_street_f20_512x288']) {
  test(`person mask of ${name} matches the segmenter's reference mask`, async (t) => {
    const photo = sample(`${name}.png`);
    const reference = sample(`${name}.deeplabv3_person_mask.png`);
    if (!onnx || !photo || !reference) return t.skip(`needs ${SHARED_MODELS}/deeplabv3_mnv2_257_voc.onnx and samples/${name}*.png`);
    const image = await decodeImage(photo);
    const model = { file: onnx, spec: getModel('deeplabv3-person').spec, id: 'deeplabv3-person' };
    const people = await findPeople(image, { model, provider: 'cpu' });
    const ref = await readMask(reference);
    const iou = maskIoU(people.mask, ref);
    t.diagnostic(`IoU vs reference ${iou.toFixed(4)}; area ${maskArea(people.mask)} vs ${maskArea(ref)}; instances ${people.instances.map(maskArea).join(', ')}`);
    assert.ok(iou > 0.95, `IoU ${iou}`);
    // Instances: the reference mask's own components (same size filter) match ours one to one, largest first.
    const refInstances = splitInstances(ref);
    assert.equal(people.instances.length, refInstances.length);
    people.instances.forEach((m, i) => {
      const instanceIoU = maskIoU(m, refInstances[i]);
      assert.ok(instanceIoU > 0.9, `instance ${i} IoU ${instanceIoU}, bounds ${JSON.stringify(maskBounds(m))}`);
    });
    const areas = people.instances.map(maskArea);
    assert.deepEqual(areas, [...areas].sort((a, b) => b - a), 'largest first');
  });
}

test('a model that is not a segmenter is refused', async (t) => {
  if (!onnx) return t.skip('needs the DeepLabV3 model in ../shared/models');
  const image = { width: 8, height: 8, data: new Uint8Array(192) };
  await assert.rejects(findPeople(image, { model: { file: onnx, spec: getModel('cartoongan-hayao').spec } }), /not a segmentation model/);
});
