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
import { makeSampleVideo } from '../main/services/video';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { FIXTURE_DIR } from '../test-support/fixtures';
import { goToStep, makePanels, watchProblems } from './editor-flow';
import { canvasMapping, clickAt, drag, nextUndo, undoTitle } from './pages-flow';
import { CHROMIUM_ARGS, findChromium, } from './runtimes';
import { locateFfmpeg } from '../main/services/video';
import { serve } from './serve-host';

test('pages in Chromium: knife, merge, polygon corner, frame swapped from the tray, pages added/duplicated/deleted, PDF checked', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  locateFfmpeg();
  const data = mkdtempSync(join(tmpdir(), 'ycis-pages-data-'));
  process.env.YOUR_CARTOON_DATA = data;
  mkdirSync(join(data, 'sample'));
  copyFileSync(makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), join(data, 'sample', 'sample.mp4'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-pages-ui-'))));
  t.after(server.stop);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
    await page.goto(server.url);
  await page.getByTestId('use-sample').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid=video-path]') as HTMLInputElement | null)?.value.endsWith('sample.mp4'));
  await page.getByTestId('analyse').click();
  await page.getByTestId('shots').waitFor({ timeout: 60_000 });
    await makePanels(page);
  const shots = mkdtempSync(join(tmpdir(), 'ycis-pages-shots-'));
  const [projectFile] = readdirSync(join(data, 'projects')).map((d) => join(data, 'projects', d, 'project.json'));
  const saved = () => JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
  const savedWhere = async (what: string, holds: (p: Project) => boolean): Promise<Project> => {
    for (let i = 0; i < 100; i++) {
      const p = saved();
      if (holds(p)) return p;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`project.json never showed ${what}`);
  };
  await goToStep(page, 'pages');
  await page.getByTestId('pages-view').scrollIntoViewIfNeeded();
  let toScreen = await canvasMapping(page);
  const pagesBefore = projectPages(saved());
  const first = pagesBefore[0];
  await page.screenshot({ path: join(shots, 'pages-1280-start.png') });

  // Knife: an upright cut across the first panel.
  const p0 = first.panels[0].rect;
  const cutX = p0.x + p0.width / 2;
  await page.getByTestId('tool-knife').click();
  let before = await undoTitle(page);
  await drag(page, toScreen({ x: cutX, y: p0.y - 2 }), toScreen({ x: cutX, y: p0.y + p0.height + 2 }));
  assert.match(await nextUndo(page, before), /^Undo: Cut a panel in two/);
  let project = await savedWhere('the cut', (p) => p.layout?.pages?.[0].panels.length === first.panels.length + 1);
  let pages = projectPages(project);
  const [left, right] = pages[0].panels.slice(0, 2).sort((a, b) => a.rect.x - b.rect.x);
  assert.ok(Math.abs(right.rect.x - (left.rect.x + left.rect.width) - pages[0].look.gutter) < 1e-6, 'one gutter between the parts');

  // A second cut, level, across the last panel; then its two parts merged back.
  const last = pages[0].panels.at(-1)!.rect;
  before = await undoTitle(page);
  await drag(page, toScreen({ x: last.x - 2, y: last.y + last.height / 2 }), toScreen({ x: last.x + last.width + 2, y: last.y + last.height / 2 }));
  await page.getByTestId('tool-select').click();
  project = await savedWhere('the second cut', (p) => p.layout?.pages?.[0].panels.length === first.panels.length + 2);
  pages = projectPages(project);
  const [upper, lower] = pages[0].panels.slice(-2);
  await clickAt(page, toScreen, { x: upper.rect.x + upper.rect.width / 2, y: upper.rect.y + upper.rect.height / 2 });
  await clickAt(page, toScreen, { x: lower.rect.x + lower.rect.width / 2, y: lower.rect.y + lower.rect.height / 2 }, true);
  before = await undoTitle(page);
  await page.getByTestId('panel-merge').click();
  assert.match(await nextUndo(page, before), /^Undo: Merge two panels/);
  project = await savedWhere('the merge', (p) => p.layout?.pages?.[0].panels.length === first.panels.length + 1);

  // A polygon: the merged panel's top-left corner dragged 15 mm right.
  pages = projectPages(project);
  const merged = pages[0].panels.at(-1)!;
  await clickAt(page, toScreen, { x: merged.rect.x + merged.rect.width / 2, y: merged.rect.y + merged.rect.height / 2 });
  const corner = (merged.outline ?? [{ x: merged.rect.x, y: merged.rect.y }]).reduce((a, b) => (a.x + a.y <= b.x + b.y ? a : b));
  before = await undoTitle(page);
  await drag(page, toScreen(corner), toScreen({ x: corner.x + 15, y: corner.y + 0.5 }));
  assert.match(await nextUndo(page, before), /^Undo: Move a panel’s corner/);
  project = await savedWhere('the polygon', (p) => (p.layout?.pages?.[0].panels.at(-1)?.outline ?? []).some((c) => Math.abs(c.x - corner.x - 15) < 1));
  await page.screenshot({ path: join(shots, 'pages-1280-edited.png') });

  // The frame shown in panel 3 dragged from the tray onto panel 1: the two swap.
  pages = projectPages(project);
  const target = pages[0].panels[0];
  const shown = pages[0].panels[2].keyframe!;
  const canvasBox = (await page.getByTestId('page-canvas').boundingBox())!;
  const drop = toScreen({ x: target.rect.x + target.rect.width / 2, y: target.rect.y + target.rect.height / 2 });
  before = await undoTitle(page);
  await page.getByTestId('frame-tray').locator(`[data-testid=tray-frame][data-keyframe="${shown}"]`).dragTo(page.getByTestId('page-canvas'), { targetPosition: { x: drop.x - canvasBox.x, y: drop.y - canvasBox.y } });
  assert.match(await nextUndo(page, before), /^Undo: Swap two panels’ frames/);
  project = await savedWhere('the swap', (p) => p.layout?.pages?.[0].panels[0].keyframe === shown);
  assert.equal(project.layout?.pages?.[0].panels[2].keyframe, target.keyframe);
  // The empty part of the cut panel given the frame of panel 4 (which is left empty).
  const empty = projectPages(project)[0].panels[1];
  assert.equal(empty.keyframe, null);
  const fourth = projectPages(project)[0].panels[3].keyframe!;
  const drop2 = toScreen({ x: empty.rect.x + empty.rect.width / 2, y: empty.rect.y + empty.rect.height / 2 });
  await page.getByTestId('frame-tray').locator(`[data-testid=tray-frame][data-keyframe="${fourth}"]`).dragTo(page.getByTestId('page-canvas'), { targetPosition: { x: drop2.x - canvasBox.x, y: drop2.y - canvasBox.y } });
  project = await savedWhere('the second frame dropped', (p) => p.layout?.pages?.[0].panels[1].keyframe === fourth);
  assert.equal(project.layout?.pages?.[0].panels[3].keyframe, null);

  // Pages: a blank one added after page 1, duplicated, both deleted again.
  const count = () => page.getByTestId('page-thumb').count();
  const n = await count();
  await page.getByTestId('page-add').click();
  await page.waitForFunction((m) => document.querySelectorAll('[data-testid=page-thumb]').length === m, n + 1);
  await page.getByTestId('page-duplicate').click();
  await page.waitForFunction((m) => document.querySelectorAll('[data-testid=page-thumb]').length === m, n + 2);
  assert.match(await undoTitle(page), /^Undo: Duplicate page 2/);
  await page.screenshot({ path: join(shots, 'pages-1280-strip.png') });
  await page.getByTestId('page-delete').click();
  await page.getByTestId('page-delete').click();
  await page.waitForFunction((m) => document.querySelectorAll('[data-testid=page-thumb]').length === m, n);
  assert.equal(await count(), n);
  await page.getByTestId('page-thumb').first().click();
  await page.screenshot({ path: join(shots, 'pages-1280-final.png') });

  // The PDF: the cut shows paper between the two parts; the polygon's cut-away corner is paper too.
  await goToStep(page, 'export');
  await page.getByTestId('export').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 60_000 });
  const pdf = join(dirname(projectFile), 'comic.pdf');
  const out = join(shots, 'page');
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, out], { encoding: 'utf8' });
  if (r.error) t.diagnostic('pdftoppm not installed: the PDF render is not checked');
  else {
    const png = readdirSync(shots).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    const { data: px, info } = await sharp(join(shots, png)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const mm = info.width / pages[0].size.width;
    const at = (x: number, y: number) => {
      const i = (Math.round(y * mm) * info.width + Math.round(x * mm)) * 3;
      return [px[i], px[i + 1], px[i + 2]];
    };
    const white = (c: number[]) => c.every((v) => v > 245);
    const final = projectPages(project)[0];
    const [a, b] = final.panels.slice(0, 2).sort((u, v) => u.rect.x - v.rect.x);
    const midY = a.rect.y + a.rect.height / 2;
    assert.ok(white(at(a.rect.x + a.rect.width + final.look.gutter / 2, midY)), 'the gutter of the cut is paper');
    assert.ok(!white(at(a.rect.x + a.rect.width - 3, midY)) && !white(at(b.rect.x + 3, midY)), 'pictures on both sides of it');
    const poly = final.panels.at(-1)!;
    assert.ok(white(at(corner.x + 3, corner.y + 1.5)), 'the corner cut away from the polygon is paper');
    assert.ok(!white(at(poly.rect.x + poly.rect.width / 2, poly.rect.y + poly.rect.height / 2)), 'inside the polygon, its picture');
    t.diagnostic(`PDF page 1 rendered: ${join(shots, png)}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await goToStep(page, 'pages');
  await page.getByTestId('pages-view').scrollIntoViewIfNeeded();
  toScreen = await canvasMapping(page);
  await page.screenshot({ path: join(shots, 'pages-1920.png') });
  t.diagnostic(`screenshots: ${shots}`);
  assert.deepEqual(problems, []);
});
