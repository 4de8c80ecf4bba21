import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { KeyframesDocument } from '../../../app/keyframes';
import { captureIO } from '../../../test-support/cli-capture';
import { main } from '../../cli';
import { SAME_PICTURE_FIXTURES } from '../../services/keyframes/same-picture-fixtures';

test('keyframes CLI --explain: a key frame dropped as the same picture says which kept one it repeats, on stderr and in keyframes.json', async () => {
  const video = SAME_PICTURE_FIXTURES.exposureFractal.make();
  const dir = mkdtempSync(join(tmpdir(), 'ycis-kf-dups-'));
  const c = captureIO();
  assert.equal(await main(['keyframes', video, '--out', dir, '--json', '--explain', '--max-width', '160'], c.io), 0, c.err());
  const doc = JSON.parse(c.out()) as KeyframesDocument;
  assert.equal(doc.keyframes.length, 1);
  const [d] = doc.explain?.duplicates ?? [];
  assert.ok(d, JSON.stringify(doc.explain));
  assert.equal(d.reason, 'same picture');
  assert.equal(d.duplicateOf.frame, doc.keyframes[0].frame);
  assert.ok(d.newShare !== undefined && d.newShare <= d.threshold);
  const line = c.err().split('\n').find((l) => l.startsWith(`key frame ${d.frame} `));
  assert.match(
    line ?? '',
    new RegExp(`^key frame ${d.frame} \\([\\d.]+ s, shot 0\\) dropped: repeats frame ${d.duplicateOf.frame} \\(shot 0\\): ` +
      'same picture, new content [\\d.]+ ≤ threshold 0.300 \\(similarity [\\d.]+\\)$'),
    c.err(),
  );
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'keyframes.json'), 'utf8')).explain, doc.explain);
  assert.ok(!doc.keyframes.some((k) => k.frame === d.frame), 'the dropped frame has no image');
});
