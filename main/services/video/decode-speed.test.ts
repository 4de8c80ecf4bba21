import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSpeedReference } from './decode-speed';
import { streamFrames } from './stream-frames';
import { movingClip } from './video-fixtures';

test('decode-speed reference: ffmpeg alone at the analysis size, timed; our stream is within a small factor of it', async () => {
  const path = movingClip();
  const seconds = await decodeSpeedReference(path, 256);
  assert.ok(seconds > 0 && seconds < 10, `${seconds} s`);
  const started = process.hrtime.bigint();
  let n = 0;
  for await (const f of streamFrames(path, { width: 256 })) n += f.data.length > 0 ? 1 : 0;
  const ours = Number(process.hrtime.bigint() - started) / 1e9;
  assert.equal(n, 100);
  // Generous: a shared 2-core machine; includes our probe. Catches a pipe that copies quadratically or stalls.
  assert.ok(ours < seconds * 6 + 1, `ours ${ours.toFixed(3)} s vs ffmpeg alone ${seconds.toFixed(3)} s`);
});
