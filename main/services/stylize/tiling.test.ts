import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '../../../app/video';
import { planAxis, planTiles, runTiled } from './tiling';

function noise(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  let s = 12345;
  for (let i = 0; i < data.length; i++) data[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  return { width, height, data };
}

test('tiles cover the axis, start on the size multiple, overlap at least as asked, and weights sum to 1', () => {
  for (const [length, tile, overlap, multiple] of [[1920, 512, 64, 4], [2160, 512, 64, 8], [1000, 256, 32, 1], [516, 512, 64, 4], [3840, 1024, 64, 4]]) {
    const p = planAxis(length, { tile, overlap, multiple });
    assert.equal(p.size % multiple, 0);
    assert.equal(p.starts[0], 0);
    assert.equal(p.starts.at(-1)! + p.size, length, 'last tile ends at the edge');
    p.starts.forEach((s, i) => {
      assert.equal(s % multiple, 0, `start ${s} on the ${multiple} grid`);
      if (i > 0) assert.ok(p.starts[i - 1] + p.size - s >= Math.min(overlap, p.size / 2) - multiple, `overlap at ${s}`);
    });
    const sum = new Float64Array(length);
    p.starts.forEach((s, i) => p.weights[i].forEach((w, k) => (sum[s + k] += w)));
    for (const v of sum) assert.ok(Math.abs(v - 1) < 1e-5);
  }
  assert.deepEqual(planAxis(300, { tile: 512, overlap: 64, multiple: 4 }).starts, [0], 'small frames are one tile');
});

test('the seam ramp gives a tile almost no weight at its inner edge', () => {
  const p = planAxis(1000, { tile: 512, overlap: 64, multiple: 4 });
  const second = p.weights[1];
  assert.ok(second[0] < 0.01, `inner edge weight ${second[0]}`);
  assert.ok(p.weights[0][0] > 0.99, 'the image border keeps full weight');
});

test('an identity runner gives the image back exactly, whatever the tiling', async () => {
  const img = noise(403, 211);
  for (const tile of [64, 100, 256, 1000]) {
    const plan = planTiles(img.width, img.height, { tile, overlap: 24, multiple: 1 });
    let calls = 0;
    const out = await runTiled(img, plan, async (t) => {
      calls++;
      return { width: t.width, height: t.height, data: Float32Array.from(t.data) };
    });
    assert.equal(calls, plan.count);
    assert.deepEqual(out, img, `tile ${tile}`);
  }
});

test('a picture run whole: the runner gets the picture itself, its floats rounded and clamped as the tiled path does', async () => {
  const img = noise(40, 20);
  const plan = planTiles(img.width, img.height, { tile: 512, overlap: 24, multiple: 4 });
  assert.equal(plan.count, 1);
  const values = [300, -5, 10.5, 10.49, 254.6, Number.NaN, -0.4, 0.5];
  const out = await runTiled(img, plan, async (t) => {
    assert.equal(t, img, 'no copy of the picture');
    return { width: t.width, height: t.height, data: Float32Array.from({ length: t.data.length }, (_, i) => values[i % values.length]) };
  });
  assert.deepEqual([...out.data.subarray(0, 8)], [255, 0, 11, 10, 255, 0, 0, 1]);
  assert.notEqual(out.data, img.data);
});

test('tiles that disagree are feathered: no jump at the seams', async () => {
  // Each tile returns a flat grey that depends on the tile: the blend must ramp between them.
  const img = noise(600, 100);
  const plan = planTiles(img.width, img.height, { tile: 256, overlap: 64, multiple: 4 });
  const out = await runTiled(img, plan, async (t, i) => ({ width: t.width, height: t.height, data: new Float32Array(t.data.length).fill(i % 2 ? 200 : 40) }));
  let maxStep = 0;
  for (let x = 1; x < img.width; x++) maxStep = Math.max(maxStep, Math.abs(out.data[(50 * 600 + x) * 3] - out.data[(50 * 600 + x - 1) * 3]));
  assert.ok(maxStep <= 8, `largest step between neighbours ${maxStep} (hard seam would be 160)`);
});
