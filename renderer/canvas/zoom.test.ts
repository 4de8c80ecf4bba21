import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitPage, fitWidth, REAL_SIZE, toPage, zoomAt } from './zoom';

const a4 = { width: 210, height: 297 };

test('zoom: fit page and fit width frame the page; zooming about a point keeps that point still; clamped', () => {
  const v = fitPage({ width: 800, height: 600 }, a4);
  assert.ok(Math.abs(v.scale - (600 - 48) / 297) < 1e-9);
  assert.ok(Math.abs(v.x + (a4.width * v.scale) / 2 - 400) < 1e-9, 'centred');
  const w = fitWidth({ width: 800, height: 600 }, a4);
  assert.ok(Math.abs(w.scale * 210 - 752) < 1e-9);
  const at = { x: 300, y: 200 };
  const under = toPage(v, at);
  const z = zoomAt(v, 2, at);
  assert.ok(Math.abs(z.scale - 2 * v.scale) < 1e-9);
  const still = toPage(z, at);
  assert.ok(Math.abs(still.x - under.x) < 1e-9 && Math.abs(still.y - under.y) < 1e-9);
  assert.equal(zoomAt(v, 1000, at).scale, 40);
  assert.ok(REAL_SIZE > 3.7 && REAL_SIZE < 3.8);
});
