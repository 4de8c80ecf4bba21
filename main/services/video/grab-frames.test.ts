import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grabFrames } from './grab-frames';
import { frameNumberOf, numberedClip } from './video-fixtures';

test('one run gives each window its frame and stops decoding after the last one (not at the end of the video)', async () => {
  const path = numberedClip(); // 20 fps: frame n at n / 20 s
  const at = (n: number) => ({ from: n / 20 - 0.02, to: n / 20 + 0.02 });
  const seen: number[] = [];
  const r = await grabFrames(path, [at(3), at(7), at(8)], {
    width: 160, height: 90,
    onFrame: async (k, f) => void seen.push(k, frameNumberOf(f.data, 160, 90)),
  });
  assert.deepEqual(seen, [0, 3, 1, 7, 2, 8], 'window, frame number: in decoding order');
  assert.deepEqual(r.found, [true, true, true]);
  assert.equal(r.code, 0);
  // Killed once every window had its frame: the sentinel frame after the last window is never even needed.
  assert.ok(r.passedEnd === undefined || r.passedEnd <= 9 / 20 + 1e-6, `decoded up to ${r.passedEnd}`);

  const missing = await grabFrames(path, [at(3), { from: 4.01 / 20, to: 4.02 / 20 }], { width: 160, height: 90 });
  assert.deepEqual(missing.found, [true, false], 'a window between two frames finds nothing');
  assert.ok(missing.passedEnd !== undefined && Math.abs(missing.passedEnd - 5 / 20) < 1e-6, `stopped at the first frame after it (${missing.passedEnd}), not at the end of the video`);
  assert.equal(frameNumberOf(missing.frames[0]!.data, 160, 90), 3);
});
