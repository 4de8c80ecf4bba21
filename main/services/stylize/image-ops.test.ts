import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '../../../app/video';
import { cropImage, fitLongSide, padToMultiple, resizeImage } from './image-ops';

function image(width: number, height: number, f: (x: number, y: number, c: number) => number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = f(x, y, c);
  return { width, height, data };
}

test('resizing keeps a flat colour flat, both ways', () => {
  const flat = image(37, 23, (_x, _y, c) => [200, 100, 30][c]);
  for (const [w, h] of [[10, 7], [80, 51], [37, 5]]) {
    const r = resizeImage(flat, w, h);
    assert.equal(r.data.length, w * h * 3);
    for (let i = 0; i < r.data.length; i += 3) assert.deepEqual([...r.data.subarray(i, i + 3)], [200, 100, 30]);
  }
});

test('shrinking averages every pixel (a fine checkerboard becomes mid-grey, not black or white)', () => {
  const checker = image(64, 64, (x, y) => ((x + y) % 2 ? 255 : 0));
  const small = resizeImage(checker, 8, 8);
  for (const v of small.data) assert.ok(Math.abs(v - 127.5) <= 2, `value ${v}`);
});

test('enlarging a ramp stays monotonic and within the source range', () => {
  const ramp = image(16, 1, (x) => x * 16);
  const big = resizeImage(ramp, 64, 1);
  for (let x = 1; x < 64; x++) assert.ok(big.data[x * 3] >= big.data[(x - 1) * 3]);
  assert.ok(big.data[0] >= 0 && big.data[63 * 3] <= 240);
});

test('padding to a multiple repeats the edge pixels, and cropping gives the original back', () => {
  const img = image(10, 6, (x, y, c) => x * 20 + y + c);
  const p = padToMultiple(img, 4);
  assert.equal(p.width, 12);
  assert.equal(p.height, 8);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 12; x++) {
      const sx = Math.min(x, 9);
      const sy = Math.min(y, 5);
      assert.equal(p.data[(y * 12 + x) * 3 + 1], img.data[(sy * 10 + sx) * 3 + 1]);
    }
  }
  assert.deepEqual(cropImage(p, 0, 0, 10, 6), img);
  assert.equal(padToMultiple(img, 2), img, 'already a multiple: untouched');
});

test('fitLongSide keeps the aspect ratio', () => {
  assert.deepEqual(fitLongSide(1920, 1080, 512), { width: 512, height: 288 });
  assert.deepEqual(fitLongSide(1080, 1920, 512), { width: 288, height: 512 });
  assert.deepEqual(fitLongSide(4000, 10, 100), { width: 100, height: 1 });
});
