import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoPages, pageFill, type LayoutFrame } from './auto-layout';
import { boundingBox, isConvexOutline, outlineDistance, outlinesOverlap } from './geometry';
import { DEFAULT_PAGE_STYLE, PAGE_SIZES } from './page';
import { contentBox, PAGE_TEMPLATES, panelCount, templateOutlines } from './page-templates';

const wide = (n: number, shotOf = (i: number) => i): LayoutFrame[] => Array.from({ length: n }, (_, i) => ({ aspect: 16 / 9, shot: shotOf(i) }));

test('auto layout: every page filled (measured), every frame once and in order, for 1 to 40 frames', () => {
  let worst = 1;
  for (let n = 1; n <= 40; n++) {
    const pages = autoPages(wide(n), DEFAULT_PAGE_STYLE);
    assert.deepEqual(pages.flatMap((p) => p.outlines.map((_, i) => p.first + i)), [...Array(n).keys()]);
    for (const p of pages) {
      assert.equal(p.outlines.length, panelCount(p.template), 'no slot left empty');
      worst = Math.min(worst, pageFill(p.outlines, DEFAULT_PAGE_STYLE));
    }
  }
  // The gutters are all that is not panel: ~90 % of the space inside the margins on the fullest templates.
  assert.ok(worst > 0.88, `worst page fill ${worst.toFixed(3)}`);
});

test('auto layout: a shot’s frames stay on one page where they can; pages start where asked; variety', () => {
  // Shots of 3, 2, 3, 2 frames: pages turn between shots.
  const shots = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3];
  const pages = autoPages(wide(10, (i) => shots[i]), DEFAULT_PAGE_STYLE);
  for (const p of pages.slice(1)) assert.notEqual(shots[p.first], shots[p.first - 1], `page at frame ${p.first} splits a shot`);
  const broken = autoPages(wide(10).map((f, i) => ({ ...f, breakBefore: i === 7 })), DEFAULT_PAGE_STYLE);
  assert.ok(broken.some((p) => p.first === 7));
  const many = autoPages(wide(30), DEFAULT_PAGE_STYLE);
  for (let i = 1; i < many.length; i++) assert.notEqual(many[i].template.id, many[i - 1].template.id, 'no template twice running');
  // Tall pictures get taller panels than wide ones.
  const tall = autoPages(Array.from({ length: 6 }, (_, i) => ({ aspect: 9 / 16, shot: i })), DEFAULT_PAGE_STYLE);
  const meanAspect = (ps: typeof tall) => {
    const all = ps.flatMap((p) => p.outlines.map((o) => boundingBox(o).width / boundingBox(o).height));
    return all.reduce((a, b) => a + b, 0) / all.length;
  };
  assert.ok(meanAspect(tall) < meanAspect(autoPages(wide(6), DEFAULT_PAGE_STYLE)));
  assert.deepEqual(autoPages([], DEFAULT_PAGE_STYLE), []);
});

test('templates: inside the margins, never overlapping, convex, one gutter apart; slanted and wide-top; rtl mirrors', () => {
  const style = { ...DEFAULT_PAGE_STYLE, size: PAGE_SIZES.b5 };
  const box = contentBox(style);
  for (const t of PAGE_TEMPLATES) {
    const outlines = templateOutlines(box, style.gutter, t);
    assert.equal(outlines.length, panelCount(t), t.id);
    for (const [i, a] of outlines.entries()) {
      assert.ok(isConvexOutline(a), `${t.id} panel ${i + 1} convex`);
      const b = boundingBox(a);
      assert.ok(b.x >= box.x - 1e-9 && b.y >= box.y - 1e-9 && b.x + b.width <= box.x + box.width + 1e-9 && b.y + b.height <= box.y + box.height + 1e-9);
      for (const c of outlines.slice(i + 1)) {
        assert.ok(!outlinesOverlap(a, c, 1e-6), `${t.id}: panels overlap`);
        const d = outlineDistance(a, c);
        assert.ok(d > style.gutter - 1e-6, `${t.id}: panels ${d} mm apart`);
      }
    }
  }
  const manga = PAGE_TEMPLATES.find((t) => t.id === 'manga-wide-top')!;
  const [top, ...rest] = templateOutlines(box, 4, manga);
  assert.ok(boundingBox(top).height > Math.max(...rest.map((o) => boundingBox(o).height)), 'the wide top panel is the tallest');
  assert.ok(rest.some((o) => !isAxis(o)), 'slanted gutters below it');
  const ltr = templateOutlines(box, 4, PAGE_TEMPLATES.find((t) => t.id === '2-2')!);
  const rtl = templateOutlines(box, 4, PAGE_TEMPLATES.find((t) => t.id === '2-2')!, 'rtl');
  assert.ok(boundingBox(rtl[0]).x > boundingBox(rtl[1]).x, 'manga: the first panel on the right');
  const round = (r: object) => Object.values(r).map((v: number) => v.toFixed(6));
  assert.deepEqual(round(boundingBox(rtl[0])), round(boundingBox(ltr[1])));
});

function isAxis(o: { x: number; y: number }[]) {
  return o.length === 4 && o.every((p) => o.filter((q) => Math.abs(q.x - p.x) < 1e-9 || Math.abs(q.y - p.y) < 1e-9).length === 3);
}
