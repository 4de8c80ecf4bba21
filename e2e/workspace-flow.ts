import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the workspace spec leaves its screenshots (test artefacts; out/ is not committed). */
export const SCREENS_DIR = join(__dirname, '..', 'out', 'e2e-screens');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Drops a file on the window as a user's drag from the desktop does: a DataTransfer holding a File made from the
 * bytes, dispatched as dragenter, dragover and drop on the element that takes drops.
 */
export async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, b64, type }) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { name, b64: bytes.toString('base64'), type },
  );
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('[data-testid=video-drop]', event, { dataTransfer: transfer });
}

export const inComic = async (page: Page) => (await page.getByTestId('in-comic').textContent()) ?? '';
/** How many key frames on the review timeline have this review status (proposed, accepted, rejected). */
export const statuses = (page: Page, status: string) => page.locator(`[data-testid=timeline-keyframe][data-review=${status}]`).count();

/** Waits for the review of a finished analysis, its pictures loaded. */
export async function reviewShown(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid=view-keyframes] [data-testid=timeline]').waitFor({ timeout });
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid=view-keyframes] [data-testid=timeline-keyframe] img')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
}

/** Waits until the toolbar says the project is saved. */
export async function saved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.getAttribute('class')?.includes('saved'));
}

/** Everything on the page that is not translated: visible text with three or more Latin letters in a row. */
export async function untranslated(page: Page, allowed: RegExp, within = 'body'): Promise<string[]> {
  const texts = await page.evaluate((within) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(within)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        // A model's description and licence are the catalog's own words (models/catalog.json), not the UI's.
        if (!el || el.closest('[hidden], code, .path, .problem-detail, option, kbd, .brand, [data-testid=licence]') || !el.offsetParent) continue;
        const text = n.textContent?.trim();
        if (text) out.push(text);
      }
    }
    return out;
  }, within);
  return texts.filter((t) => /[A-Za-z]{3,}/.test(t.replace(allowed, '')));
}
