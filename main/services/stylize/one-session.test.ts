import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { shutdownInference } from './stylize-image';
import { stylizeFiles } from './stylize-files';

after(() => shutdownInference());

test('a job of many pictures runs on one onnxruntime session', async () => {
  await shutdownInference(); // a fresh worker: no session yet
  const dir = mkdtempSync(join(tmpdir(), 'one-session-'));
  const inputs: string[] = [];
  for (let i = 0; i < 4; i++) {
    inputs.push(join(dir, `p${i}.jpg`));
    await sharp({ create: { width: 120 + i * 8, height: 68, channels: 3, background: { r: 40 * i, g: 90, b: 160 } } }).jpeg().toFile(inputs[i]);
  }
  // The built-in style's graph in onnxruntime (on the CPU it is otherwise computed natively, with no session).
  const r = await stylizeFiles(inputs, join(dir, 'out'), { provider: 'cpu', engine: 'onnxruntime' });
  assert.equal(r.files.length, 4);
  assert.deepEqual(r.files.map((f) => f.sessionsOpened), [1, 1, 1, 1], 'the session made for the first picture serves them all');
});
