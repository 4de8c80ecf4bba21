// The Style step in Chromium against the browser host, with the real CartoonGAN Shinkai of ../shared/models:
// installed from a folder into this test's own data folder, chosen with its preview, the kept frames stylized (one
// panel in a style of its own), the comic exported. Screenshots are kept as test artefacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { bundledModelFile } from '../main/services/store';
import { makeSampleVideo } from '../main/services/video';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { FIXTURE_DIR, sharedModel } from '../test-support/fixtures';
import { goToStep, makeComic, watchProblems } from './editor-flow';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { analyseSample, chooseStyle, dropModelFile, installFromFolder, waitForPicture } from './styles-flow';
import { serve } from './serve-host';

test('style chooser in Chromium: install Shinkai from a folder, choose it by its preview, stylize the kept frames, export', { timeout: 30 * 60_000 }, async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const shinkai = sharedModel('cartoongan_shinkai.onnx');
  if (!shinkai) return t.skip('skipped: ../shared/models/cartoongan_shinkai.onnx is absent');
  const data = mkdtempSync(join(tmpdir(), 'ycis-e2e-styles-data-'));
  process.env.YOUR_CARTOON_DATA = data;
  mkdirSync(join(data, 'sample'));
  copyFileSync(makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), join(data, 'sample', 'sample.mp4'));
  // The user's download folder: the Shinkai file, as the README's folder holds it (linked, not copied).
  const downloads = mkdtempSync(join(tmpdir(), 'ycis-e2e-styles-downloads-'));
  symlinkSync(shinkai, join(downloads, 'cartoongan_shinkai.onnx'));
  const shots = mkdtempSync(join(tmpdir(), 'ycis-e2e-styles-shots-'));
  const screenshot = async (name: string) => {
    const file = join(shots, name);
    await page.screenshot({ path: file });
    t.diagnostic(`screenshot: ${file}`);
  };

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-e2e-styles-ui-'))));
  t.after(server.stop);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);
  await page.getByTestId('ffmpeg').waitFor();
  const kept = await analyseSample(page);
  await goToStep(page, 'style');

  // Only the built-in style to begin with; its card shows the sample photo in it.
  await page.getByTestId('style-grid').scrollIntoViewIfNeeded();
  await waitForPicture(page, '[data-testid=style-card][data-model=builtin-toon] img[data-testid=style-preview]', 60_000);
  assert.equal(await page.getByTestId('style-card').count(), 1);

  // A model dropped on the panel (a file the catalog does not know) is added and listed at once.
  const mine = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  mine.write('O', mine.indexOf("Project's own work") + "Project's ".length);
  await dropModelFile(page, 'my-toon.onnx', mine);
  await page.locator('[data-testid=style-card][data-model=my-toon]').waitFor({ timeout: 60_000 });
  assert.match((await page.getByTestId('model-import-done').textContent()) ?? '', /Added my-toon/);
  assert.equal(await page.locator('.workspace.dragging').count(), 0, "the window's drop overlay is gone");

  const installed = await installFromFolder(page, downloads, 'cartoongan-shinkai');
  assert.match(installed, /Installed CartoonGAN Shinkai/);
  assert.equal(existsSync(join(data, 'models', 'cartoongan-shinkai.onnx')), true, 'installed into the data folder');
  const card = page.locator('[data-testid=style-card][data-model=cartoongan-shinkai]');
  assert.match((await card.textContent()) ?? '', /CartoonGAN Shinkai.*non-commercial/);
  await card.scrollIntoViewIfNeeded();
  await screenshot('styles-1-cards.png');

  const chosen = await chooseStyle(page, 'cartoongan-shinkai');
  assert.match(chosen.licence, /No licence stated.*non-commercial use only.*Credit: Yang Chen, Yu-Kun Lai, Yong-Jin Liu/);
  assert.match(chosen.cost, new RegExp(`CartoonGAN Shinkai: \\d.* a frame, .* for ${kept} frames.*450 px`));
  await page.getByTestId('before-after-slider').fill('30');
  await page.getByTestId('before-after').scrollIntoViewIfNeeded();
  await screenshot('styles-2-before-after-1280.png');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('before-after').scrollIntoViewIfNeeded();
  await screenshot('styles-3-before-after-1920.png');

  // The second frame in a style of its own (the built-in one): an undoable edit.
  await page.getByTestId('style-frame').nth(1).click();
  await page.getByTestId('panel-style').selectOption('builtin-toon');
  await page.waitForFunction(() => document.querySelector('[data-testid=undo]')?.getAttribute('title')?.includes('Built-in cartoon'));

  await page.getByTestId('stylize').click();
  await page.getByTestId('stylize-summary').waitFor({ timeout: 20 * 60_000 });
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img[data-testid=panel]')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
  const panels = await page.$$eval('img[data-testid=panel]', (imgs) => (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight]));
  assert.equal(panels.length, kept);
  const projects = readdirSync(join(data, 'projects')).map((d) => join(data, 'projects', d));
  const styled = (m: string) => readdirSync(join(projects[0], 'styled', m)).filter((f) => f.endsWith('.png'));
  assert.equal(styled('cartoongan-shinkai').length, kept - 1);
  assert.equal(styled('builtin-toon').length, 1, 'the panel in its own style');
  await page.getByTestId('panel').first().scrollIntoViewIfNeeded();
  await screenshot('styles-4-panels.png');

  const comic = await makeComic(page, 'a4');
  assert.match(comic.summary, new RegExp(`${kept} panels · saved as .*comic\\.pdf`));
  const pdf = join(projects[0], 'comic.pdf');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const words = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  if (!info.error && !words.error) {
    assert.match(`${info.stdout} ${words.stdout}`.replace(/\s+/g, ' '), /CartoonGAN Shinkai/, 'the PDF credits the style');
    assert.match(words.stdout.replace(/\s+/g, ' '), /not for commercial use|non-commercial/i, 'and says it is not for commercial use');
  }
  const rendered = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, 'styles-5-pdf')], { encoding: 'utf8' });
  if (!rendered.error && rendered.status === 0) t.diagnostic(`pdf page: ${join(shots, 'styles-5-pdf.png')}`);
  await screenshot('styles-6-exported.png');
  assert.deepEqual(problems, []);
});
