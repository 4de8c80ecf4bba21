import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageFill } from '../../../app/auto-layout';
import { outlinesOverlap, rectOutline } from '../../../app/geometry';
import { DEFAULT_PAGE_STYLE, PAGE_SIZES } from '../../../app/page';
import { autoLayout } from './auto-layout';

test('autoLayout: every picture once, in order, inside the margins, never overlapping, every page filled', () => {
  for (const count of [1, 2, 4, 7, 12, 25]) {
    const pages = autoLayout(count, DEFAULT_PAGE_STYLE);
    assert.deepEqual(pages.flatMap((p) => p.panels.map((x) => x.picture)), [...Array(count).keys()]);
    const { margin, size } = DEFAULT_PAGE_STYLE;
    for (const page of pages) {
      const outlines = page.panels.map((p) => p.outline ?? rectOutline(p.rect));
      for (const [i, a] of page.panels.entries()) {
        assert.ok(a.rect.x >= margin - 1e-9 && a.rect.y >= margin - 1e-9, JSON.stringify(a.rect));
        assert.ok(a.rect.x + a.rect.width <= size.width - margin + 1e-9 && a.rect.y + a.rect.height <= size.height - margin + 1e-9);
        for (const b of outlines.slice(i + 1)) assert.ok(!outlinesOverlap(outlines[i], b, 1e-6));
      }
      const fill = pageFill(outlines, DEFAULT_PAGE_STYLE);
      assert.ok(fill > 0.88, `${count} pictures: a page ${(fill * 100).toFixed(1)} % filled`);
    }
  }
});

test('autoLayout: manga order reads right to left; other page sizes; nothing to lay out gives no page', () => {
  const pages = autoLayout(2, { ...DEFAULT_PAGE_STYLE, size: PAGE_SIZES.b5, readingOrder: 'rtl' }, { shots: [0, 0] });
  assert.equal(pages.length, 1);
  assert.equal(pages[0].size.width, 182);
  const four = autoLayout(4, { ...DEFAULT_PAGE_STYLE, readingOrder: 'rtl' }, { aspects: [1, 1, 1, 1], shots: [0, 0, 0, 0] });
  const [first, second] = four[0].panels;
  if (Math.abs(first.rect.y - second.rect.y) < 1) assert.ok(first.rect.x > second.rect.x, 'the first panel is on the right');
  assert.deepEqual(autoLayout(0, DEFAULT_PAGE_STYLE), []);
});
