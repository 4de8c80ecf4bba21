import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawBox, drawBrush, emptyMask, maskArea, maskBounds, maskIoU } from '../../../../app/masks';
import { compositeAlpha } from './composite';
import { splitInstances } from './connected-components';
import { featherMask } from './feather';
import { resizeMask, resizePlane } from './resize-plane';

test('splitInstances: 8-connected components, largest first, tiny ones dropped', () => {
  const m = emptyMask(100, 60);
  drawBox(m, { x: 5, y: 5, width: 10, height: 10 }); // 100 px
  drawBox(m, { x: 50, y: 10, width: 30, height: 40 }); // 1200 px
  drawBox(m, { x: 15, y: 15, width: 5, height: 5 }); // touches the first box only at a corner: same instance
  drawBox(m, { x: 95, y: 55, width: 2, height: 2 }); // 4 px: noise
  const parts = splitInstances(m, { minArea: 10, minFraction: 0 });
  assert.deepEqual(parts.map(maskArea), [1200, 125]);
  assert.deepEqual(maskBounds(parts[1]), { x: 5, y: 5, width: 15, height: 15 });
  // The default 0.2 % of the image (12 px here) drops the 4 px speck as well.
  assert.equal(splitInstances(m).length, 2);
  assert.equal(splitInstances(emptyMask(4, 4)).length, 0);
});

test('featherMask: exact 0 beyond the radius, exact 1 deep inside, a ramp across the edge', () => {
  const m = drawBox(emptyMask(60, 40), { x: 20, y: 10, width: 20, height: 20 });
  const a = featherMask(m, 4);
  for (let y = 0; y < 40; y++) {
    for (let x = 0; x < 60; x++) {
      const dx = Math.max(20 - x, x - 39, 0);
      const dy = Math.max(10 - y, y - 29, 0);
      const v = a[y * 60 + x];
      if (Math.max(dx, dy) > 4) assert.equal(v, 0, `(${x},${y}) outside the feather`);
      if (x >= 24 && x <= 35 && y >= 14 && y <= 25) assert.equal(v, 1, `(${x},${y}) inside`);
    }
  }
  const row = Array.from(a.subarray(20 * 60 + 14, 20 * 60 + 27));
  for (let i = 1; i < row.length; i++) assert.ok(row[i] >= row[i - 1], 'monotone ramp');
  assert.ok(row[6] > 0.4 && row[6] < 0.6, `half way at the edge: ${row[6]}`);
  // A mask touching the frame stays fully opaque at the frame edge.
  assert.equal(featherMask(drawBox(emptyMask(20, 20), { x: 0, y: 0, width: 20, height: 10 }), 3)[0], 1);
  assert.deepEqual(Array.from(featherMask(m, 0)), Array.from(m.data));
});

test('compositeAlpha keeps base bytes at alpha 0, over bytes at 1, blends between', () => {
  const base = { width: 3, height: 1, data: Uint8Array.from([10, 20, 30, 10, 20, 30, 10, 20, 30]) };
  const over = { width: 3, height: 1, data: Uint8Array.from([200, 100, 0, 200, 100, 0, 200, 100, 0]) };
  const out = compositeAlpha(base, over, Float32Array.from([0, 0.5, 1]));
  assert.deepEqual(Array.from(out.data), [10, 20, 30, 105, 60, 15, 200, 100, 0]);
  assert.throws(() => compositeAlpha(base, over, new Float32Array(2)), /sizes differ/);
});

test('resizeMask / resizePlane: shape kept through down- and up-scaling', () => {
  const m = drawBrush(emptyMask(200, 120), [{ x: 100, y: 60 }], 40);
  const small = resizeMask(m, 50, 30);
  const back = resizeMask(small, 200, 120);
  assert.ok(maskIoU(m, back) > 0.95, `IoU after 4x down and up: ${maskIoU(m, back)}`);
  const up = resizePlane({ width: 2, height: 1, data: Float32Array.from([0, 1]) }, 4, 1);
  assert.deepEqual(Array.from(up.data), [0, 0.25, 0.75, 1]);
});
