import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisSize, displaySize, normaliseRotation, parseRatio, snapRate } from './video-geometry';

test('parses ffprobe ratios and rejects unknown ones', () => {
  assert.equal(parseRatio('30000/1001'), 30000 / 1001);
  assert.equal(parseRatio('16:11'), 16 / 11);
  assert.equal(parseRatio('25'), 25);
  for (const bad of ['0/0', '0:1', 'N/A', '', undefined, '1/0']) assert.equal(parseRatio(bad), undefined, String(bad));
});

test('rotation snaps to quarter turns, clockwise, any sign', () => {
  assert.deepEqual([0, 90, -90, 180, -180, 270, 360, 89.9, -270.2].map(normaliseRotation), [0, 90, 270, 180, 180, 270, 0, 90, 90]);
});

test('display size applies SAR to the width, then rotation swaps the sides', () => {
  assert.deepEqual(displaySize(320, 180, 16 / 11, 0), { width: 465, height: 180 });
  assert.deepEqual(displaySize(1920, 1080, 1, 90), { width: 1080, height: 1920 });
  assert.deepEqual(displaySize(720, 480, 8 / 9, 270), { width: 480, height: 640 });
});

test('analysis size keeps the display aspect with an even height', () => {
  assert.deepEqual(analysisSize({ width: 1920, height: 1080 }, 256), { width: 256, height: 144 });
  assert.deepEqual(analysisSize({ width: 480, height: 320 }, 256), { width: 256, height: 170 });
  assert.deepEqual(analysisSize({ width: 465, height: 180 }, 256), { width: 256, height: 100 });
  assert.deepEqual(analysisSize({ width: 180, height: 320 }, 256), { width: 256, height: 456 });
});

test('rates printed with two decimals snap to NTSC fractions', () => {
  assert.equal(snapRate(29.97), 30000 / 1001);
  assert.equal(snapRate(23.98), 24000 / 1001);
  assert.equal(snapRate(25), 25);
});
