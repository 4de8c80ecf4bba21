import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Installs every model of `folder` from the style panel; waits for the card of `model` and its preview picture. */
export async function installFromFolder(page: Page, folder: string, model: string): Promise<string> {
  await page.getByTestId('model-folder').fill(folder);
  await page.getByTestId('model-folder-install').click();
  await page.getByTestId('model-import-done').waitFor({ timeout: 120_000 });
  const card = page.locator(`[data-testid=style-card][data-model="${model}"]`);
  await card.waitFor({ timeout: 10_000 });
  await waitForPicture(page, `[data-testid=style-card][data-model="${model}"] img[data-testid=style-preview]`, 180_000);
  return (await page.getByTestId('model-import-done').textContent()) ?? '';
}

/** Waits until the image of `selector` has loaded with pixels. */
export async function waitForPicture(page: Page, selector: string, timeout: number): Promise<void> {
  await page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return !!img && img.complete && img.naturalWidth > 0;
  }, selector, { timeout });
}

/** Drops a file (bytes from the test) on the style panel, as a user drags one from their desktop. */
export async function dropModelFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const target = await page.getByTestId('model-drop').elementHandle();
  assert.ok(target, 'the style panel takes dropped models');
  await page.evaluate(
    ({ el, name: fileName, data }) => {
      const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName, { type: 'application/octet-stream' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { el: target, name, data: bytes.toString('base64') },
  );
}

/** Chooses a style for the book by its card; waits for the before/after of the selected frame at the panel's size. */
export async function chooseStyle(page: Page, model: string): Promise<{ licence: string; cost: string }> {
  await page.locator(`[data-testid=style-card][data-model="${model}"]`).click();
  await page.waitForFunction((m) => document.querySelector(`[data-testid=style-card][data-model="${m}"]`)?.getAttribute('aria-pressed') === 'true', model);
  await page.locator('[data-testid=before-after][data-state=panel]').waitFor({ timeout: 180_000 });
  await waitForPicture(page, '[data-testid=before-after] img[data-testid=after]', 10_000);
  const licence = (await page.getByTestId('licence').first().textContent()) ?? '';
  await page.waitForFunction(() => !document.querySelector('[data-testid=cost-estimate]')?.textContent?.includes('measuring'));
  return { licence, cost: (await page.getByTestId('cost-estimate').textContent()) ?? '' };
}

/** Takes the sample video and finds its key frames (as runEditorFlow does, with room for a machine under load). */
export async function analyseSample(page: Page): Promise<number> {
  await page.getByTestId('use-sample').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid=video-path]') as HTMLInputElement | null)?.value.endsWith('sample.mp4'));
  await page.getByTestId('analyse').click();
  await page.getByTestId('shots').waitFor({ timeout: 300_000 });
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img[data-testid=keyframe]')];
    return imgs.length > 0 && imgs.every((i) => i.complete);
  });
  // The kept key frames, as the review timeline shows them.
  return page.locator('[data-testid=view-keyframes] [data-testid=timeline-keyframe][data-status=kept]').count();
}
