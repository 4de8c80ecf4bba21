import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costText, formatSeconds, panelSize, perFrameMs } from './cost';

test('the cost of a run from one measured frame', () => {
  assert.equal(formatSeconds(0.42), '0.4 s');
  assert.equal(formatSeconds(42), '42 s');
  assert.equal(formatSeconds(200), '3 min 20 s');
  assert.equal(formatSeconds(120), '2 min');
  const exact = perFrameMs({ ms: 1500, processedWidth: 450, processedHeight: 254 }, 450 * 254);
  assert.deepEqual(exact, { ms: 1500, exact: true });
  assert.equal(costText(exact, 6), '1.5 s a frame, 9.0 s for 6 frames');
  // A draft at a quarter of the pixels: four times the time at the panel's size, said to be a guess.
  const scaled = perFrameMs({ ms: 400, processedWidth: 225, processedHeight: 127 }, 450 * 254);
  assert.ok(Math.abs(scaled.ms - 1600) < 20, String(scaled.ms));
  assert.match(costText(scaled, 1), /^about 1\.6 s a frame, 1\.6 s for 1 frame$/);
  assert.deepEqual(panelSize(1280, 720, 450), { width: 450, height: 253 });
  assert.deepEqual(panelSize(320, 180, 450), { width: 320, height: 180 });
  assert.deepEqual(panelSize(1280, 720), { width: 1280, height: 720 });
});
