import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PAGE_STYLE, PAGE_SIZES, type Rect } from '../../../app/page';
import { autoLayout } from './auto-layout';

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 1e-9 && b.x < a.x + a.width - 1e-9 && a.y < b.y + b.height - 1e-9 && b.y < a.y + a.height - 1e-9;

test('autoLayout: every picture once, in order, pages of 5 panels, inside the margins, never overlapping', () => {
  const pages = autoLayout(12, DEFAULT_PAGE_STYLE);
  assert.deepEqual(pages.map((p) => p.panels.length), [5, 5, 2]);
  assert.deepEqual(pages.flatMap((p) => p.panels.map((x) => x.picture)), [...Array(12).keys()]);
  const { margin, gutter, size } = DEFAULT_PAGE_STYLE;
  for (const page of pages) {
    for (const [i, a] of page.panels.entries()) {
      assert.ok(a.rect.x >= margin - 1e-9 && a.rect.y >= margin - 1e-9, JSON.stringify(a.rect));
      assert.ok(a.rect.x + a.rect.width <= size.width - margin + 1e-9 && a.rect.y + a.rect.height <= size.height - margin + 1e-9);
      for (const b of page.panels.slice(i + 1)) assert.ok(!overlaps(a.rect, b.rect), `${JSON.stringify(a.rect)} overlaps ${JSON.stringify(b.rect)}`);
    }
  }
  // Page 1 is 2-1-2: two panels side by side with one gutter between them fill the content width.
  const [a, b, wide] = pages[0].panels;
  assert.ok(Math.abs(a.rect.width + gutter + b.rect.width - (size.width - 2 * margin)) < 1e-9);
  assert.equal(a.rect.y, b.rect.y);
  assert.ok(Math.abs(wide.rect.width - (size.width - 2 * margin)) < 1e-9);
  assert.ok(b.rect.x > a.rect.x, 'left to right');
  // The short last page keeps the tier height of the pages before it.
  assert.equal(pages[2].panels[0].rect.height, pages[0].panels[0].rect.height);
});

test('autoLayout: manga order reads right to left; other page sizes; nothing to lay out gives no page', () => {
  const pages = autoLayout(2, { ...DEFAULT_PAGE_STYLE, size: PAGE_SIZES.b5, readingOrder: 'rtl' });
  const [first, second] = pages[0].panels;
  assert.ok(first.rect.x > second.rect.x, 'the first panel is on the right');
  assert.equal(pages[0].size.width, 182);
  assert.deepEqual(autoLayout(0, DEFAULT_PAGE_STYLE), []);
});
