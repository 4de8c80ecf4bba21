import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Point } from '../app/geometry';

/** The page canvas' view (scale px per mm, offset) and where it sits on screen: page mm → screen px. */
export async function canvasMapping(page: Page): Promise<(p: Point) => Point> {
  const canvas = page.getByTestId('page-canvas');
  await page.waitForFunction(() => document.querySelector('[data-testid=page-canvas]')?.getAttribute('data-ready') === 'true');
  const box = (await canvas.boundingBox())!;
  const view = JSON.parse((await canvas.getAttribute('data-view')) ?? '{}') as { scale: number; x: number; y: number };
  return (p) => ({ x: box.x + view.x + p.x * view.scale, y: box.y + view.y + p.y * view.scale });
}

export const undoTitle = async (page: Page) => (await page.getByTestId('undo').getAttribute('title')) ?? '';

/** Waits until the Undo button names a newer edit than `before`, and returns its title. */
export async function nextUndo(page: Page, before: string): Promise<string> {
  await page.waitForFunction((b) => document.querySelector('[data-testid=undo]')?.getAttribute('title') !== b, before, { timeout: 5000 });
  return undoTitle(page);
}

/** A mouse drag from a to b in small steps (Konva sees every move). */
export async function drag(page: Page, a: Point, b: Point, opts: { shift?: boolean } = {}): Promise<void> {
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
  await page.mouse.up();
  assert.ok(!opts.shift || true);
}

/** Clicks a page point (mm), with Shift held for a second selection. */
export async function clickAt(page: Page, toScreen: (p: Point) => Point, p: Point, shift = false): Promise<void> {
  const s = toScreen(p);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(s.x, s.y);
  if (shift) await page.keyboard.up('Shift');
}
