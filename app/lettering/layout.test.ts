import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFont } from '../../test-support/lettering-faces';
import { NO_LINE_END, NO_LINE_START, textUnits } from './breaks';
import { fontFor, scriptOf } from './fonts';
import { breakLines, layoutShrinkToFit, layoutText, type LayoutRequest } from './layout';

const latin = loadFont('comic-neue').face;
const korean = loadFont('pretendard').face;
const japanese = loadFont('pretendard-jp').face;
const box = (width: number, height: number, kind: 'rect' | 'ellipse' = 'rect') => ({ kind, width, height, padding: 0 });

test('Latin breaks between words, at the font’s real widths (kerning included), centred', () => {
  const req: LayoutRequest = { text: 'Where did the deer go? I saw it by the rock', face: latin, sizeMm: 4, shape: box(40, 100) };
  const l = layoutText(req);
  assert.ok(l.fits && l.lines.length >= 2, JSON.stringify(l.lines.map((x) => x.text)));
  assert.equal(l.lines.map((x) => x.text).join(' '), req.text);
  for (const line of l.lines) {
    assert.ok(line.box.width <= 40 + 1e-9, `${line.text}: ${line.box.width}`);
    assert.ok(Math.abs(line.box.x + line.box.width / 2) < 1e-9, 'centred');
  }
  // "AV" is kerned closer than the two advances: the layout uses GPOS kerning, not bare widths.
  const av = latin.shape('AV');
  const bare = loadFont('comic-neue').advanceOf(av[0].id) + loadFont('comic-neue').advanceOf(av[1].id);
  assert.ok(av[0].advance + av[1].advance < bare, 'kerned');
  // Glyph x positions follow each other by the shaped advances.
  const g = layoutText({ ...req, text: 'AV', shape: box(100, 10) }).lines[0].glyphs;
  assert.ok(Math.abs(g[1].x - g[0].x - (av[0].advance / 1000) * 4) < 1e-9);
});

test('explicit newlines start lines; an empty line stays', () => {
  const l = layoutText({ text: 'One\n\nTwo', face: latin, sizeMm: 4, shape: box(100, 100) });
  assert.deepEqual(l.lines.map((x) => x.text), ['One', '', 'Two']);
  assert.ok(l.lines[2].box.y > l.lines[0].box.y, 'top to bottom');
});

test('Korean breaks only between words (keep-all), never inside one', () => {
  const text = '안녕하세요 여러분 오늘은 정말 좋은 날씨입니다';
  const l = layoutText({ text, face: korean, sizeMm: 4, shape: box(30, 100) });
  assert.ok(l.lines.length >= 2);
  const words = new Set(text.split(' '));
  for (const line of l.lines) for (const w of line.text.split(' ')) assert.ok(words.has(w), `"${w}" is a whole word`);
  assert.equal(l.lines.map((x) => x.text).join(' '), text);
});

test('Japanese breaks between characters with kinsoku: no 。、」ー at a line start, no 「 at a line end', () => {
  const text = '「きょうは、とてもいい天気ですね。」と彼女は言った。コーヒーをのみましょう。';
  for (const width of [12, 14, 17, 20, 23, 26]) {
    const lines = breakLines({ text, face: japanese, sizeMm: 3, shape: box(width, 100) })!;
    assert.ok(lines && lines.length > 1, `width ${width}`);
    assert.equal(lines.join(''), text);
    for (const [i, line] of lines.entries()) {
      if (i > 0) assert.ok(!NO_LINE_START.has([...line][0]), `width ${width}: line ${i} starts with ${[...line][0]}: ${lines.join(' | ')}`);
      if (i < lines.length - 1) assert.ok(!NO_LINE_END.has([...line].pop()!), `width ${width}: line ${i} ends with an opening bracket`);
    }
  }
  assert.deepEqual(textUnits('「あ」い').map((u) => u.text), ['「あ」', 'い']);
});

test('vertical writing: columns top to bottom, right to left; brackets and the long-vowel mark turned, the full stop in the corner', () => {
  const text = '「ラーメン」を食べたい。今日はとても寒いから';
  const l = layoutText({ text, face: japanese, sizeMm: 4, vertical: true, shape: box(30, 30) });
  assert.ok(l.fits && l.lines.length >= 2);
  assert.equal(l.lines.map((x) => x.text).join(''), text);
  for (let i = 1; i < l.lines.length; i++) assert.ok(l.lines[i].box.x < l.lines[i - 1].box.x, 'the next column is to the left');
  const first = l.lines[0];
  for (let i = 1; i < first.glyphs.length; i++) assert.ok(first.glyphs[i].y > first.glyphs[i - 1].y, 'down the column');
  const glyph = (ch: string) => l.lines.flatMap((x) => x.glyphs).find((g) => g.text === ch)!;
  assert.equal(glyph('「').rotate, 90);
  assert.equal(glyph('ー').rotate, 90);
  assert.equal(glyph('ラ').rotate, 0);
  assert.equal(glyph('食').rotate, 0);
  // 。 sits right of the column's middle (its ink in the top-right quarter of its cell).
  const stop = glyph('。');
  const column = l.lines.find((x) => x.glyphs.includes(stop))!;
  const ink = japanese.glyphBox(stop.id);
  assert.ok(stop.x + ((ink.minX + ink.maxX) / 2 / 1000) * 4 > column.box.x + column.box.width / 2, 'right of the middle');
});

test('an ellipse holds shorter lines at its top and bottom than across its middle', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve';
  const l = layoutText({ text, face: latin, sizeMm: 4, shape: box(50, 36, 'ellipse') });
  assert.ok(l.fits, JSON.stringify(l.lines.map((x) => x.text)));
  for (const line of l.lines) {
    // Every line's ends lie inside the ellipse.
    for (const x of [line.box.x, line.box.x + line.box.width]) for (const y of [line.box.y, line.box.y + line.box.height]) {
      assert.ok((x / 25) ** 2 + (y / 18) ** 2 <= 1.0001, `${line.text} at ${x},${y}`);
    }
  }
});

test('shrink to fit: the largest size at which the words fit', () => {
  const req: LayoutRequest = { text: 'Far too many words for this small box', face: latin, sizeMm: 6, shape: box(20, 10) };
  assert.equal(layoutText(req).fits, false);
  const s = layoutShrinkToFit(req, 1);
  assert.ok(s.fits && s.sizeMm < 6);
  assert.equal(breakLines({ ...req, sizeMm: s.sizeMm + 0.05 }), null, 'a little larger does not fit');
});

test('the default font follows the script', () => {
  assert.equal(scriptOf('Hello'), 'latin');
  assert.equal(scriptOf('안녕 hello'), 'korean');
  assert.equal(scriptOf('漢字とかな'), 'japanese');
  assert.equal(scriptOf('漢字'), 'japanese');
  assert.equal(fontFor('안녕'), 'pretendard');
  assert.equal(fontFor('ありがとう'), 'pretendard-jp');
  assert.equal(fontFor('Thanks'), 'comic-neue');
});
