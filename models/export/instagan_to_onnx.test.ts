import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { Catalog } from '../../app/stylize';
import { EXPORT_DIR, exportModel, findTorchPython, readCheckCases } from './run-export';
import { maxAbsDiff } from './tensor-compare';

const catalog = JSON.parse(readFileSync(join(EXPORT_DIR, '..', 'catalog.json'), 'utf8')) as Catalog;
const instaGans = catalog.models.filter((m) => m.kind === 'instagan');

test('catalog InstaGAN entries name this script and its signature', () => {
  assert.ok(instaGans.length >= 1, 'at least one instagan entry');
  for (const m of instaGans) {
    assert.equal(m.export?.script, 'models/export/instagan_to_onnx.py', m.id);
    assert.deepEqual(m.urls, [], `${m.id}: no public ONNX`);
    const s = m.spec;
    assert.deepEqual([s.input.name, s.input.layout, s.input.channelOrder, s.input.range], ['image', 'NCHW', 'RGB', [-1, 1]]);
    assert.deepEqual([s.output.name, s.output.layout, s.output.channelOrder, s.output.range], ['image_out', 'NCHW', 'RGB', [-1, 1]]);
    assert.deepEqual(s.maskInput, { name: 'masks', layout: 'NCHW', range: [-1, 1], maxInstances: 2 });
    assert.deepEqual(s.maskOutput, { name: 'masks_out' });
    assert.equal(s.sizeMultiple, 4);
  }
});

test('full-size set generator has the checkpoint key layout of networks.py', (t) => {
  const { python, reason } = findTorchPython();
  if (!python) return t.skip(reason);
  const r = spawnSync(python, ['-W', 'ignore', join(EXPORT_DIR, 'instagan_to_onnx.py'), '--random-weights', '--list-params'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const p = JSON.parse(r.stdout) as Record<string, number[]>;
  // nn.Sequential indices of ResnetSetGenerator.get_encoder / get_decoder (pad, conv, norm, relu, ...).
  assert.deepEqual(p['encoder_img.1.weight'], [64, 3, 7, 7]);
  assert.deepEqual(p['encoder_seg.1.weight'], [64, 1, 7, 7]);
  assert.deepEqual(p['encoder_img.7.weight'], [256, 128, 3, 3]);
  assert.deepEqual(p['encoder_seg.18.conv_block.5.weight'], [256, 256, 3, 3]); // 9th residual block
  assert.equal(p['encoder_seg.19.conv_block.1.weight'], undefined);
  assert.deepEqual(p['decoder_img.0.weight'], [512, 256, 3, 3]);
  assert.deepEqual(p['decoder_img.7.weight'], [3, 128, 7, 7]);
  assert.deepEqual(p['decoder_seg.0.weight'], [768, 384, 3, 3]);
  assert.deepEqual(p['decoder_seg.7.weight'], [1, 192, 7, 7]);
  assert.ok(!Object.keys(p).some((k) => k.includes('running')), 'instance norm without affine or running stats');
});

test('random-weight export: names, dynamic H/W/K, PyTorch and onnxruntime agree, empty slots pass through', async (t) => {
  if (!findTorchPython().python) return t.skip(findTorchPython().reason);
  const onnx = exportModel('instagan_to_onnx.py', ['--random-weights', '--ngf', '4', '--blocks', '1', '--check', '32x24,20x36']);
  const session = await ort.InferenceSession.create(onnx);
  assert.deepEqual(session.inputNames, ['image', 'masks']);
  assert.deepEqual(session.outputNames, ['image_out', 'masks_out']);

  const cases = readCheckCases(onnx);
  assert.deepEqual(cases.map((c) => c.inputs.masks.shape), [[1, 2, 32, 24], [1, 3, 20, 36]]);
  for (const c of cases) {
    const feeds = Object.fromEntries(Object.entries(c.inputs).map(([n, x]) => [n, new ort.Tensor('float32', x.data, x.shape)]));
    const out = await session.run(feeds);
    for (const name of ['image_out', 'masks_out']) {
      assert.deepEqual(out[name].dims, c.outputs[name].shape, name);
      const diff = maxAbsDiff(out[name].data as Float32Array, c.outputs[name].data);
      assert.ok(diff < 1e-4, `${name}: max |onnxruntime - PyTorch| = ${diff}`);
    }
  }

  // The 3-instance case has an empty last slot: it comes back exactly as given (all -1).
  const three = cases[1];
  const out = await session.run(
    Object.fromEntries(Object.entries(three.inputs).map(([n, x]) => [n, new ort.Tensor('float32', x.data, x.shape)])),
  );
  const plane = 20 * 36;
  const masksOut = out.masks_out.data as Float32Array;
  assert.ok(masksOut.subarray(2 * plane).every((v) => v === -1), 'empty slot unchanged');
  assert.ok(masksOut.subarray(0, plane).some((v, i) => v !== three.inputs.masks.data[i]), 'used slot translated');

  // All slots empty: the first is still translated (as the original forward does), the second passes through.
  const empty = new Float32Array(2 * 16 * 16).fill(-1);
  const allEmpty = await session.run({
    image: new ort.Tensor('float32', new Float32Array(3 * 16 * 16), [1, 3, 16, 16]),
    masks: new ort.Tensor('float32', empty, [1, 2, 16, 16]),
  });
  const m = allEmpty.masks_out.data as Float32Array;
  assert.ok(m.subarray(0, 256).some((v) => v !== -1));
  assert.ok(m.subarray(256).every((v) => v === -1));
});
