import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { projectPages } from '../app/pages';
import type { Project } from '../app/project';
import { locateFfmpeg, makeSampleVideo } from '../main/services/video';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { FIXTURE_DIR } from '../test-support/fixtures';
import { goToStep, layOutComic, makePanels, runEditorFlow, watchProblems } from './editor-flow';
import { balloonPlaced, balloonsOf, clickAt, dragFrom, slotRect, undoTitle, waitForUndoChange } from './lettering-flow';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { serve } from './serve-host';

const KOREAN = ['안녕하세요 여러분', '반갑습니다'];
const JAPANESE = '「こんにちは」と言った。今日はいい天気ですね';

test('lettering in Chromium: a two-line Korean balloon, a vertical Japanese one, typing never lands in the next balloon, resize, Delete, then the PDF has the words', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const poppler = !spawnSync('pdftotext', ['-v']).error;
  const data = mkdtempSync(join(tmpdir(), 'ycis-e2e-letter-'));
  process.env.YOUR_CARTOON_DATA = data;
  mkdirSync(join(data, 'sample'));
  copyFileSync(makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), join(data, 'sample', 'sample.mp4'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-e2e-ui-'))));
  t.after(server.stop);
  const shots = process.env.LETTERING_SHOTS ?? mkdtempSync(join(tmpdir(), 'ycis-e2e-lettering-'));
  mkdirSync(shots, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = watchProblems(page);
  await page.goto(server.url);
  await runEditorFlow(page, locateFfmpeg().path);
  await makePanels(page);
  await goToStep(page, 'pages');
  await page.getByTestId('page-size').selectOption('letter');
  await layOutComic(page);
  const [projectFile] = readdirSync(join(data, 'projects')).map((d) => join(data, 'projects', d, 'project.json'));
  let project: Project;
  const saved = async (what: string, holds: (p: Project) => boolean): Promise<Project> => {
    for (let i = 0; i < 100; i++) {
      const p = JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
      if (holds(p)) return p;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`project.json never showed ${what}: ${JSON.stringify(JSON.parse(readFileSync(projectFile, 'utf8')).layout).slice(0, 600)}`);
  };
  const shot = async (name: string) => {
    const file = join(shots, `${name}.png`);
    await page.screenshot({ path: file });
    t.diagnostic(`screenshot: ${file}`);
  };

  // 1. A vertical Japanese balloon in panel 2 (slot 1), its words saved with Ctrl+Enter.
  project = await saved('the 2-2-2 page', (p) => projectPages(p)[0]?.panels.length === 6);
  const p2 = slotRect(project, 1);
  await clickAt(page, { x: p2.x + p2.width * 0.5, y: p2.y + p2.height * 0.85 });
  await page.getByTestId('add-speech').click();
  await page.getByTestId('balloon-text').fill(JAPANESE);
  await page.getByTestId('balloon-text').press('Control+Enter');
  await page.getByTestId('balloon-vertical').check();
  assert.match(await undoTitle(page), /writing direction/);
  project = await saved('the Japanese balloon', (p) => balloonsOf(p).some((b) => b.text === JAPANESE && b.vertical));
  const ja = balloonsOf(project).find((b) => b.text === JAPANESE)!;

  // 2. A Korean balloon in panel 1 (slot 0): two lines typed with Enter, and without leaving the field the user
  //    clicks the Japanese balloon on the canvas. The words must stay in the Korean balloon.
  const p1 = slotRect(project, 0);
  await clickAt(page, { x: p1.x + p1.width * 0.5, y: p1.y + p1.height * 0.85 });
  await page.getByTestId('add-speech').click();
  const field = page.getByTestId('balloon-text');
  await field.fill('');
  await field.pressSequentially(KOREAN[0]);
  await field.press('Enter');
  await field.pressSequentially(KOREAN[1]);
  await shot('1-typing-korean');
  const jaOutline = balloonPlaced(project, ja).outline;
  await clickAt(page, { x: jaOutline.cx, y: jaOutline.cy });
  project = await saved('the Korean words in the Korean balloon', (p) => balloonsOf(p).some((b) => b.text === KOREAN.join('\n')));
  const all = balloonsOf(project);
  assert.equal(all.find((b) => b.id === ja.id)?.text, JAPANESE, 'the Japanese balloon kept its own words');
  const ko = all.find((b) => b.text === KOREAN.join('\n'))!;
  assert.notEqual(ko.keyframe, ja.keyframe, 'on its own panel');
  assert.equal(await page.getByTestId('balloon-text').inputValue(), JAPANESE, 'the field now shows the balloon clicked');
  await shot('2-both-balloons');

  // 3. Resize the Korean balloon by its bottom-right handle: wider, the words re-flowed; one undoable edit.
  const koOutline = balloonPlaced(project, ko).outline;
  await clickAt(page, { x: koOutline.cx, y: koOutline.cy });
  const before = await undoTitle(page);
  await dragFrom(page, { x: koOutline.cx + koOutline.rx, y: koOutline.cy + koOutline.ry }, { x: 12, y: 6 });
  assert.match(await waitForUndoChange(page, before), /^Undo: Resize a balloon/);
  project = await saved('the wider Korean balloon', (p) => (balloonsOf(p).find((b) => b.id === ko.id)?.width ?? 0) > ko.width + 0.05);
  await shot('3-resized');

  // 4. Delete removes the selected balloon (a caption added for it); Ctrl+Z brings it back, Delete again.
  await clickAt(page, { x: p1.x + p1.width * 0.2, y: p1.y + p1.height * 0.2 });
  await page.getByTestId('add-caption').click();
  await saved('the caption', (p) => balloonsOf(p).some((b) => b.kind === 'caption'));
  await page.locator('.page-canvas canvas').first().focus().catch(() => undefined);
  await page.keyboard.press('Delete');
  assert.match(await undoTitle(page), /^Undo: Delete a balloon/);
  await saved('the caption gone', (p) => !balloonsOf(p).some((b) => b.kind === 'caption'));

  // 5. The PDF: fonts embedded as subsets, the words back exactly, glyphs drawn.
  await goToStep(page, 'export');
  await page.getByTestId('export').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 120_000 });
  await shot('4-exported');
  const pdf = join(dirname(projectFile), 'comic.pdf');
  if (!poppler) t.diagnostic('poppler-utils missing: the PDF is not inspected');
  else {
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    t.diagnostic(fonts);
    const rows = fonts.trim().split('\n').slice(2);
    assert.ok(rows.some((r) => /\+Pretendard-Bold\s/.test(r)) && rows.some((r) => /\+PretendardJP-Bold\s/.test(r)), fonts);
    for (const r of rows) assert.match(r, /^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/, r);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const lines = text.split('\n');
    for (const l of KOREAN) assert.ok(lines.includes(l), `"${l}" in:\n${text}`);
    const jaPlaced = balloonsOf(project).find((b) => b.id === ja.id)!;
    const columns = balloonPlaced(project, jaPlaced).text.lines.map((l) => l.text);
    assert.ok(columns.length >= 2, `in columns: ${columns.join(' | ')}`);
    assert.ok(lines.includes(JAPANESE), `"${JAPANESE}" in:\n${text}`);
    assert.doesNotMatch(text, /\?\?/);
    const render = join(shots, 'pdf-page');
    spawnSync('pdftoppm', ['-r', '100', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, render]);
    t.diagnostic(`PDF page rendered: ${render}.png`);
    // Ink inside the Korean balloon's text lines, as laid out.
    const { data: px, info } = await sharp(`${render}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
    const s = balloonPlaced(project, balloonsOf(project).find((b) => b.id === ko.id)!);
    for (const line of s.text.lines) {
      let dark = 0;
      let n = 0;
      const k = 100 / 25.4;
      for (let y = Math.round((s.outline.cy + line.box.y) * k); y < (s.outline.cy + line.box.y + line.box.height) * k; y++) {
        for (let x = Math.round((s.outline.cx + line.box.x) * k); x < (s.outline.cx + line.box.x + line.box.width) * k; x++, n++) if (px[y * info.width + x] < 110) dark++;
      }
      assert.ok(dark / n > 0.08, `ink in "${line.text}": ${dark}/${n}`);
    }
  }

  // 6. CBZ from the export options.
  await page.getByTestId('export-format').selectOption('cbz');
  await page.getByTestId('export-dpi').selectOption('150');
  await page.getByTestId('export').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=export-summary]')?.getAttribute('data-format') === 'cbz', undefined, { timeout: 120_000 });
  assert.match((await page.getByTestId('export-summary').textContent()) ?? '', /comic\.cbz/);
  const settings = await saved('the export settings', (p) => p.exportSettings?.format === 'cbz' && p.exportSettings.dpi === 150);
  assert.equal(settings.exportSettings?.format, 'cbz');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot('5-cbz-1920');
  assert.deepEqual(problems, []);
});
