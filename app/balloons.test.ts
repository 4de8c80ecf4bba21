import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balloonFont, balloonShape, isBalloon, newBalloon, PT_MM, tailTriangle } from './balloons';
import { testFaces as serverFaces } from '../test-support/lettering-faces';

const panel = { x: 10, y: 20, width: 100, height: 60 };

test('balloon shape: outline where the balloon is, the words inside it, the tail towards its tip', () => {
  const b = { ...newBalloon('b1', 'speech'), text: 'Hello there', x: 0.5, y: 0.25 };
  const s = balloonShape(b, panel, serverFaces);
  assert.deepEqual([s.outline.cx, s.outline.cy], [60, 35]);
  assert.deepEqual(s.text.lines.map((l) => l.text), ['Hello there']);
  for (const l of s.text.lines) assert.ok(Math.abs(l.box.x) + l.box.width / 2 <= s.outline.rx && Math.abs(l.box.y) <= s.outline.ry, 'the words sit inside');
  const [a, tip, c] = tailTriangle(s)!;
  assert.deepEqual(tip, { x: 10 + 0.35 * 100, y: 20 + 0.65 * 60 });
  assert.ok(a.y > s.outline.cy && c.y > s.outline.cy, 'the tail leaves the balloon on the side of its tip');
  assert.equal(balloonShape(newBalloon('c', 'caption'), panel, serverFaces).tail, undefined);
});

test('balloon fit: grow makes the outline hold the words; shrink keeps the outline and makes the letters smaller', () => {
  const long = 'A balloon with a great many words in it, more than its little outline can hold at nine points';
  const grow = balloonShape({ ...newBalloon('g', 'speech'), text: long, width: 0.3, height: 0.1, fit: 'grow' }, panel, serverFaces);
  assert.ok(grow.text.fits, 'grown to fit');
  assert.ok(grow.outline.ry * 2 > 0.1 * 60, 'taller than asked');
  assert.equal(grow.text.sizeMm, 9 * PT_MM);
  const shrink = balloonShape({ ...newBalloon('s', 'speech'), text: long, width: 0.3, height: 0.3, fit: 'shrink' }, panel, serverFaces);
  assert.deepEqual([shrink.outline.rx * 2, shrink.outline.ry * 2].map((v) => Math.round(v * 10) / 10), [30, 18]);
  assert.ok(shrink.text.fits && shrink.text.sizeMm < 9 * PT_MM, `letters shrunk to ${shrink.text.sizeMm / PT_MM} pt`);
});

test('balloon font follows the script unless one is chosen; malformed balloons are refused', () => {
  assert.equal(balloonFont({ ...newBalloon('a', 'speech'), text: '안녕' }), 'pretendard');
  assert.equal(balloonFont({ ...newBalloon('a', 'speech'), text: 'こんにちは' }), 'pretendard-jp');
  assert.equal(balloonFont({ ...newBalloon('a', 'speech'), text: 'Hi' }), 'comic-neue');
  assert.equal(balloonFont({ ...newBalloon('a', 'speech'), text: 'Hi', font: 'pretendard' }), 'pretendard');
  assert.ok(isBalloon({ ...newBalloon('a', 'sfx'), vertical: true, stroke: '#ffffff', strokeWidth: 2 }));
  assert.ok(!isBalloon({ ...newBalloon('a', 'speech'), font: 'Comic Sans' }));
  assert.ok(!isBalloon({ ...newBalloon('a', 'speech'), color: 'red;' }));
  assert.ok(!isBalloon({ ...newBalloon('a', 'speech'), kind: 'banner' }));
});
