import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fadeRampFrames } from './fade-ramps';

const signal = (stdLuma: number) => ({ stdLuma });

test('fadeRampFrames: the ramps on both sides of a blank run, up to where the contrast settles', () => {
  // picture (0.2) fading out over 4 frames, 3 blank frames, a new picture (0.3) fading in over 3 frames
  const std = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.15, 0.1, 0.05, 0.02, 0, 0, 0, 0.1, 0.2, 0.3, 0.29, 0.3, 0.31, 0.3, 0.3, 0.3];
  const blank = std.map((s) => s < 0.03);
  const fading = fadeRampFrames(std.map(signal), blank, 10, 1);
  const marked = fading.flatMap((f, i) => (f ? [i] : []));
  assert.deepEqual(marked, [6, 7, 8, 13, 14]);
});

test('fadeRampFrames: a cut out of black marks nothing; the ramp stops at fadeMaxSeconds; 0 turns it off', () => {
  const cut = [0, 0, 0, 0.3, 0.31, 0.29, 0.3, 0.3];
  assert.deepEqual(fadeRampFrames(cut.map(signal), cut.map((s) => s === 0), 10, 1), cut.map(() => false));
  const slow = [0, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3];
  const blank = slow.map((s) => s === 0);
  assert.deepEqual(fadeRampFrames(slow.map(signal), blank, 10, 0.3).flatMap((f, i) => (f ? [i] : [])), [2, 3, 4]);
  assert.ok(fadeRampFrames(slow.map(signal), blank, 10, 0).every((f) => !f));
});
