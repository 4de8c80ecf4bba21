import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { makeWithFfmpeg } from '../test-support/fixtures';
export { serve } from './serve-host';

/** Screenshots of the timeline's steps, kept as the run's artefacts. */
export const SCREENS_DIR = resolve(__dirname, '..', 'out', 'e2e-screens');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * 32 s at 640×360, 25 fps: testsrc2 | cut | smptebars, fading through black into rgbtestsrc | cut | mandelbrot,
 * cross-dissolving into testsrc2. Long enough that the shots arrive on the timeline while the analysis runs.
 */
export function timelineVideo(): string {
  const size = 's=640x360:r=25';
  const graph = [
    `testsrc2=${size}:d=8,format=yuv420p[a]`,
    `smptebars=${size}:d=6,fade=t=out:st=5.4:d=0.6,format=yuv420p[b]`,
    `rgbtestsrc=${size}:d=8,fade=t=in:st=0:d=0.6,format=yuv420p[c]`,
    `mandelbrot=${size}:start_scale=0.4,trim=duration=10,setpts=PTS-STARTPTS,format=yuv420p[d0]`,
    `testsrc2=${size}:d=10,format=yuva420p,fade=t=in:st=4:d=1.5:alpha=1[d1]`,
    '[d0][d1]overlay=shortest=1,format=yuv420p[d]',
    '[a][b][c][d]concat=n=4:v=1:a=0,setpts=N/25/TB[out]',
  ].join(';');
  return makeWithFfmpeg('timeline-e2e.mp4', ['-filter_complex', graph, '-map', '[out]', '-r', '25', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '25', '-pix_fmt', 'yuv420p', '-movflags', '+faststart']);
}

/**
 * While the analysis runs: the number of shot bands on the live timeline, sampled every 40 ms until the review
 * replaces it. Returns the distinct counts seen, in order.
 */
export async function watchShotsArrive(page: Page, onSome: () => Promise<void>): Promise<number[]> {
  await page.getByTestId('timeline').first().waitFor({ timeout: 20_000 });
  const seen: number[] = [];
  let shot = false;
  for (;;) {
    const { live, count } = await page.evaluate(() => {
      const live = document.querySelector('[data-testid=timeline][data-live=true]');
      return { live: !!live, count: live ? live.querySelectorAll('[data-testid=timeline-shot]').length : 0 };
    });
    if (!live) break;
    if (count !== seen.at(-1)) seen.push(count);
    if (!shot && count >= 2) {
      shot = true;
      await onSome();
    }
    await page.waitForTimeout(40);
  }
  return seen;
}

/** The timeline's key frames as the page shows them: id → data-status (kept | dropped) and data-review. */
export function keyframeMarks(page: Page): Promise<Array<{ id: string; status: string; review: string; origin: string }>> {
  return page.$$eval('[data-testid=timeline-keyframe]', (els) =>
    els.map((e) => ({ id: e.getAttribute('data-id') ?? '', status: e.getAttribute('data-status') ?? '', review: e.getAttribute('data-review') ?? '', origin: e.getAttribute('data-origin') ?? '' })),
  );
}

export const selectedId = (page: Page) => page.locator('[data-testid=timeline-keyframe].selected').getAttribute('data-id');
