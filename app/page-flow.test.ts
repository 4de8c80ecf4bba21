import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PAGE_STYLE } from './page';
import { flowPages } from './page-flow';

test('flowPages: chosen templates per page, the cycle elsewhere, crops by picture, a reflow when pictures change', () => {
  const crops = [undefined, { centerX: 0.2, centerY: 0.5, zoom: 1.5 }];
  const pages = flowPages(9, DEFAULT_PAGE_STYLE, { templates: ['1-1-1'], crops });
  assert.deepEqual(pages.map((p) => p.template), ['1-1-1', '1-2-2', '2-2-1']);
  assert.deepEqual(pages.map((p) => p.panels.length), [3, 5, 1]);
  assert.deepEqual(pages[0].panels[1].crop, crops[1]);
  assert.deepEqual(pages[0].panels[0].crop, { centerX: 0.5, centerY: 0.5, zoom: 1 });
  // One picture fewer: the last page empties away; an unknown template id falls back to the cycle.
  assert.deepEqual(flowPages(8, DEFAULT_PAGE_STYLE, { templates: ['1-1-1'] }).map((p) => p.panels.length), [3, 5]);
  assert.deepEqual(flowPages(2, DEFAULT_PAGE_STYLE, { templates: ['nope'] }).map((p) => p.template), ['2-1-2']);
});
