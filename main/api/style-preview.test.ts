import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { decodeImage } from '../services/video';
import { createComicApi } from './comic-api';
import { dispatchCommand } from './dispatch';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-previews-'));

test('a style card preview is made from the sample photo by the product, once, in the data folder', async () => {
  const api = createComicApi();
  const first = await api.stylePreview({ model: 'builtin-toon' });
  assert.equal(first.cached, false);
  assert.deepEqual([first.width, first.height], [384, 216]);
  assert.ok(first.ms > 0);
  const file = await api.resolveImage(first.image);
  assert.ok(file.startsWith(join(process.env.YOUR_CARTOON_DATA!, 'style-previews')), file);
  const picture = await decodeImage(file);
  assert.deepEqual([picture.width, picture.height], [384, 216]);
  const again = await api.stylePreview({ model: 'builtin-toon' });
  assert.equal(again.cached, true);
  assert.equal(again.ms, first.ms, 'the time it took is kept with it');
  assert.equal(await api.resolveImage(again.image), file);
  const unknown = await dispatchCommand(api, 'stylePreview', [{ model: 'no-such-style' }]);
  assert.match(unknown.ok ? '' : unknown.error.message, /no model "no-such-style"/);
});

test('a key frame preview: a draft at a small size, the panel size for before/after, made again when the frame changes', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-previews-project-'));
  const frame = makeWithFfmpeg('preview-frame-640x360.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x360', '-frames:v', '1']);
  const past = new Date(Date.now() - 60_000);
  utimesSync(frame, past, past);
  const draft = await api.stylePreview({ model: 'builtin-toon', image: frame, projectDir, size: 160 });
  assert.deepEqual([draft.processedWidth, draft.processedHeight], [160, 90]);
  assert.deepEqual([draft.width, draft.height], [640, 360]);
  const panel = await api.stylePreview({ model: 'builtin-toon', image: frame, projectDir });
  assert.deepEqual([panel.processedWidth, panel.processedHeight], [640, 360]);
  assert.ok((await api.resolveImage(panel.image)).startsWith(join(projectDir, 'previews', 'builtin-toon', 'panel')));
  assert.equal((await api.stylePreview({ model: 'builtin-toon', image: frame, projectDir })).cached, true);
  const now = new Date();
  utimesSync(frame, now, now);
  assert.equal((await api.stylePreview({ model: 'builtin-toon', image: frame, projectDir })).cached, false, 'the frame changed: made again');
  await assert.rejects(api.stylePreview({ model: 'builtin-toon', image: frame }), /needs projectDir/);
  await assert.rejects(api.stylePreview({ model: 'builtin-toon', image: frame, projectDir, size: 3 }), /size must be/);
  assert.equal(existsSync(join(projectDir, 'previews', 'builtin-toon', '160')), true);
});
