import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Project } from '../app/project';
import { buildRenderer } from '../scripts/build-renderer.mjs';
import { watchProblems } from './editor-flow';
import { CHROMIUM_ARGS, findChromium } from './runtimes';
import { keyframeMarks, screenshot, selectedId, serve, timelineVideo, watchShotsArrive } from './timeline-flow';

test('review timeline in Chromium: shots arrive while the analysis runs, keyboard review, scrub, add at the playhead, all kept after a reload', { timeout: 240_000 }, async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip('skipped: Chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const data = mkdtempSync(join(tmpdir(), 'ycis-timeline-data-'));
  process.env.YOUR_CARTOON_DATA = data;
  const video = timelineVideo();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  t.after(() => browser.close());
  const server = await serve(await buildRenderer(mkdtempSync(join(tmpdir(), 'ycis-timeline-ui-'))));
  t.after(server.stop);
  // One browser profile: the page signs in once (the address's one-time code), a later tab shares its cookie.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);

  // Analyse: the live timeline fills with shots before the review comes.
  await page.getByTestId('video-path').fill(video);
  await page.getByTestId('analyse').click();
  const counts = await watchShotsArrive(page, async () => void t.diagnostic(`screenshot: ${await screenshot(page, 'timeline-live-1280x720')}`));
  t.diagnostic(`shot bands seen while analysing: ${counts.join(' → ')}`);
  assert.ok(counts.filter((c) => c > 0).length >= 2, `shots arrived in steps: ${counts}`);
  assert.ok(counts.every((c, i) => i === 0 || c >= counts[i - 1] - 1), `they only grow (a boundary near the end may move): ${counts}`);

  // The review: one band per shot, thumbnails at their moments, the fade and the dissolve drawn.
  await page.getByTestId('shots').waitFor({ timeout: 60_000 });
  const shots = await page.getByTestId('timeline-shot').count();
  assert.ok(shots >= 5, `shots: ${shots}`);
  const kinds = await page.$$eval('[data-testid=timeline-transition]', (els) => els.map((e) => e.getAttribute('data-kind')));
  assert.deepEqual([...new Set(kinds)].sort(), ['dissolve', 'fade'], `transitions drawn: ${kinds}`);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=timeline-keyframe] img')].every((i) => i.complete && i.naturalWidth > 0));
  const found = await keyframeMarks(page);
  assert.ok(found.length >= 3, `key frames: ${found.length}`);
  assert.ok(found.every((k) => k.status === 'kept' && k.review === 'proposed'));
  // Bands proportional to their shots: widths over durations are one scale.
  const scale = await page.$$eval('[data-testid=timeline-shot]', (els) => els.map((e) => e.getBoundingClientRect().width));
  const project0 = readProject(data);
  const perSecond = scale.map((w, i) => w / (project0.shots[i].endTime - project0.shots[i].startTime));
  assert.ok(Math.max(...perSecond) - Math.min(...perSecond) < 1, `px per second: ${perSecond}`);
  t.diagnostic(`screenshot: ${await screenshot(page, 'timeline-review-1280x720')}`);

  // Keyboard only: the first key frame is selected; D drops it, → and K keep the next.
  const first = found[0].id;
  assert.equal(await selectedId(page), first);
  await page.keyboard.press('d');
  await expectMark(page, first, 'dropped', 'rejected');
  await page.keyboard.press('ArrowRight');
  const second = found[1].id;
  assert.equal(await selectedId(page), second);
  await page.keyboard.press('k');
  await expectMark(page, second, 'kept', 'accepted');
  // Shift+D drops the whole last shot; Ctrl+Z brings it back.
  for (let i = 0; i < found.length; i++) await page.keyboard.press('ArrowRight');
  const last = found.at(-1)!.id;
  assert.equal(await selectedId(page), last);
  await page.keyboard.press('Shift+D');
  const lastShot = project0.keyframes.find((k) => k.id === last)!.shot;
  const inLastShot = project0.keyframes.filter((k) => k.shot === lastShot).map((k) => k.id);
  for (const id of inLastShot) await expectMark(page, id, 'dropped', 'rejected');
  await page.keyboard.press('Control+z');
  await expectMark(page, last, 'kept', 'proposed');

  // Scrub: hovering shows the filmstrip's frame at once; a drag moves the playhead, its release the exact frame.
  const strip = (await page.locator('.timeline-strip').boundingBox())!;
  const at = (fraction: number) => ({ x: strip.x + strip.width * fraction, y: strip.y + strip.height - 20 });
  await page.mouse.move(at(0.3).x, at(0.3).y);
  await page.locator('.timeline-hover [data-testid=filmstrip-tile]').waitFor();
  const hoverTime = Number(await page.locator('.timeline-hover [data-testid=filmstrip-tile]').getAttribute('data-time'));
  assert.ok(Math.abs(hoverTime - 0.3 * 32) < 0.3, `the tile under the cursor: ${hoverTime} s`);
  t.diagnostic(`screenshot: ${await screenshot(page, 'timeline-hover-1280x720')}`);
  await page.mouse.down();
  await page.mouse.move(at(0.45).x, at(0.45).y, { steps: 5 });
  assert.equal(await page.getByTestId('playhead-picture').getAttribute('data-exact'), 'false', 'while dragging: the filmstrip');
  await page.mouse.move(at(0.52).x, at(0.52).y, { steps: 3 });
  await page.mouse.up();
  await page.locator('[data-testid=playhead-picture][data-exact=true]').waitFor({ timeout: 15_000 });
  // Then two frames on by keys (the period key): the exact frame follows once the keys rest.
  const before = Number(await page.getByTestId('playhead').getAttribute('data-time'));
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  const after = Number(await page.getByTestId('playhead').getAttribute('data-time'));
  assert.ok(Math.abs(after - before - 2 / 25) < 1e-6, `two frames on: ${before} → ${after}`);
  await page.locator('[data-testid=playhead-picture][data-exact=true]').waitFor({ timeout: 15_000 });
  const shown = (await page.getByTestId('playhead-frame').getAttribute('src')) ?? '';
  const shownFile = decodeURIComponent(basename(new URL(shown).pathname));
  const frame = Math.floor(after * 25 + 1e-6);
  assert.equal(shownFile, `manual-${String(frame).padStart(6, '0')}.jpg`, 'the picture shown is the frame at the playhead');
  assert.match((await page.getByTestId('playhead-caption').textContent()) ?? '', new RegExp(`frame ${frame} .*exact frame`));
  await page.getByTestId('add-at-playhead').scrollIntoViewIfNeeded();
  t.diagnostic(`screenshot: ${await screenshot(page, 'timeline-playhead-1280x720')}`);

  // A adds it: the very picture shown.
  await page.keyboard.press('a');
  await page.locator('[data-testid=timeline-keyframe][data-origin=manual]').waitFor();
  assert.equal(await selectedId(page), `m-${frame}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.textContent === 'Saved');
  const saved = await savedWhere(data, (p) => p.keyframes.some((k) => k.origin === 'manual'));
  const manual = saved.keyframes.find((k) => k.origin === 'manual')!;
  assert.deepEqual([manual.id, manual.file, manual.status], [`m-${frame}`, shownFile, 'accepted']);
  assert.equal(saved.keyframes.find((k) => k.id === first)?.status, 'rejected');
  assert.equal(saved.keyframes.find((k) => k.id === second)?.status, 'accepted');
  assert.ok(inLastShot.every((id) => saved.keyframes.find((k) => k.id === id)?.status === 'proposed'), 'the undone shot drop');
  const marks = await keyframeMarks(page);

  // Space plays the shot at the playhead (the video served with range requests) and pauses at its end.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>('[data-testid=shot-video]');
    return !!v && v.currentTime > 0 && !v.paused;
  }, undefined, { timeout: 10_000 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid=shot-video]')?.paused);

  // Zoom to a few frames across the screen, around the playhead.
  for (let i = 0; i < 20; i++) await page.keyboard.press('Equal');
  assert.match((await page.getByTestId('zoom-level').textContent()) ?? '', /^160 ms shown/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'timeline-zoomed-1280x720')}`);

  // A reload, in a big window: the same project with every decision.
  const later = await context.newPage();
  await later.setViewportSize({ width: 1920, height: 1080 });
  const laterProblems = watchProblems(later);
  await later.goto(server.url);
  // The editor comes back to the project it showed.
  await later.getByTestId('shots').waitFor({ timeout: 20_000 });
  assert.deepEqual(await keyframeMarks(later), marks);
  await later.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=timeline-keyframe] img')].every((i) => i.complete && i.naturalWidth > 0));
  await later.keyboard.press('ArrowRight');
  t.diagnostic(`screenshot: ${await screenshot(later, 'timeline-reopened-1920x1080')}`);
  await later.close();
  assert.deepEqual([...problems, ...laterProblems], []);
});

async function expectMark(page: Page, id: string, status: string, review: string): Promise<void> {
  const el = page.locator(`[data-testid=timeline-keyframe][data-id="${id}"]`);
  await page.waitForFunction(
    ([sel, s, r]) => {
      const e = document.querySelector(sel);
      return e?.getAttribute('data-status') === s && e?.getAttribute('data-review') === r;
    },
    [`[data-testid=timeline-keyframe][data-id="${id}"]`, status, review] as const,
    { timeout: 5000 },
  ).catch(async () => assert.fail(`${id}: expected ${status}/${review}, shows ${await el.getAttribute('data-status')}/${await el.getAttribute('data-review')}`));
}

function readProject(data: string): Project {
  const [dir] = readdirSync(join(data, 'projects'));
  return JSON.parse(readFileSync(join(data, 'projects', dir, 'project.json'), 'utf8')) as Project;
}

/** Saves run in the background: project.json once it shows what the editor does. */
async function savedWhere(data: string, holds: (p: Project) => boolean): Promise<Project> {
  for (let i = 0; i < 100; i++) {
    const p = readProject(data);
    if (holds(p)) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  return assert.fail(`project.json never showed the change: ${JSON.stringify(readProject(data)).slice(0, 300)}`);
}
