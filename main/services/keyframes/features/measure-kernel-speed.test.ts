import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS as P } from '../../../../app/keyframes';
import { measureKernelSpeed } from './measure-kernel-speed';
import { decodeTestFrames, lavfi } from './test-frames';

test('measureKernelSpeed times both kernels on real frames', () => {
  const frames = [
    ...decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 256, 16),
    ...decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25'), 256, 16),
  ];
  const s = measureKernelSpeed(frames, P, { repeats: 2, shots: [[0, 15], [16, 31]] });
  assert.equal(s.frames, 32);
  assert.equal(s.width, 256);
  assert.ok(s.typescriptMsPerFrame > 0 && s.typescript.featuresMsPerFrame > 0);
  if (s.nativeMsPerFrame === null) {
    assert.match(s.nativeUnavailable ?? '', /native/);
    return;
  }
  assert.equal(s.sameClusters, true);
  // The target is ≥ 10x; under a loaded test run only assert that native is clearly faster.
  assert.ok((s.speedup ?? 0) > 3, `speedup ${s.speedup}`);
});
