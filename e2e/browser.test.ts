import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Project } from '../app/project';
import { defaultProjectDir } from '../main/api/keyframes-command';
import { locateFfmpeg, makeSampleVideo } from '../main/services/video';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { FIXTURE_DIR } from '../test-support/fixtures';
import { addSpeechBalloon, cancelFromTheUi, goToStep, markRegion, reshapeFirstPanel, splitAndMovePages, layOutComic, makeComic, makePanels, reviewKeyframes, runEditorFlow, watchProblems } from './editor-flow';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { serve } from './serve-host';

test('browser host in Chromium: engines shown, sample analysed with progress, shots with loaded thumbnails, panels in the built-in style, cancel', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const data = mkdtempSync(join(tmpdir(), 'ycis-e2e-data-'));
  process.env.YOUR_CARTOON_DATA = data;
  // The suite's cached sample stands in for a first "make" (the API test covers making it): saves ~4 s.
  mkdirSync(join(data, 'sample'));
  copyFileSync(makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), join(data, 'sample', 'sample.mp4'));
  // A damaged review from "an earlier session": the analysis sets it aside, says so, and starts a new one.
  const damagedDir = defaultProjectDir(join(data, 'sample', 'sample.mp4'));
  mkdirSync(damagedDir, { recursive: true });
  writeFileSync(join(damagedDir, 'project.json'), '{ "schema": 1, "keyframes": [');

  // Hooks run in order: the browser closes (ending its event stream) before the server stops.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-e2e-ui-'))));
  t.after(server.stop);
  // One browser profile (context): its tabs share the session cookie the address's one-time code gave.
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);
  assert.ok(!page.url().includes('code='), `the one-time code is taken out of the address bar: ${page.url()}`);

  const flow = await runEditorFlow(page, locateFfmpeg().path);
  assert.match((await page.getByTestId('analysis-warning').first().textContent()) ?? '', /project\.json: damaged .* kept as .*project\.json\.damaged-/);
  assert.ok(readdirSync(damagedDir).some((f) => f.startsWith('project.json.damaged-')), 'the damaged review is kept');
  assert.equal(flow.shots, 5, 'the sample has 5 shots');
  assert.ok(flow.keyframes >= flow.shots, `key frames: ${flow.keyframes}`);
  // The timeline shows each key frame's 320-px thumbnail (thumbs/), not its 1280x720 picture.
  for (const [w, h] of flow.imageSizes) assert.deepEqual([w, h], [320, 180]);
  // So does the tray of kept frames along the bottom.
  assert.equal(flow.traySizes.length, flow.keyframes);
  for (const [w, h] of flow.traySizes) assert.deepEqual([w, h], [320, 180]);

  const review = await reviewKeyframes(page);
  const [projectFile] = readdirSync(join(data, 'projects')).map((d) => join(data, 'projects', d, 'project.json'));
  // Saves run in the background: wait (a little) until project.json says what the editor shows.
  const savedWhere = async (what: string, holds: (p: Project) => boolean): Promise<Project> => {
    for (let i = 0; i < 100; i++) {
      const p = JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
      if (holds(p)) return p;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`project.json never showed ${what}: ${readFileSync(projectFile, 'utf8').slice(0, 400)}`);
  };
  await savedWhere('the drop and the added frame', (p) =>
    p.keyframes.filter((k) => k.status === 'rejected').length === 1 && p.keyframes.filter((k) => k.origin === 'manual').length === 1,
  );

  assert.equal(await markRegion(page), '1 marked');
  await savedWhere('the marked region', (p) => Object.values(p.regions ?? {}).flat().some((s) => s.kind === 'box' && s.width > 0.2 && s.height > 0.4));
  const panels = await makePanels(page);
  assert.match(panels.licence, /Licence:/);
  assert.match(panels.summary, new RegExp(`^${review.inComic} panels with builtin-toon on CPU`));
  assert.equal(panels.panelSizes.length, review.inComic);
  // The built-in style keeps the frame's shape (it may work at a smaller size than the 1280x720 frame).
  for (const [w, h] of panels.panelSizes) assert.ok(w >= 320 && Math.abs(w / h - 16 / 9) < 0.01, `panel ${w}x${h}`);
  assert.ok(existsSync(join(data, 'projects')), 'the panels live in the project folder');

  await goToStep(page, 'pages');
  await page.getByTestId('page-size').selectOption('letter');
  const layout = await layOutComic(page);
  assert.equal(layout.pages, 1, 'six panels on one 2-2-2 page');
  assert.match(layout.afterTemplate, /^Undo: Page 1: layout 2-2-2/);
  assert.match(layout.afterDrag, /^Undo: Move a picture in its panel/);
  // Dragged left: the picture shows more of its right.
  await savedWhere('the template and the drag', (p) => p.layout?.pages?.[0].template === '2-2-2' && Object.values(p.layout?.crops ?? {}).some((c) => c.centerX > 0.5));
  assert.match(await reshapeFirstPanel(page), /^Undo: Resize a panel/);
  assert.match(await addSpeechBalloon(page, 'Where did the deer go?'), /^Undo: Edit a balloon’s text/);
  await savedWhere('the taller first panel and the balloon', (p) => {
    const reshaped = p.layout?.pages?.[0].panels[0].outline ?? [];
    const balloons = Object.values(p.layout?.balloons ?? {}).flat().map((b) => `${b.kind}: ${b.text}`);
    return Math.max(...reshaped.map((c) => c.y)) > 12 + (279.4 - 24 - 8) / 3 + 5 && balloons.join() === 'speech: Where did the deer go?';
  });
  const [split, moved] = await splitAndMovePages(page);
  assert.match(split, /^Undo: Add a blank page/);
  assert.match(moved, /^Undo: Move page 2 to 1/);
  const comic = await makeComic(page, 'letter');
  const pages = 2;
  // The balloon's panel was on page 1; that page is now the second (a blank page before it).
  const pdfFile = join(dirname(projectFile), 'comic.pdf');
  const words = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), pdfFile, '-'], { encoding: 'utf8' });
  if (!words(1).error) {
    assert.match(words(2).stdout.replace(/\s+/g, ' '), /Where did the deer go\?/, 'the balloon is lettered in the PDF, on page 2');
    assert.doesNotMatch(words(1).stdout, /deer/);
  }
  assert.match(comic.summary, new RegExp(`${pages} pages?, ${review.inComic} panels · saved as .*comic\\.pdf`));
  // "Open the PDF" serves the file itself, through the same token-checked route as the pictures.
  const pdf = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
  }, comic.href);
  assert.deepEqual(pdf, { type: 'application/pdf', head: '%PDF-' });

  const screenshots = mkdtempSync(join(tmpdir(), 'ycis-e2e-shots-'));
  const shot = join(screenshots, 'browser-keyframes.png');
  await page.screenshot({ path: shot, fullPage: true });
  t.diagnostic(`screenshot: ${shot}`);

  // Another tab (or the same after a reload): the sample's saved review opens as it was left, without analysing.
  // (The address's code worked once; this tab of the same browser is signed in by the session cookie.)
  const later = await context.newPage();
  await later.goto(server.url);
  // The workspace comes back to the project it showed (the review on the Key frames step).
  await later.getByTestId('in-comic').waitFor({ timeout: 15_000 });
  assert.equal(await later.getByTestId('in-comic').textContent(), `${review.inComic} of ${review.found + 1}`);
  assert.equal(await later.locator('[data-testid=timeline-keyframe][data-status=dropped]').count(), 1);
  assert.equal(await later.locator('[data-testid=timeline-keyframe][data-origin=manual]').count(), 1);
  // The panels drawn before come back without drawing them again, and so do the pages as they were laid out.
  await goToStep(later, 'style');
  await later.getByTestId('stylize-summary').waitFor({ timeout: 15_000 });
  assert.match((await later.getByTestId('stylize-summary').textContent()) ?? '', new RegExp(`^${review.inComic} panels with builtin-toon, drawn earlier`));
  await goToStep(later, 'pages');
  await later.waitForFunction(() => document.querySelectorAll('[data-testid=page-thumb]').length === 2);
  const reopened = join(screenshots, 'browser-reopened.png');
  await later.screenshot({ path: reopened });
  t.diagnostic(`screenshot: ${reopened}`);
  await later.close();

  await cancelFromTheUi(page);
  // A cancelled re-run leaves the review on screen as it was.
  assert.equal(await page.getByTestId('shots').count(), 1);
  assert.equal(await page.getByTestId('in-comic').textContent(), `${review.inComic} of ${review.found + 1}`);
  assert.deepEqual(problems, []);

  // A page opened without the token cannot use the API, and says why.
  const stranger = await browser.newPage();
  await stranger.goto(server.url.replace(/#.*/, ''));
  await stranger.getByText(/valid token is required/).waitFor();
  await stranger.close();
});
