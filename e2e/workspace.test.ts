import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Project } from '../app/project';
import { threeShotClip } from '../main/api/api-fixtures';
import { startHost } from '../main/host';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { watchProblems } from './editor-flow';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { dropFile, inComic, reviewShown, saved, screenshot, statuses, untranslated } from './workspace-flow';

const uploads = (data: string) => (existsSync(join(data, 'uploads')) ? readdirSync(join(data, 'uploads'), { recursive: true, encoding: 'utf8' }) : []);

async function openTab(browser: Browser, url: string, size = { width: 1280, height: 720 }): Promise<Page> {
  // A context of its own: its own storage, as a new browser profile would have (signed in by the address' own code).
  const context = await browser.newContext({ viewport: size, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function until(what: string, holds: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !holds(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(holds(), what);
}

test('workspace in Chromium: a dropped video starts a project; reload and the recent list bring it back; Korean; bad input said and nothing lost', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const data = mkdtempSync(join(tmpdir(), 'ycis-e2e-ws-'));
  process.env.YOUR_CARTOON_DATA = data;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const host = await startHost({ rendererDir: await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-e2e-ws-ui-'))) });
  t.after(() => host.close());

  // 1. The start screen, then a video dropped anywhere on the window: uploaded, analysed, reviewed.
  const page = await openTab(browser, host.url);
  const problems = watchProblems(page);
  await page.getByTestId('ffmpeg').waitFor();
  assert.match((await page.getByTestId('recent-projects').textContent()) ?? '', /No projects yet/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'start-en-1280x720')}`);
  const clip = readFileSync(threeShotClip());
  // A slow link (about 2 s for the clip), so the upload's progress can be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 96 * 1024 });
  await dropFile(page, 'Three shots.mp4', clip, 'video/mp4');
  const bar = page.getByTestId('upload-progress').getByRole('progressbar');
  await page.waitForFunction(() => {
    const now = Number(document.querySelector('[data-testid=upload-progress] [role=progressbar]')?.getAttribute('aria-valuenow'));
    return now > 0 && now < 100;
  });
  assert.match((await page.getByTestId('upload-progress').textContent()) ?? '', /Uploading Three shots\.mp4\d+%/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'upload-en-1280x720')}`);
  await bar.waitFor({ state: 'detached', timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByTestId('job-status').waitFor({ timeout: 30_000 }); // the analysis' progress, in the toolbar
  await reviewShown(page);
  assert.equal(await page.getByTestId('step-keyframes').getAttribute('aria-current'), 'step', 'the review opens by itself');
  assert.equal(await page.locator('[data-testid=view-keyframes] [data-testid=timeline-shot]').count(), 3);
  const keyframes = page.locator('[data-testid=view-keyframes] [data-testid=timeline-keyframe]');
  const found = await keyframes.count();
  assert.equal(await inComic(page), `${found} of ${found}`);
  const [uploaded] = uploads(data).filter((f) => f.endsWith('Three shots.mp4'));
  assert.ok(uploaded, `the video is in the data folder: ${uploads(data).join(', ')}`);
  assert.deepEqual(readFileSync(join(data, 'uploads', uploaded)), clip);
  assert.equal(await page.getByTestId('kept-frame').count(), found, 'the tray holds the kept frames');

  // 2. Keyboard: drop the first frame, undo and redo by keys, the shortcuts sheet, a step by Alt+number.
  await keyframes.first().click();
  await page.getByTestId('keyframe-card').getByTestId('drop').click();
  assert.equal(await inComic(page), `${found - 1} of ${found}`);
  await page.keyboard.press('Control+z');
  assert.equal(await inComic(page), `${found} of ${found}`);
  assert.match((await page.getByTestId('redo').getAttribute('title')) ?? '', /^Redo: Reject frame \d+ \(Ctrl\+Shift\+Z\)$/, 'Redo says what it redoes');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await inComic(page), `${found - 1} of ${found}`);
  assert.equal(await page.getByTestId('kept-frame').count(), found - 1);
  await saved(page);
  assert.match((await page.getByTestId('undo').getAttribute('title')) ?? '', /^Undo: Reject frame \d+ \(Ctrl\+Z\)$/, 'what it undoes and the shortcut are in the tooltip');
  await page.keyboard.press('?');
  await page.getByTestId('shortcuts-sheet').waitFor();
  assert.ok((await page.getByTestId('shortcut-row').count()) >= 8);
  assert.match((await page.getByTestId('shortcuts-sheet').textContent()) ?? '', /RedoCtrl\+Shift\+ZCtrl\+Y/);
  await page.keyboard.press('Escape');
  await page.getByTestId('shortcuts-sheet').waitFor({ state: 'detached' });
  await page.keyboard.press('Alt+1');
  await page.getByTestId('view-video').waitFor();
  await page.keyboard.press('Alt+2');
  await page.getByTestId('view-keyframes').waitFor();
  // The side panel shows the key frame clicked, and its Keep is the same undoable edit as the card's.
  await keyframes.nth(1).click();
  await page.getByTestId('keyframe-inspector').waitFor();
  await page.getByTestId('inspector-keep').click();
  assert.equal(await keyframes.nth(1).getAttribute('data-review'), 'accepted');
  assert.equal(await page.getByTestId('inspector-status').textContent(), 'kept');
  t.diagnostic(`screenshot: ${await screenshot(page, 'keyframes-en-1280x720')}`);
  await page.keyboard.press('Control+z');
  assert.equal(await keyframes.nth(1).getAttribute('data-review'), 'proposed');
  // One selection: "Show the project" in the side panel leaves no key frame selected on the timeline, and K then
  // keeps nothing; a frame clicked on the timeline is the side panel's again.
  await page.getByTestId('inspector-deselect').click();
  await page.getByTestId('keyframe-inspector').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid=timeline-keyframe].selected').count(), 0, 'the timeline agrees');
  await page.keyboard.press('k');
  assert.equal(await statuses(page, 'accepted'), 0, 'K with nothing selected keeps nothing');
  await keyframes.nth(1).click();
  assert.equal(await page.locator('[data-testid=keyframe-inspector] h3').textContent(), `Frame ${await keyframes.nth(1).getAttribute('data-frame')}`);
  // Review by keys alone: → to the next key frame, K keeps it, Shift+D drops its whole shot, Ctrl+Z twice undoes both.
  const card = (i: number) => keyframes.nth(i);
  await page.keyboard.press('ArrowRight');
  assert.match((await card(2).getAttribute('class')) ?? '', /\bselected\b/);
  await page.keyboard.press('k');
  assert.equal(await card(2).getAttribute('data-review'), 'accepted');
  await page.keyboard.press('Shift+D');
  // The third shot's key frames (the last on the timeline, from card 2 on) are all dropped.
  const lastShot = await keyframes.evaluateAll((cards) => cards.slice(2).map((c) => c.getAttribute('data-review')));
  assert.deepEqual(lastShot, Array(lastShot.length).fill('rejected'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.equal(await card(2).getAttribute('data-review'), 'proposed');
  assert.equal(await inComic(page), `${found - 1} of ${found}`);

  // 3. A reload comes back to the same project, every decision kept (once it is saved).
  await saved(page);
  await page.reload();
  await reviewShown(page);
  assert.equal(await inComic(page), `${found - 1} of ${found}`);
  assert.equal(await statuses(page, 'rejected'), 1);

  // 4. Another tab: the start screen lists it (thumbnail, title, video, length, kept, last change) and opens it.
  const other = await openTab(browser, host.newUrl());
  const entry = other.getByTestId('recent-project');
  await entry.waitFor();
  assert.equal(await entry.count(), 1);
  const text = (await entry.textContent()) ?? '';
  for (const part of ['Three shots', 'Three shots.mp4', '6 sec', `${found - 1} of ${found} key frames kept`, 'changed']) assert.ok(text.includes(part), `"${part}" in "${text}"`);
  await other.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid=recent-project] img');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  t.diagnostic(`screenshot: ${await screenshot(other, 'recent-en-1280x720')}`);
  await entry.getByTestId('recent-open').click();
  await reviewShown(other);
  assert.equal(await inComic(other), `${found - 1} of ${found}`);

  // 5. Korean: the switch, the whole UI, remembered after a reload; screenshots at 1280×720 and 1920×1080.
  await other.getByTestId('language').selectOption('ko');
  await other.getByTestId('open-video').filter({ hasText: '열기' }).waitFor();
  assert.equal(await other.evaluate(() => document.documentElement.lang), 'ko');
  assert.deepEqual(await other.$$eval('[data-testid=language] option', (o) => (o as HTMLOptionElement[]).map((x) => x.value)), ['en', 'ko', 'ja']);
  assert.equal(await inComic(other), `${found}개 중 ${found - 1}개`);
  // Undo and Redo say what they would undo in Korean too: a key frame dropped by D, undone, redone, undone.
  const otherFrames = other.locator('[data-testid=view-keyframes] [data-testid=timeline-keyframe]');
  await otherFrames.nth(1).click();
  const frameNo = await otherFrames.nth(1).getAttribute('data-frame');
  await other.keyboard.press('d');
  assert.equal(await inComic(other), `${found}개 중 ${found - 2}개`);
  assert.equal(await other.getByTestId('undo').getAttribute('title'), `실행 취소: ${frameNo}번 프레임 빼기 (Ctrl+Z)`);
  t.diagnostic(`screenshot: ${await screenshot(other, 'undo-ko-1280x720')}`);
  await other.keyboard.press('Control+z');
  assert.equal(await other.getByTestId('redo').getAttribute('title'), `다시 실행: ${frameNo}번 프레임 빼기 (Ctrl+Shift+Z)`);
  assert.equal(await other.getByTestId('undo').getAttribute('title'), '실행 취소할 작업 없음');
  assert.equal(await inComic(other), `${found}개 중 ${found - 1}개`);
  // Names that stay as they are in every language: programs, formats, file names, and the keys' own names.
  const allowed = /ffmpeg|Your Cartoon Is|CPU|CUDA|DML|COREML|PDF|TypeScript|native|static|fps|Three shots|mp4|mov|mkv|webm|installer|builtin-toon|dpi|onnx|Shift|Space|Ctrl|Alt|\/\S+/gi;
  assert.deepEqual(await untranslated(other, allowed), [], 'no English left on the key frames step');
  t.diagnostic(`screenshot: ${await screenshot(other, 'keyframes-ko-1280x720')}`);
  await other.reload();
  await reviewShown(other);
  await other.getByTestId('step-video').filter({ hasText: '동영상' }).waitFor();
  await other.getByTestId('step-video').click();
  assert.deepEqual(await untranslated(other, allowed), [], 'no English left on the start screen');
  t.diagnostic(`screenshot: ${await screenshot(other, 'video-ko-1280x720')}`);
  await other.setViewportSize({ width: 1920, height: 1080 });
  t.diagnostic(`screenshot: ${await screenshot(other, 'video-ko-1920x1080')}`);
  await other.getByTestId('step-keyframes').click();
  t.diagnostic(`screenshot: ${await screenshot(other, 'keyframes-ko-1920x1080')}`);
  // Nothing important below the fold: the window does not scroll, the toolbar, steps and tray are all in view.
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await other.setViewportSize(size);
    const fit = await other.evaluate(() => ({
      scroll: document.documentElement.scrollHeight - window.innerHeight,
      tray: document.querySelector('[data-testid=kept-tray]')!.getBoundingClientRect().bottom,
      open: document.querySelector('[data-testid=open-video]')!.getBoundingClientRect().top,
    }));
    assert.ok(fit.scroll <= 0 && fit.tray <= size.height && fit.open >= 0, `${size.width}×${size.height}: ${JSON.stringify(fit)}`);
  }
  // The other steps in Korean too: panels in the built-in style, the page canvas, the PDF.
  await other.setViewportSize({ width: 1280, height: 720 });
  await other.getByTestId('step-style').click();
  await other.getByTestId('stylize').click();
  await other.getByTestId('stylize-summary').waitFor({ timeout: 60_000 });
  assert.match((await other.getByTestId('stylize-summary').textContent()) ?? '', new RegExp(`칸 ${found - 1}개`));
  assert.deepEqual(await untranslated(other, allowed), [], 'no English left on the Style step');
  t.diagnostic(`screenshot: ${await screenshot(other, 'style-ko-1280x720')}`);
  await other.getByTestId('step-pages').click();
  await other.getByTestId('page-canvas').first().waitFor();
  // The page canvas' own tools are the canvas part's text (renderer/canvas, pages, inspector): only the shell is checked here.
  assert.deepEqual(await untranslated(other, allowed, '.toolbar, .step-bar, .notices'), [], 'no English left in the shell on the Pages step');
  t.diagnostic(`screenshot: ${await screenshot(other, 'pages-ko-1280x720')}`);
  await other.getByTestId('step-export').click();
  await other.getByTestId('export').click();
  await other.getByTestId('export-summary').waitFor({ timeout: 60_000 });
  assert.deepEqual(await untranslated(other, allowed), [], 'no English left on the Export step');
  t.diagnostic(`screenshot: ${await screenshot(other, 'export-ko-1280x720')}`);
  await other.context().close();

  // The application menu (the renderer's half; Electron's main process builds it from these items): with the
  // desktop bridge the preload gives, its Edit menu says what Undo undoes, in Korean, and choosing it undoes.
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' })).newPage();
  // (A script of its own, not a function: the test's compiler would put its helpers in a serialized function.)
  await desk.addInitScript({
    content: `
      let listener = () => undefined;
      window.menu = [];
      window.choose = (id) => listener(id);
      window.comicDesktop = {
        platform: 'linux',
        locale: 'en-US',
        pathForFile: () => '',
        chooseVideo: async () => null,
        setMenu: (items, labels) => { window.menu = items; window.menuLabels = labels; },
        onMenuAction: (l) => { listener = l; return () => { listener = () => undefined; }; },
      };`,
  });
  await desk.goto(host.newUrl());
  await desk.getByTestId('recent-open').click();
  await reviewShown(desk);
  await desk.getByTestId('language').selectOption('ko');
  const menuItem = (id: string) => desk.evaluate((id) => (window as unknown as { menu: Array<{ id: string; label: string; enabled: boolean }> }).menu.find((i) => i.id === id), id);
  await desk.waitForFunction(() => (window as unknown as { menuLabels?: { edit: string } }).menuLabels?.edit === '편집');
  assert.deepEqual(await menuItem('undo'), { id: 'undo', label: '실행 취소', menu: 'edit', enabled: false, accelerator: 'CmdOrCtrl+Z' });
  const deskFrames = desk.locator('[data-testid=view-keyframes] [data-testid=timeline-keyframe]');
  await deskFrames.nth(1).click();
  const deskFrame = await deskFrames.nth(1).getAttribute('data-frame');
  await desk.keyboard.press('d');
  await desk.waitForFunction(() => (window as unknown as { menu: Array<{ id: string; enabled: boolean }> }).menu.find((i) => i.id === 'undo')?.enabled);
  assert.equal((await menuItem('undo'))?.label, `실행 취소: ${deskFrame}번 프레임 빼기`);
  await desk.evaluate(() => (window as unknown as { choose: (id: string) => void }).choose('undo'));
  assert.equal(await inComic(desk), `${found}개 중 ${found - 1}개`, 'the menu item undid it');
  await desk.waitForFunction(() => (window as unknown as { menu: Array<{ id: string; enabled: boolean }> }).menu.find((i) => i.id === 'redo')?.enabled);
  assert.equal((await menuItem('redo'))?.label, `다시 실행: ${deskFrame}번 프레임 빼기`);
  await saved(desk);
  await desk.context().close();

  // 6. Analysis settings: a re-run with another δ keeps the drop on a frame found again and the review on screen.
  await page.getByTestId('step-video').click();
  await page.getByTestId('analysis-settings').locator('summary').click();
  await page.getByTestId('setting-delta').fill('0.95');
  // The acceptance hooks stay unique while the next review is made: one timeline (the review on screen), its shots.
  await page.evaluate(() => {
    const seen = { timelines: 0, shots: 0, next: 0 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      seen.timelines = Math.max(seen.timelines, document.querySelectorAll('[data-testid=timeline]').length);
      seen.shots = Math.max(seen.shots, document.querySelectorAll('[data-testid=timeline-shot]').length);
      seen.next = Math.max(seen.next, document.querySelectorAll('[data-testid=timeline-next] [data-testid=timeline-next-shot]').length);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('analyse').click();
  await page.getByTestId('progress').waitFor();
  assert.equal(await page.getByTestId('shots').count(), 1, 'the current review stays while the new one is made');
  await page.waitForFunction(() => !document.querySelector('[data-testid=progress]'), null, { timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: { timelines: number; shots: number; next: number } }).seen);
  assert.equal(seen.timelines, 1, 'never two elements with data-testid=timeline');
  assert.equal(seen.shots, 3, 'timeline-shot: the review’s three shots, never the next one’s on top');
  assert.ok(seen.next > 0, 'the next review’s shots were shown as they were found');
  const projectDir = join(data, 'projects', readdirSync(join(data, 'projects'))[0]);
  const project = JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8')) as Project;
  assert.equal(project.params.delta, 0.95, 'the setting reached the analysis');
  assert.equal(project.keyframes.filter((k) => k.status === 'rejected').length, 1, 'the decision is kept');

  // 7. Bad input. A file that is not a video, by Open: said by name, nothing kept, the project untouched.
  const before = uploads(data);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-video').click();
  await (await chooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Shopping list: milk, eggs.\n'.repeat(50)) });
  const refusal = page.getByTestId('intake-error');
  await refusal.waitFor();
  assert.equal(await refusal.getAttribute('data-code'), 'NOT_A_VIDEO');
  assert.match((await refusal.textContent()) ?? '', /^notes\.txt is not a video\./);
  assert.deepEqual(uploads(data), before);
  t.diagnostic(`screenshot: ${await screenshot(page, 'not-a-video-en-1280x720')}`);
  await refusal.getByRole('button').click();

  // An upload cut off half-way: the UI says so; the host (a real half upload) keeps nothing.
  await page.route('**/api/upload**', (route) => route.abort('connectionreset'));
  await dropFile(page, 'Three shots.mp4', clip, 'video/mp4');
  await refusal.waitFor();
  assert.equal(await refusal.getAttribute('data-code'), 'UPLOAD_INTERRUPTED');
  await page.unroute('**/api/upload**');
  await new Promise<void>((done) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/upload?name=half.mp4', headers: { Authorization: `Bearer ${host.token}`, 'Content-Length': String(clip.length) } });
    req.on('error', () => done());
    req.write(clip.subarray(0, clip.length >> 1), () => setTimeout(() => (req.destroy(), done()), 300));
  });
  await until('the half upload leaves nothing', () => uploads(data).length === before.length);
  assert.equal(await statuses(page, 'rejected'), 1, 'the project is as it was');

  // A moved video: the project asks for the new place and is re-linked to it, every decision kept.
  const moved = join(data, 'moved', 'Three shots (archive).mp4');
  mkdirSync(dirname(moved));
  renameSync(project.video.path, moved);
  await page.reload();
  const problem = page.getByTestId('open-problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('data-code'), 'VIDEO_MISSING');
  assert.match((await problem.textContent()) ?? '', /Three shots\.mp4: the video of this project is not there any more/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'moved-video-en-1280x720')}`);
  await page.getByTestId('relink-path').fill(moved);
  await page.getByTestId('relink-confirm').click();
  await reviewShown(page);
  assert.equal(await statuses(page, 'rejected'), 1);
  assert.equal((JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8')) as Project).video.path, moved);

  // A damaged project.json: reported when the project is opened, set aside, never overwritten.
  const damaged = '{ "schema": 1, "video": { "path": ';
  writeFileSync(join(projectDir, 'project.json'), damaged);
  const third = await openTab(browser, host.newUrl());
  await third.getByTestId('recent-project').click();
  const report = third.getByTestId('open-problem');
  await report.waitFor();
  assert.equal(await report.getAttribute('data-code'), 'PROJECT_DAMAGED');
  assert.match((await report.textContent()) ?? '', /project\.json: damaged .* kept as .*project\.json\.damaged-/);
  const aside = readdirSync(projectDir).filter((f) => f.startsWith('project.json.damaged-'));
  assert.equal(aside.length, 1);
  assert.equal(readFileSync(join(projectDir, aside[0]), 'utf8'), damaged, 'kept byte for byte');
  t.diagnostic(`screenshot: ${await screenshot(third, 'damaged-en-1280x720')}`);
  // Taken off the list: gone from the start screen, its folder (and what was set aside) still there.
  // The row goes at once; the reload waits for the host's answer (else it can list the project again under load).
  const forgotten = third.waitForResponse((r) => r.url().endsWith('/api/call/forgetRecentProject'));
  await third.getByTestId('recent-forget').click();
  await third.getByTestId('recent-project').waitFor({ state: 'detached' });
  assert.equal((await forgotten).status(), 200);
  await third.reload();
  await third.getByText('No projects yet').waitFor();
  await third.getByTestId('language').selectOption('ja');
  await third.getByText('まだプロジェクトはありません').waitFor();
  t.diagnostic(`screenshot: ${await screenshot(third, 'start-ja-1280x720')}`);
  assert.ok(existsSync(join(projectDir, aside[0])) && existsSync(join(projectDir, 'frames')));

  // Expected refusals (the non-video, the damaged file) are answers, not page errors.
  assert.deepEqual(problems.filter((p) => !/HTTP 415: .*\/api\/upload|net::ERR_CONNECTION_RESET|Failed to load resource/.test(p)), []);
});
