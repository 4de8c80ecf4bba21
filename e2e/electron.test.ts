import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron } from 'playwright-core';
import { locateFfmpeg } from '../main/services/video';
import { cancelFromTheUi, makeComic, makePanels, reviewKeyframes, runEditorFlow, watchProblems } from './editor-flow';
import { findElectron } from './runtimes';

const root = resolve(__dirname, '..');

test('Electron shell: sandboxed page without Node, the same editor flow over ipc (key frames, panels), images over comic-image:', async (t) => {
  const electron = findElectron();
  if (!electron.path) return t.skip(`skipped: ${electron.reason}`);
  // The app runs from dist/ (main, preload, bundled renderer): build it from these sources first.
  const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}\n${build.stderr}`);

  const app = await _electron.launch({
    executablePath: electron.path,
    args: [root],
    env: { ...process.env, YOUR_CARTOON_DATA: mkdtempSync(join(tmpdir(), 'ycis-e2e-electron-')) } as Record<string, string>,
  });
  t.after(() => app.close());
  const page = await app.firstWindow();
  const problems = watchProblems(page);
  const isolated = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      require: typeof w.require,
      process: typeof w.process,
      bridge: Object.keys((w.comicBridge as object) ?? {}).sort(),
      desktop: Object.keys((w.comicDesktop as object) ?? {}).sort(),
    };
  });
  assert.deepEqual(isolated, {
    require: 'undefined',
    process: 'undefined',
    bridge: ['call', 'imageUrl', 'onJobEvent'],
    // Files used in place, the native Open dialog, the menu from the action list; nothing else of Electron.
    desktop: ['chooseExportTarget', 'chooseVideo', 'locale', 'onMenuAction', 'pathForFile', 'platform', 'setMenu'],
  });

  const flow = await runEditorFlow(page, locateFfmpeg().path);
  assert.equal(flow.shots, 5);
  assert.ok(flow.imageSizes.every(([w, h]) => w === 320 && h === 180), `the timeline shows the 320-px thumbnails: ${JSON.stringify(flow.imageSizes)}`);
  // Inference runs in the main process; the panels come back over comic-image: like the key frames.
  const review = await reviewKeyframes(page);
  const panels = await makePanels(page);
  assert.equal(panels.panelSizes.length, review.inComic);
  assert.match(panels.summary, /panels with builtin-toon on /);
  // Export asks where the PDF goes (the native Save dialog, answered here by a stub in the main process): it is
  // written there, outside the project folder; a cancelled dialog makes no export and says nothing.
  const books = mkdtempSync(join(tmpdir(), 'ycis-e2e-books-'));
  const chosen = join(books, 'My trip.pdf');
  const answerSaveDialog = (answer: { canceled: boolean; filePath: string }) =>
    app.evaluate(({ dialog }, a) => {
      dialog.showSaveDialog = (async () => a) as unknown as typeof dialog.showSaveDialog;
    }, answer);
  await answerSaveDialog({ canceled: false, filePath: chosen });
  const comic = await makeComic(page, 'a4');
  assert.match(comic.summary, /panels · saved as .*My trip\.pdf/);
  assert.match(comic.href, /^comic-image:/);
  assert.equal(readFileSync(chosen).subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(readdirSync(books), ['My trip.pdf'], 'no temporary file beside it');
  await answerSaveDialog({ canceled: true, filePath: '' });
  await page.getByTestId('export').click();
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('export-error').count(), 0);
  assert.deepEqual(readdirSync(books), ['My trip.pdf']);
  const shot = join(mkdtempSync(join(tmpdir(), 'ycis-e2e-shots-')), 'electron-keyframes.png');
  await page.screenshot({ path: shot });
  t.diagnostic(`screenshot: ${shot}`);
  await cancelFromTheUi(page);
  assert.deepEqual(problems, []);
});
