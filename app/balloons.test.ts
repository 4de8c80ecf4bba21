import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balloonShape, newBalloon, tailTriangle, textWidthMm, wrapBalloonText } from './balloons';

test('balloon text: Helvetica Bold widths, words wrapped to the width, long words on their own line', () => {
  // "HELLO" at 10 pt: H 722 + E 667 + L 611 + L 611 + O 778 = 3389 units → 33.89 pt → 11.96 mm.
  assert.ok(Math.abs(textWidthMm('HELLO', 10) - 11.956) < 0.01);
  const lines = wrapBalloonText('WHERE DID THE DEER GO? I SAW IT BY THE ROCK', 30, 9);
  assert.ok(lines.length >= 2, JSON.stringify(lines));
  for (const l of lines) assert.ok(textWidthMm(l, 9) <= 30 || !l.includes(' '), l);
  assert.equal(lines.join(' '), 'WHERE DID THE DEER GO? I SAW IT BY THE ROCK');
  assert.deepEqual(wrapBalloonText('ONE\nTWO', 100, 9), ['ONE', 'TWO']);
});

test('balloon shape: text block centred where the balloon is, outline around it, tail towards its tip', () => {
  const panel = { x: 10, y: 20, width: 100, height: 60 };
  const b = { ...newBalloon('b1', 'speech'), text: 'Hello there', x: 0.5, y: 0.25 };
  const s = balloonShape(b, panel);
  assert.deepEqual([s.outline.cx, s.outline.cy], [60, 35]);
  assert.deepEqual(s.lines, ['HELLO THERE']);
  assert.ok(s.outline.rx > s.text.width / 2 && s.outline.ry > s.text.height / 2, 'the outline holds the text');
  const [a, tip, c] = tailTriangle(s)!;
  assert.deepEqual(tip, { x: 10 + 0.35 * 100, y: 20 + 0.65 * 60 });
  assert.ok(a.y > s.outline.cy && c.y > s.outline.cy, 'the tail leaves the balloon on the side of its tip');
  assert.equal(balloonShape(newBalloon('c', 'caption'), panel).tail, undefined);
});
