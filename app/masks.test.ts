import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawBox, drawBrush, drawPolygon, emptyMask, isMaskShape, maskArea, maskBounds, maskIoU, maskUnion, rasterizeShapes, scaleShape } from './masks';

test('box: integer box covers exactly its pixels, is clipped, accepts a negative width', () => {
  const m = drawBox(emptyMask(20, 10), { x: 3, y: 2, width: 5, height: 4 });
  assert.equal(maskArea(m), 20);
  assert.deepEqual(maskBounds(m), { x: 3, y: 2, width: 5, height: 4 });
  const clipped = drawBox(emptyMask(20, 10), { x: 15, y: -5, width: 100, height: 8 });
  assert.deepEqual(maskBounds(clipped), { x: 15, y: 0, width: 5, height: 3 });
  const flipped = drawBox(emptyMask(20, 10), { x: 8, y: 6, width: -5, height: -4 });
  assert.equal(maskIoU(flipped, m), 1);
  // Fractional edges: a pixel is in when its centre is (x 2.6 → first column 3; x+w 7.4 → last column 6).
  assert.deepEqual(maskBounds(drawBox(emptyMask(20, 10), { x: 2.6, y: 0, width: 4.8, height: 1 })), { x: 3, y: 0, width: 4, height: 1 });
});

test('polygon: a rectangle lasso equals the box; triangle and concave areas match the geometry', () => {
  const rect = drawPolygon(emptyMask(40, 30), [{ x: 5, y: 4 }, { x: 25, y: 4 }, { x: 25, y: 20 }, { x: 5, y: 20 }]);
  assert.equal(maskIoU(rect, drawBox(emptyMask(40, 30), { x: 5, y: 4, width: 20, height: 16 })), 1);

  const tri = drawPolygon(emptyMask(200, 200), [{ x: 10, y: 10 }, { x: 190, y: 10 }, { x: 10, y: 190 }]);
  const exact = (180 * 180) / 2;
  assert.ok(Math.abs(maskArea(tri) - exact) < 0.01 * exact, `triangle area ${maskArea(tri)} vs ${exact}`);
  assert.equal(tri.data[15 * 200 + 15], 1);
  assert.equal(tri.data[150 * 200 + 150], 0, 'beyond the hypotenuse');

  // An L: 20x20 square minus its 10x10 top-right quarter = 300 px, exactly (integer vertices).
  const l = drawPolygon(emptyMask(30, 30), [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 10 }, { x: 20, y: 20 }, { x: 0, y: 20 }]);
  assert.equal(maskArea(l), 300);
  assert.equal(l.data[5 * 30 + 15], 0);

  // A self-crossing bow-tie (edges cross at the centre): the left and right lobes are filled, above and below not.
  const bow = drawPolygon(emptyMask(100, 100), [{ x: 0, y: 0 }, { x: 100, y: 100 }, { x: 100, y: 0 }, { x: 0, y: 100 }]);
  assert.equal(bow.data[50 * 100 + 5], 1, 'left lobe');
  assert.equal(bow.data[50 * 100 + 95], 1, 'right lobe');
  assert.equal(bow.data[5 * 100 + 50], 0, 'above the crossing');
  assert.equal(bow.data[95 * 100 + 50], 0, 'below the crossing');
  assert.ok(Math.abs(maskArea(bow) - 5000) < 100, `two triangles of 2500 px: ${maskArea(bow)}`);
  assert.equal(maskArea(drawPolygon(emptyMask(10, 10), [{ x: 1, y: 1 }, { x: 5, y: 5 }])), 0, 'fewer than 3 points');
});

test('brush: a dot is a disc, a stroke is a capsule, erase clears', () => {
  const dot = drawBrush(emptyMask(100, 100), [{ x: 50, y: 50 }], 10);
  assert.ok(Math.abs(maskArea(dot) - Math.PI * 100) < 12, `disc area ${maskArea(dot)}`);
  assert.equal(dot.data[50 * 100 + 50], 1);
  assert.equal(dot.data[50 * 100 + 62], 0);

  const stroke = drawBrush(emptyMask(200, 100), [{ x: 40, y: 50 }, { x: 100, y: 50 }, { x: 160, y: 50 }], 8);
  const capsule = 2 * 8 * 120 + Math.PI * 64;
  assert.ok(Math.abs(maskArea(stroke) - capsule) < 0.03 * capsule, `capsule area ${maskArea(stroke)} vs ${capsule}`);
  assert.deepEqual(maskBounds(stroke), { x: 32, y: 42, width: 136, height: 16 });

  const shapes = rasterizeShapes(200, 100, [
    { kind: 'box', x: 0, y: 0, width: 200, height: 100 },
    { kind: 'brush', points: [{ x: 100, y: 0 }, { x: 100, y: 100 }], radius: 5, erase: true },
  ]);
  assert.equal(shapes.data[50 * 200 + 100], 0);
  assert.equal(shapes.data[50 * 200 + 90], 1);
  assert.equal(maskArea(shapes), 200 * 100 - 10 * 100);
});

test('union, IoU and bounds', () => {
  const a = drawBox(emptyMask(10, 10), { x: 0, y: 0, width: 4, height: 10 });
  const b = drawBox(emptyMask(10, 10), { x: 2, y: 0, width: 4, height: 10 });
  assert.equal(maskArea(maskUnion([a, b], 10, 10)), 60);
  assert.equal(maskIoU(a, b), 20 / 60);
  assert.equal(maskIoU(emptyMask(3, 3), emptyMask(3, 3)), 1);
  assert.equal(maskBounds(emptyMask(3, 3)), undefined);
  assert.throws(() => maskIoU(a, emptyMask(5, 5)), /differ in size/);
  assert.throws(() => emptyMask(0, 4), /positive integers/);
});

test('isMaskShape: well-formed shapes in fractions of a picture; out-of-range, empty brush or huge strokes refused', () => {
  assert.ok(isMaskShape({ kind: 'box', x: 0.1, y: 0.2, width: 0.3, height: 0.4 }));
  assert.ok(isMaskShape({ kind: 'polygon', points: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0.5, y: 1 }] }));
  assert.ok(isMaskShape({ kind: 'brush', points: [{ x: 0.5, y: 0.5 }], radius: 0.05, erase: true }));
  for (const bad of [
    { kind: 'box', x: 40, y: 0, width: 0.1, height: 0.1 },
    { kind: 'box', x: 0, y: 0, width: -0.2, height: 0.1 },
    { kind: 'brush', points: [{ x: 0.5, y: 0.5 }], radius: 0 },
    { kind: 'brush', points: [{ x: 0.5, y: 0.5 }], radius: 1 },
    { kind: 'brush', points: Array.from({ length: 10_001 }, () => ({ x: 0.5, y: 0.5 })), radius: 0.01 },
    { kind: 'polygon', points: [] },
    { kind: 'circle', x: 0.5 },
    null,
  ]) assert.equal(isMaskShape(bad), false, JSON.stringify(bad).slice(0, 80));
  // Fractions to pixels of a 200×100 picture: a brush's radius follows the width.
  assert.deepEqual(scaleShape({ kind: 'box', x: 0.25, y: 0.5, width: 0.5, height: 0.5 }, 200, 100), { kind: 'box', x: 50, y: 50, width: 100, height: 50 });
  assert.deepEqual(scaleShape({ kind: 'brush', points: [{ x: 0.5, y: 0.5 }], radius: 0.1 }, 200, 100), { kind: 'brush', points: [{ x: 100, y: 50 }], radius: 20 });
});
