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
const cartoonGans = catalog.models.filter((m) => m.kind === 'cartoongan');

test('catalog CartoonGAN entries name this script and the port I/O convention', () => {
  assert.ok(cartoonGans.length >= 1);
  for (const m of cartoonGans) {
    assert.equal(m.export?.script, 'models/export/cartoongan_to_onnx.py', m.id);
    for (const s of [m.spec.input, m.spec.output]) {
      assert.deepEqual([s.layout, s.channelOrder, s.range], ['NCHW', 'BGR', [-1, 1]], m.id);
    }
    assert.equal(m.spec.sizeMultiple, 4, m.id);
  }
});

test('full-size generator has the port state dict names and the 11.1 M parameters of the .pth', (t) => {
  const { python, reason } = findTorchPython();
  if (!python) return t.skip(reason);
  const r = spawnSync(python, ['-W', 'ignore', join(EXPORT_DIR, 'cartoongan_to_onnx.py'), '--random-weights', '--list-params'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const params = JSON.parse(r.stdout) as Record<string, number[]>;
  // Names as network/Transformer.py of Yijunmaverick/CartoonGAN-Test-Pytorch-Torch defines them.
  const expected = ['conv01_1', 'in01_1', 'conv02_1', 'conv02_2', 'in02_1', 'conv03_1', 'conv03_2', 'in03_1'];
  for (let n = 4; n <= 11; n++) for (const half of [1, 2]) expected.push(`conv${String(n).padStart(2, '0')}_${half}`, `in${String(n).padStart(2, '0')}_${half}`);
  expected.push('deconv01_1', 'deconv01_2', 'in12_1', 'deconv02_1', 'deconv02_2', 'in13_1', 'deconv03_1');
  const layers = [...new Set(Object.keys(params).map((k) => k.split('.')[0]))];
  assert.deepEqual(layers.sort(), expected.sort());
  assert.deepEqual(params['conv01_1.weight'], [64, 3, 7, 7]);
  assert.deepEqual(params['in11_2.scale'], [256]);
  assert.deepEqual(params['deconv01_1.weight'], [256, 128, 3, 3]);
  assert.deepEqual(params['deconv03_1.weight'], [3, 64, 7, 7]);
  const count = Object.values(params).reduce((sum, shape) => sum + shape.reduce((a, b) => a * b, 1), 0);
  assert.equal(count, 11_129_667); // × 4 bytes ≈ the 44.5 MB of Hayao_net_G_float.pth
});

test('random-weight export: catalog names, dynamic H/W, PyTorch and onnxruntime agree', async (t) => {
  if (!findTorchPython().python) return t.skip(findTorchPython().reason);
  const onnx = exportModel('cartoongan_to_onnx.py', ['--random-weights', '--channels', '8', '--blocks', '2', '--check', '32x48,44x20']);
  const session = await ort.InferenceSession.create(onnx);
  const spec = cartoonGans[0].spec;
  assert.deepEqual(session.inputNames, [spec.input.name]);
  assert.deepEqual(session.outputNames, [spec.output.name]);

  const cases = readCheckCases(onnx);
  assert.equal(cases.length, 2);
  for (const c of cases) {
    const x = c.inputs[spec.input.name];
    const out = await session.run({ [spec.input.name]: new ort.Tensor('float32', x.data, x.shape) });
    const y = out[spec.output.name];
    assert.deepEqual(y.dims, x.shape, 'output size = input size');
    const ref = c.outputs[spec.output.name];
    const diff = maxAbsDiff(y.data as Float32Array, ref.data);
    assert.ok(diff < 1e-4, `max |onnxruntime - PyTorch| = ${diff}`);
    const values = y.data as Float32Array;
    assert.ok(values.every((v) => v >= -1 && v <= 1), 'tanh output in [-1, 1]');
  }

  // Why sizeMultiple is 4: two stride-2 convs then two ×2 transposed convs round 30 up to 32.
  const odd = await session.run({ input: new ort.Tensor('float32', new Float32Array(3 * 30 * 30), [1, 3, 30, 30]) });
  assert.deepEqual(odd.output.dims, [1, 3, 32, 32]);
});
