import type { Page } from 'playwright-core';
import { balloonShape, type Balloon } from '../app/balloons';
import type { Rect } from '../app/page';
import { projectPages } from '../app/pages';
import type { Project } from '../app/project';
import { testFaces } from '../test-support/lettering-faces';

/** A panel of page 1 by its place in the page (0: the first), as the project lays it out (page mm). */
export function slotRect(project: Project, slot: number): Rect {
  return projectPages(project)[0].panels[slot].rect;
}

/** Screen coordinates of a point on the page canvas given in page mm (the canvas's own view: offset and zoom). */
export async function pagePoint(page: Page, mm: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const stage = page.getByTestId('page-canvas');
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  const view = JSON.parse((await stage.getAttribute('data-view')) ?? '{}') as { x: number; y: number; scale: number };
  return { x: box.x + view.x + mm.x * view.scale, y: box.y + view.y + mm.y * view.scale };
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

/** The rectangle of the panel showing a key frame (page mm). */
export function panelOf(project: Project, keyframe: string): Rect {
  const panel = projectPages(project).flatMap((p) => p.panels).find((p) => p.keyframe === keyframe);
  if (!panel) throw new Error(`no panel shows ${keyframe}`);
  return panel.rect;
}

/** Where a balloon is drawn on the page (mm) and its words, from the same layout the canvas uses. */
export function balloonPlaced(project: Project, b: Balloon & { keyframe: string }) {
  return balloonShape(b, panelOf(project, b.keyframe), testFaces);
}
