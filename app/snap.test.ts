import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapMove, snapResize, snapTargets } from './snap';

const content = { x: 12, y: 12, width: 186, height: 273 };
const other = { x: 12, y: 12, width: 91, height: 80 };

test('snapping: a panel moved near a neighbour lands one gutter away; near the margin, on it; far, it stays', () => {
  const targets = snapTargets(content, [other], 4);
  const moved = snapMove({ x: 106.2, y: 13.1, width: 50, height: 50 }, targets, 2);
  assert.deepEqual(moved.box, { x: 107, y: 12, width: 50, height: 50 }, 'left edge a gutter from the neighbour, top on the margin');
  assert.deepEqual(moved.guides, [{ x: 107 }, { y: 12 }]);
  const free = snapMove({ x: 130, y: 150, width: 30, height: 30 }, targets, 2);
  assert.deepEqual(free, { box: { x: 130, y: 150, width: 30, height: 30 }, guides: [] });
  // The right edge snaps to the margin: the box's own right edge is the one measured.
  assert.equal(snapMove({ x: 147, y: 150, width: 50, height: 30 }, targets, 2).box.x, 148);
});

test('snapping a resize moves only the dragged edges', () => {
  const targets = snapTargets(content, [other], 4);
  const r = snapResize({ x: 120, y: 95, width: 77.3, height: 40 }, ['right', 'top'], targets, 2);
  assert.deepEqual(r.box, { x: 120, y: 96, width: 78, height: 39 });
  assert.deepEqual(r.guides, [{ x: 198 }, { y: 96 }]);
});
