// Two tabs on one project in the browser host (docs/robustness.md, "two tabs save one project"): the second save,
// based on an older revision, is refused and said; the user loads the newer project (or keeps theirs), never a
// silent loss. Also: a body over the limit is answered 413 with a message the page can show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { JobEvent } from '../app/api';
import type { Project } from '../app/project';
import { createComicApi } from '../main/api';
import { defaultProjectDir } from '../main/api/keyframes-command';
import { makeSampleVideo } from '../main/services/video';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { FIXTURE_DIR } from '../test-support/fixtures';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { serve } from './serve-host';

test('two tabs on one project: the older tab\'s save is refused and said, it loads the newer project; nothing silently lost', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const data = mkdtempSync(join(tmpdir(), 'ycis-e2e-robust-'));
  process.env.YOUR_CARTOON_DATA = data;
  mkdirSync(join(data, 'sample'));
  const sample = join(data, 'sample', 'sample.mp4');
  copyFileSync(makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), sample);
  // The sample analysed once before (as a first session would have): both tabs open that saved review.
  const api = createComicApi();
  const ended = new Promise<JobEvent>((done) => api.onJobEvent((e) => e.type !== 'progress' && done(e)));
  await api.startKeyframes({ video: sample });
  assert.equal((await ended).type, 'done');
  await api.dispose();
  const projectFile = join(defaultProjectDir(sample), 'project.json');

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-e2e-robust-ui-'))));
  t.after(server.stop);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const open = async (first: boolean) => {
    const page = await context.newPage();
    await page.goto(server.url);
    if (first) {
      await page.getByTestId('use-sample').click();
      await page.getByTestId('open-saved').click({ timeout: 15_000 });
    }
    // A later tab reopens by itself the project this browser has open (the shell remembers it).
    await page.getByTestId('timeline-keyframe').first().waitFor({ timeout: 20_000 });
    return page;
  };
  const a = await open(true);
  const b = await open(false);
  // Drops the i-th key frame: picked on the timeline, then Drop on its large preview.
  const drop = async (page: typeof a, i: number) => {
    await page.getByTestId('timeline-keyframe').nth(i).click();
    await page.getByTestId('keyframe-card').getByTestId('drop').click();
  };
  const saved = (page: typeof a) => page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.textContent === 'Saved');

  await drop(a, 0);
  await saved(a);
  assert.equal((JSON.parse(readFileSync(projectFile, 'utf8')) as Project).keyframes[0].status, 'rejected');
  // Tab B still shows revision 1: its edit is refused, and it says so instead of "Saved".
  await drop(b, 1);
  await b.getByTestId('save-conflict').waitFor();
  assert.equal(await b.getByTestId('save-state').textContent(), 'Not saved');
  assert.match((await b.getByTestId('save-conflict').getAttribute('title')) ?? '', /project\.json: changed in another window or tab since this one loaded it/);
  const shots = mkdtempSync(join(tmpdir(), 'ycis-e2e-robust-shots-'));
  await b.screenshot({ path: join(shots, 'conflict-1280.png') });
  t.diagnostic(`screenshot: ${join(shots, 'conflict-1280.png')}`);
  const onDisk = JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
  assert.deepEqual([onDisk.keyframes[0].status, onDisk.keyframes[1].status], ['rejected', 'proposed'], 'tab A\'s save kept');

  // B loads the newer project: A's change is there, B's refused one is not, and B saves on from there.
  await b.getByTestId('conflict-load-theirs').click();
  await b.locator('[data-testid=timeline-keyframe]').first().and(b.locator('[data-status=dropped]')).waitFor();
  assert.equal(await b.getByTestId('save-conflict').count(), 0);
  await drop(b, 1);
  await saved(b);
  const after = JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
  assert.deepEqual([after.keyframes[0].status, after.keyframes[1].status, after.revision], ['rejected', 'rejected', 3]);

  // A body over the limit: answered 413 with a message (the page shows a reply's message), the connection not reset.
  const big = await a.evaluate(async () => {
    const r = await fetch('/api/call/saveProject', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: [{ pad: 'x'.repeat(17 << 20) }] }) });
    return { status: r.status, reply: await r.json() };
  });
  assert.equal(big.status, 413);
  assert.match(big.reply.error.message, /the request is too large \(17\.0 MB; the limit is 16\.0 MB\)/);
});
