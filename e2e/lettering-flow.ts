import type { Page } from 'playwright-core';
import { balloonShape, type Balloon } from '../app/balloons';
import type { Project } from '../app/project';
import { testFaces } from '../test-support/lettering-faces';

/** The 2-2-2 template's panels on a US Letter page (12 mm margins, 4 mm gutters), by slot. */
export const LETTER = { width: 215.9, height: 279.4 };
const W = (215.9 - 24 - 4) / 2;
const H = (279.4 - 24 - 8) / 3;
export const slotRect = (slot: number) => ({ x: 12 + (slot % 2) * (W + 4), y: 12 + Math.floor(slot / 2) * (H + 4), width: W, height: H });

/** Screen coordinates of a point on the first page canvas given in page mm. */
export async function pagePoint(page: Page, mm: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.page-canvas canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const k = box.width / LETTER.width;
  return { x: box.x + mm.x * k, y: box.y + mm.y * k };
}

export async function clickAt(page: Page, mm: { x: number; y: number }): Promise<void> {
  const p = await pagePoint(page, mm);
  await page.mouse.click(p.x, p.y);
}

export async function dragFrom(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  const a = await pagePoint(page, from);
  const b = await pagePoint(page, { x: from.x + by.x, y: from.y + by.y });
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 6, a.y + ((b.y - a.y) * i) / 6);
  await page.mouse.up();
}

export const undoTitle = async (page: Page) => (await page.getByTestId('undo').getAttribute('title')) ?? '';

export async function waitForUndoChange(page: Page, before: string): Promise<string> {
  await page.waitForFunction((b) => document.querySelector('[data-testid=undo]')?.getAttribute('title') !== b, before);
  return undoTitle(page);
}

/** All balloons of a project with the key frame holding them. */
export function balloonsOf(project: Project): Array<Balloon & { keyframe: string }> {
  return Object.entries(project.layout?.balloons ?? {}).flatMap(([keyframe, list]) => list.map((b) => ({ ...b, keyframe })));
}

/** Where a balloon is drawn on the page (mm): its outline, from the same layout the canvas uses. */
export function balloonOutline(b: Balloon, slot: number) {
  return balloonShape(b, slotRect(slot), testFaces).outline;
}
