import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawBox, emptyMask, maskArea, maskIoU } from '../../../../app/masks';
import { encodeImage } from '../../video';
import { fitMask, readMaskFile } from './mask-file';

test('a mask file: white (or light) is the region, black (or dark) the rest, whatever the colour', async () => {
  const w = 8;
  const h = 2;
  const rgb = new Uint8Array(w * h * 3);
  // Row 0: white, black, light grey, dark grey, pure red, pure green, yellow, blue; row 1 all white.
  const row0 = [[255, 255, 255], [0, 0, 0], [200, 200, 200], [100, 100, 100], [255, 0, 0], [0, 255, 0], [255, 255, 0], [0, 0, 255]];
  row0.forEach((c, x) => rgb.set(c, 3 * x));
  rgb.fill(255, 3 * w);
  const file = join(mkdtempSync(join(tmpdir(), 'mask-file-')), 'm.png');
  await encodeImage(file, { width: w, height: h, data: rgb });
  const mask = await readMaskFile(file);
  assert.deepEqual([mask.width, mask.height], [w, h]);
  assert.deepEqual([...mask.data.subarray(0, w)], [1, 0, 1, 0, 0, 1, 1, 0]);
  assert.equal(maskArea(mask), 4 + w);
});

test('fitMask: as is at the same size, scaled at the same aspect ratio, refused for another shape', () => {
  const small = drawBox(emptyMask(64, 36), { x: 8, y: 4, width: 16, height: 12 });
  assert.equal(fitMask(small, 64, 36), small);
  const big = fitMask(small, 256, 144);
  const iou = maskIoU(big, drawBox(emptyMask(256, 144), { x: 32, y: 16, width: 64, height: 48 }));
  assert.ok(iou > 0.99, `scaled 4x: IoU ${iou} with the box at 4x`);
  assert.ok(fitMask(emptyMask(641, 360), 1280, 720).width === 1280, 'rounding of sizes is tolerated');
  assert.throws(() => fitMask(small, 100, 100, 'mask.png'), /mask\.png is 64x36, which does not fit a 100x100 image \(another aspect ratio\)/);
});
