import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface FlowResult {
  shots: number;
  keyframes: number;
  imageSizes: Array<[number, number]>;
  /** The same for the kept-frames tray along the bottom. */
  traySizes: Array<[number, number]>;
}

/** Goes to a step of the workspace (Video, Key frames, Style, Pages, Export) by its step bar button. */
export async function goToStep(page: Page, step: 'video' | 'keyframes' | 'style' | 'pages' | 'export'): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  await page.getByTestId(`view-${step}`).waitFor();
}

/** Console errors and page crashes (a CSP violation, a failed image, an exception) gathered for the assertions. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url().replace(/token=[^&]+/, 'token=…')}`);
  });
  return problems;
}

/**
 * What a user does first, in either shell: read which engines run, take the sample video, find its key frames
 * (watching the progress), and look at the shots with their thumbnails.
 */
export async function runEditorFlow(page: Page, ffmpegPath: string): Promise<FlowResult> {
  await page.getByTestId('ffmpeg').waitFor();
  assert.match((await page.getByTestId('ffmpeg').textContent()) ?? '', new RegExp(ffmpegPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match((await page.getByTestId('kernels').textContent()) ?? '', /native|TypeScript/);
  assert.match((await page.getByTestId('providers').textContent()) ?? '', /CPU/);

  await page.getByTestId('use-sample').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid=video-path]') as HTMLInputElement | null)?.value.endsWith('sample.mp4'));
  await page.getByTestId('analyse').click();
  await page.getByTestId('progress').waitFor({ timeout: 10_000 });

  // The whole analysis (decode, shots, key-frame images): on a loaded machine it takes well over 30 s.
  await page.getByTestId('shots').waitFor({ timeout: 120_000 });
  // The key frames' thumbnails on the review timeline (the 320-px JPEGs written beside the pictures).
  const sizes = async (selector: string) => {
    await page.waitForFunction((s) => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>(s)];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    }, selector);
    return page.$$eval(selector, (imgs) => (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight] as [number, number]));
  };
  const imageSizes = await sizes('[data-testid=timeline-keyframe] img');
  const traySizes = await sizes('[data-testid=kept-frame] img');
  return { shots: await page.getByTestId('timeline-shot').count(), keyframes: imageSizes.length, imageSizes, traySizes };
}

export interface ReviewResult {
  /** Key frames found, then in the comic after the review (one dropped, one added by hand). */
  found: number;
  inComic: number;
}

const inComicText = (page: Page) => page.getByTestId('in-comic').textContent();

/**
 * Reviews the key frames as a user would: drops the first one, undoes and redoes that, then adds a frame of the
 * third shot by hand; waits until the review is saved.
 */
export async function reviewKeyframes(page: Page): Promise<ReviewResult> {
  const cards = page.getByTestId('timeline-keyframe');
  const found = await cards.count();
  await cards.first().click();
  await page.getByTestId('keyframe-card').getByTestId('drop').click();
  assert.equal(await inComicText(page), `${found - 1} of ${found}`);
  assert.equal(await cards.first().getAttribute('data-status'), 'dropped');
  await page.getByTestId('undo').click();
  assert.equal(await inComicText(page), `${found} of ${found}`);
  await page.getByTestId('redo').click();
  assert.equal(await inComicText(page), `${found - 1} of ${found}`);

  // A frame of the third shot, by hand: a click on its band puts the playhead there and shows the exact frame.
  const shot3 = (await page.getByTestId('timeline-shot').nth(2).boundingBox())!;
  await page.mouse.click(shot3.x + shot3.width / 2, shot3.y + shot3.height / 2);
  await page.locator('[data-testid=playhead-picture][data-exact=true]').waitFor({ timeout: 15_000 });
  await page.getByTestId('add-at-playhead').click();
  await page
    .locator('[data-testid=timeline-keyframe][data-origin=manual]')
    .waitFor({ timeout: 15_000 })
    .catch(async (err: Error) => {
      throw new Error(`${err.message}\nthe review shows: ${await page.getByTestId('shots').textContent()}`);
    });
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid=timeline-keyframe][data-origin=manual] img');
    return img?.complete && img.naturalWidth > 0;
  });
  assert.equal(await inComicText(page), `${found} of ${found + 1}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.textContent === 'Saved');
  return { found, inComic: found };
}

/** Marks a box on the second key frame (the region editor), then closes it; returns what the card says after. */
export async function markRegion(page: Page): Promise<string> {
  await page.getByTestId('timeline-keyframe').nth(1).click();
  await page.getByTestId('keyframe-card').getByTestId('mark-regions').click();
  const canvas = page.locator('.region-canvas canvas').first();
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width * (0.2 + 0.06 * i), box.y + box.height * (0.2 + 0.1 * i));
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-testid=region-count]')?.textContent === '1 region');
  await page.getByTestId('regions-done').click();
  return (await page.getByTestId('keyframe-card').getByTestId('mark-regions').textContent()) ?? '';
}

export interface PanelsResult {
  licence: string;
  summary: string;
  panelSizes: Array<[number, number]>;
}

/** With the key frames found: read the style's licence, make the panels in the default style, wait for them to load. */
export async function makePanels(page: Page): Promise<PanelsResult> {
  await goToStep(page, 'style');
  await page.getByTestId('panels').waitFor();
  const licence = (await page.getByTestId('licence').textContent()) ?? '';
  await page.getByTestId('stylize').click();
  await page.getByTestId('stylize-summary').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img[data-testid=panel]')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
  const panelSizes = await page.$$eval('img[data-testid=panel]', (imgs) =>
    (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight] as [number, number]),
  );
  return { licence, summary: (await page.getByTestId('stylize-summary').textContent()) ?? '', panelSizes };
}

/** Page mm → screen px on the page canvas, from the view it reports (scale and offset), once its pictures are drawn. */
async function pageToScreen(page: Page): Promise<(x: number, y: number) => { x: number; y: number }> {
  const canvas = page.getByTestId('page-canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid=page-canvas]')?.getAttribute('data-ready') === 'true');
  const box = (await canvas.boundingBox())!;
  const view = JSON.parse((await canvas.getAttribute('data-view')) ?? '{}') as { scale: number; x: number; y: number };
  return (x, y) => ({ x: box.x + view.x + x * view.scale, y: box.y + view.y + y * view.scale });
}

const undoTitle = async (page: Page) => (await page.getByTestId('undo').getAttribute('title')) ?? '';
// The 2-2-2 page on US Letter: 12 mm margins, 4 mm gutters.
const W = (215.9 - 24 - 4) / 2;
const H = (279.4 - 24 - 8) / 3;

/**
 * With the panels made, on the comic's page canvas: gives page 1 the 2-2-2 template (six panels: the whole comic
 * on one page) and, with the crop tool, drags the first picture sideways inside its panel; returns the Undo button's
 * title after each.
 */
export async function layOutComic(page: Page): Promise<{ pages: number; afterTemplate: string; afterDrag: string }> {
  await goToStep(page, 'pages');
  await page.getByTestId('page-canvas').waitFor();
  await page.getByTestId('page-template').first().selectOption('2-2-2');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=page-thumb]').length === 1);
  const afterTemplate = await undoTitle(page);
  const at = await pageToScreen(page);
  const { x, y } = at(12 + W / 2, 12 + H / 2);
  await page.getByTestId('tool-crop').click();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(x - 4 * i, y);
  await page.mouse.up();
  await page.waitForFunction((before) => document.querySelector('[data-testid=undo]')?.getAttribute('title') !== before, afterTemplate);
  await page.getByTestId('tool-select').click();
  return { pages: await page.getByTestId('page-thumb').count(), afterTemplate, afterDrag: await undoTitle(page) };
}

/** On the laid-out page (2-2-2, US Letter): selects the first panel and drags its bottom-right handle down. */
export async function reshapeFirstPanel(page: Page): Promise<string> {
  const at = await pageToScreen(page);
  const before = await undoTitle(page);
  const inside = at(12 + 8, 12 + 8);
  await page.mouse.click(inside.x, inside.y);
  // The resize square sits 10 px outside the panel's bottom-right corner (the dot on the corner moves the corner).
  const c = at(12 + W, 12 + H);
  const corner = { x: c.x + 10, y: c.y + 10 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(corner.x, corner.y + 5 * i);
  await page.mouse.up();
  await page.waitForFunction((b) => document.querySelector('[data-testid=undo]')?.getAttribute('title') !== b, before);
  return undoTitle(page);
}

/**
 * On the laid-out page (2-2-2, US Letter): selects the second panel, adds a speech balloon and writes in it; returns
 * the Undo button's title after the words.
 */
export async function addSpeechBalloon(page: Page, words: string): Promise<string> {
  const at = await pageToScreen(page);
  const p = at(12 + W + 4 + W / 2, 12 + 20);
  await page.mouse.click(p.x, p.y);
  await page.getByTestId('add-speech').click();
  await page.getByTestId('balloon-text').fill(words);
  // Enter is a new line in the balloon's words; Ctrl+Enter (or leaving the field) saves them.
  await page.getByTestId('balloon-text').press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=undo]')?.getAttribute('title')?.includes('text'));
  return undoTitle(page);
}

/**
 * In the page strip: adds a blank page after page 1, then drags its thumbnail onto page 1's, so the comic's page
 * comes second; returns the Undo title after each.
 */
export async function splitAndMovePages(page: Page): Promise<[string, string]> {
  await page.getByTestId('page-thumb').first().click();
  await page.getByTestId('page-add').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=page-thumb]').length === 2);
  const added = await undoTitle(page);
  await page.getByTestId('page-thumb').nth(1).dragTo(page.getByTestId('page-thumb').first());
  await page.waitForFunction((before) => document.querySelector('[data-testid=undo]')?.getAttribute('title') !== before, added);
  return [added, await undoTitle(page)];
}

export interface ComicResult {
  summary: string;
  /** Where "Open the PDF" points. */
  href: string;
}

/** With the panels made: pick a page size and make the comic PDF. */
export async function makeComic(page: Page, pageSize: string): Promise<ComicResult> {
  await goToStep(page, 'pages');
  await page.getByTestId('comic').waitFor();
  await page.getByTestId('page-size').selectOption(pageSize);
  await goToStep(page, 'export');
  await page.getByTestId('export').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 60_000 });
  const href = (await page.getByTestId('open-pdf').getAttribute('href')) ?? '';
  return { summary: (await page.getByTestId('export-summary').textContent()) ?? '', href };
}

/** Starts the analysis again and cancels it from the progress card's button. */
export async function cancelFromTheUi(page: Page): Promise<void> {
  await goToStep(page, 'video');
  await page.getByTestId('analyse').click();
  await page.getByTestId('cancel').click({ timeout: 10_000 });
  await page.getByTestId('job-cancelled').waitFor({ timeout: 10_000 });
}
