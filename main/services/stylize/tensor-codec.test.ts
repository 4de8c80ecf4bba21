import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TensorSpec } from '../../../app/stylize';
import { StylizeError } from './errors';
import { imageToTensor, tensorToImage } from './tensor-codec';

// 2×1 image: a red pixel and a blue one.
const img = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 0, 255]) };
const spec = (layout: TensorSpec['layout'], channelOrder: TensorSpec['channelOrder'], range: [number, number]): TensorSpec => ({
  name: 't',
  layout,
  channelOrder,
  range,
});

test('NHWC BGR [-1,1]: channels swapped, values scaled', () => {
  const t = imageToTensor(img, spec('NHWC', 'BGR', [-1, 1]));
  assert.deepEqual(t.dims, [1, 1, 2, 3]);
  assert.deepEqual([...t.data], [-1, -1, 1, 1, -1, -1]);
});

test('NCHW RGB [0,1]: planar', () => {
  const t = imageToTensor(img, spec('NCHW', 'RGB', [0, 1]));
  assert.deepEqual(t.dims, [1, 3, 1, 2]);
  assert.deepEqual([...t.data], [1, 0, 0, 0, 0, 1]);
});

test('NCHW BGR [0,255]: planar and swapped', () => {
  const t = imageToTensor(img, spec('NCHW', 'BGR', [0, 255]));
  assert.deepEqual([...t.data], [0, 255, 0, 0, 255, 0]);
});

test('every layout, order and range round-trips exactly', () => {
  const data = new Uint8Array(5 * 3 * 3).map((_, i) => (i * 37) % 256);
  const pic = { width: 5, height: 3, data };
  for (const layout of ['NCHW', 'NHWC'] as const) {
    for (const order of ['RGB', 'BGR'] as const) {
      for (const range of [[-1, 1], [0, 1], [0, 255]] as [number, number][]) {
        const s = spec(layout, order, range);
        assert.deepEqual(tensorToImage(imageToTensor(pic, s), s), pic, `${layout} ${order} ${range}`);
      }
    }
  }
});

test('output beyond the range is clipped (generators overshoot: White-box gives -1.6..1.19)', () => {
  const s = spec('NHWC', 'RGB', [-1, 1]);
  const out = tensorToImage({ data: new Float32Array([-1.6, 1.19, 0, 2, -3, 1]), dims: [1, 1, 2, 3] }, s);
  assert.deepEqual([...out.data], [0, 255, 128, 255, 0, 255]);
});

test('a tensor of the wrong shape is refused with the model named', () => {
  const s = spec('NCHW', 'RGB', [0, 1]);
  assert.throws(
    () => tensorToImage({ data: new Float32Array(8), dims: [1, 4, 1, 2] }, s, 'm.onnx'),
    (e: unknown) => e instanceof StylizeError && e.code === 'MODEL_SPEC_MISMATCH' && /m\.onnx: output "t" has shape \[1, 4, 1, 2\]/.test(e.message),
  );
});
