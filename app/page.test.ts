import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CENTERED_CROP, printDpi, visiblePart } from './page';

test('visiblePart: a wide picture in a square panel shows its centre, full height; zoom and pan stay inside it', () => {
  const pic = { width: 1600, height: 900 };
  assert.deepEqual(visiblePart(pic, { x: 0, y: 0, width: 50, height: 50 }, CENTERED_CROP), { x: 350, y: 0, width: 900, height: 900 });
  const zoomed = visiblePart(pic, { x: 0, y: 0, width: 50, height: 50 }, { centerX: 0, centerY: 0.5, zoom: 2 });
  assert.deepEqual(zoomed, { x: 0, y: 225, width: 450, height: 450 });
  // A panel of the picture's own shape shows all of it.
  assert.deepEqual(visiblePart(pic, { x: 5, y: 5, width: 160, height: 90 }, CENTERED_CROP), { x: 0, y: 0, width: 1600, height: 900 });
  assert.equal(Math.round(printDpi(1181, 100)), 300);
});
