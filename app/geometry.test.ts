import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  area,
  chordLength,
  boundingBox,
  convexHull,
  isAxisRect,
  isConvexOutline,
  offsetEdges,
  outlineDistance,
  outlinesOverlap,
  pointInOutline,
  rectOutline,
  splitOutline,
  type Outline,
} from './geometry';

const square = rectOutline({ x: 10, y: 10, width: 100, height: 60 });
const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test('split: a horizontal, a vertical and a slanted cut each leave exactly the gutter between the two parts', () => {
  const [below, above] = splitOutline(square, { x: 0, y: 40 }, { x: 200, y: 40 }, 4);
  assert.deepEqual(boundingBox(above), { x: 10, y: 10, width: 100, height: 28 });
  assert.deepEqual(boundingBox(below), { x: 10, y: 42, width: 100, height: 28 });
  const [left, right] = splitOutline(square, { x: 50, y: 0 }, { x: 50, y: 100 }, 6);
  close(boundingBox(left).x + boundingBox(left).width, 47);
  close(boundingBox(right).x, 53);
  // Slanted: the two parts' facing edges are parallel, 5 mm apart, and together with the gutter make the whole.
  const [a, b] = splitOutline(square, { x: 40, y: 10 }, { x: 70, y: 70 }, 5);
  close(outlineDistance(a, b), 5, 1e-6);
  assert.ok(isConvexOutline(a) && isConvexOutline(b));
  const cutLength = Math.hypot(30, 60) * (60 / 60);
  close(area(a) + area(b) + 5 * cutLength, area(square), 1e-6);
  assert.throws(() => splitOutline(square, { x: 0, y: 200 }, { x: 200, y: 200 }, 4), /does not cross the panel/);
  assert.throws(() => splitOutline(square, { x: 0, y: 12 }, { x: 200, y: 12 }, 4), /room for two panels/);
});

test('outlines: convexity (dents, crossings, stars refused), rectangles, hit tests, overlap and distance', () => {
  assert.ok(isConvexOutline(square) && isAxisRect(square));
  const dent: Outline = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 3 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
  assert.equal(isConvexOutline(dent), false);
  const bow: Outline = [{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 }];
  assert.equal(isConvexOutline(bow), false);
  const star = [0, 2, 4, 1, 3].map((i) => ({ x: Math.cos((i * 2 * Math.PI) / 5), y: Math.sin((i * 2 * Math.PI) / 5) }));
  assert.equal(isConvexOutline(star), false, 'a pentagram turns the same way at every corner, but twice round');
  assert.equal(isConvexOutline([{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 5 }]), false, 'a corner on a straight edge');
  assert.equal(isAxisRect([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 12, y: 10 }, { x: 0, y: 10 }]), false);
  assert.ok(pointInOutline({ x: 50, y: 50 }, square) && !pointInOutline({ x: 5, y: 50 }, square));
  const neighbour = rectOutline({ x: 114, y: 10, width: 50, height: 60 });
  assert.equal(outlinesOverlap(square, neighbour), false);
  close(outlineDistance(square, neighbour), 4);
  assert.ok(outlinesOverlap(square, rectOutline({ x: 100, y: 20, width: 50, height: 20 })));
  const hull = convexHull([...square, ...neighbour]);
  assert.deepEqual(boundingBox(hull), { x: 10, y: 10, width: 154, height: 60 });
  assert.equal(hull.length, 4);
});

test('offsetEdges: a panel grows by the given amount on the chosen edges only', () => {
  const grown = offsetEdges(square, (i) => (i === 1 ? 2 : 0));
  assert.deepEqual(boundingBox(grown), { x: 10, y: 10, width: 102, height: 60 });
  const shrunk = offsetEdges(square, () => -1);
  assert.deepEqual(boundingBox(shrunk), { x: 11, y: 11, width: 98, height: 58 });
});

test('chordLength: the part of a knife stroke inside a panel', () => {
  close(chordLength(square, { x: 0, y: 40 }, { x: 200, y: 40 }), 100);
  close(chordLength(square, { x: 50, y: 40 }, { x: 200, y: 40 }), 60);
  assert.equal(chordLength(square, { x: 0, y: 0 }, { x: 5, y: 5 }), 0);
});
