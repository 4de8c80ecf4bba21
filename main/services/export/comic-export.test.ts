import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { balloonShape, newBalloon, type Balloon } from '../../../app/balloons';
import { CENTERED_CROP, type ComicPage, type PageSize } from '../../../app/page';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { testFaces } from '../../../test-support/lettering-faces';
import { writeComicPdf } from './comic-pdf';
import { writeCbz, writePngPages } from './comic-raster';

const A5: PageSize = { id: 'a5', name: 'A5', width: 148, height: 210 };
const poppler = !spawnSync('pdftotext', ['-v']).error;
const tmp = (name: string) => join(mkdtempSync(join(tmpdir(), 'ycis-export-')), name);
const NO_CREDITS = { lines: [], summary: '', credits: [] } as never;

const KOREAN = '안녕하세요, 여러분!\n두 번째 줄입니다';
const JAPANESE = '「こんにちは、世界ー」。今日はいい天気ですね';
const balloons: Balloon[] = [
  { ...newBalloon('ko', 'speech'), text: KOREAN, x: 0.3, y: 0.3, width: 0.45 },
  { ...newBalloon('ja', 'speech'), text: JAPANESE, vertical: true, x: 0.8, y: 0.45, width: 0.2, height: 0.4 },
  { ...newBalloon('en', 'thought'), text: 'Where did the deer go?', x: 0.35, y: 0.75, width: 0.4 },
];

/** A noisy photo-like 2000×1500 picture and a flat two-colour one. */
function pictures(): [string, string] {
  const photo = makeWithFfmpeg('export-noise.png', ['-f', 'lavfi', '-i', 'nullsrc=s=2000x1500,geq=random(1)*255:128+random(2)*60:random(3)*255', '-frames:v', '1']);
  const flat = makeWithFfmpeg('export-halves.png', [
    '-f', 'lavfi', '-i', 'color=c=red:s=800x900', '-f', 'lavfi', '-i', 'color=c=blue:s=800x900', '-filter_complex', '[0][1]hstack', '-frames:v', '1',
  ]);
  return [photo, flat];
}

function lettered(): ComicPage[] {
  return [{ size: A5, panels: [{ rect: { x: 10, y: 10, width: 128, height: 120 }, picture: 1, crop: CENTERED_CROP, balloons }] }];
}

test('PDF lettering: every font embedded as a subset (credits too, no standard font), the words extracted exactly', async (t) => {
  if (!poppler) return t.skip('poppler-utils (pdffonts, pdftotext) is not installed');
  const out = tmp('lettered.pdf');
  const [, flat] = pictures();
  await writeComicPdf(out, { pages: lettered(), pictures: [flat, flat], title: 'Lettered', attribution: { lines: ['Credit line — 크레딧'], summary: 's', credits: [] } as never, creator: 'test' });
  const fonts = spawnSync('pdffonts', [out], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
  assert.equal(fonts.length, 4, fonts.join('\n'));
  for (const line of fonts) {
    assert.match(line, /^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/, line);
  }
  assert.deepEqual(fonts.map((l) => l.split(/\s+/)[0].slice(7)).sort(), ['ComicNeue-Bold', 'Pretendard-Bold', 'Pretendard-Regular', 'PretendardJP-Bold']);
  const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
  for (const line of KOREAN.split('\n')) assert.ok(text.includes(line), `Korean line "${line}" in:\n${text}`);
  // The vertical balloon (several columns) comes back as its words in reading order, whole.
  const columns = balloonShape(balloons[1], lettered()[0].panels[0].rect, testFaces).text.lines.map((l) => l.text);
  assert.ok(columns.length >= 2);
  assert.ok(text.split('\n').includes(JAPANESE), `"${JAPANESE}" in:\n${text}`);
  assert.match(text, /Where did the deer go\?/);
  assert.match(text, /Credit line — 크레딧/);
  // Rendered, the balloons have ink where their words are laid out (no blank boxes).
  const png = tmp('p');
  spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', out, png]);
  const { data, info } = await sharp(`${png}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  const panel = lettered()[0].panels[0].rect;
  for (const b of balloons) {
    const s = balloonShape(b, panel, testFaces);
    for (const line of s.text.lines) {
      const k = 150 / 25.4;
      let dark = 0;
      let all = 0;
      for (let y = Math.round((s.outline.cy + line.box.y) * k); y < (s.outline.cy + line.box.y + line.box.height) * k; y++) {
        for (let x = Math.round((s.outline.cx + line.box.x) * k); x < (s.outline.cx + line.box.x + line.box.width) * k; x++) {
          all++;
          if (data[y * info.width + x] < 100) dark++;
        }
      }
      assert.ok(dark / all > 0.08 && dark / all < 0.7, `${line.text}: ${Math.round((dark / all) * 100)}% ink`);
    }
  }
});

test('PDF text boxes equal the layout the canvas draws, within 0.5 pt', async (t) => {
  if (!poppler) return t.skip('poppler-utils (pdftotext) is not installed');
  const out = tmp('boxes.pdf');
  const [, flat] = pictures();
  const page: ComicPage = { size: A5, panels: [{ rect: { x: 10, y: 10, width: 128, height: 120 }, picture: 0, crop: CENTERED_CROP, balloons: [balloons[0], balloons[2]] }] };
  await writeComicPdf(out, { pages: [page], pictures: [flat], title: 'Boxes', attribution: NO_CREDITS, creator: 'test' });
  const html = spawnSync('pdftotext', ['-bbox-layout', out, '-'], { encoding: 'utf8' }).stdout;
  const lines = [...html.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    box: m.slice(1, 5).map(Number),
    text: [...m[5].matchAll(/>([^<]+)<\/word>/g)].map((w) => w[1]).join(' '),
  }));
  const pt = (mm: number) => (mm / 25.4) * 72;
  let compared = 0;
  for (const b of [balloons[0], balloons[2]]) {
    const s = balloonShape(b, page.panels[0].rect, testFaces);
    for (const line of s.text.lines) {
      const found = lines.find((l) => l.text === line.text);
      assert.ok(found, `"${line.text}" among ${JSON.stringify(lines.map((l) => l.text))}`);
      const left = pt(s.outline.cx + line.box.x);
      const right = pt(s.outline.cx + line.box.x + line.box.width);
      assert.ok(Math.abs(found.box[0] - left) <= 0.5, `${line.text}: left ${found.box[0]} vs ${left}`);
      assert.ok(Math.abs(found.box[2] - right) <= 0.5, `${line.text}: right ${found.box[2]} vs ${right}`);
      compared++;
    }
  }
  assert.ok(compared >= 3);
});

test('PDF pictures: resampled to the panel’s printed size at the chosen dpi, JPEG for a photo, PNG for flat colours, each once', async (t) => {
  if (!poppler) return t.skip('poppler-utils (pdfimages) is not installed');
  const [photo, flat] = pictures();
  // The photo (2000 px wide) in a 100 × 75 mm panel; the flat picture in two panels of its own page.
  const pages: ComicPage[] = [
    { size: A5, panels: [{ rect: { x: 10, y: 10, width: 100, height: 75 }, picture: 0, crop: CENTERED_CROP }] },
    { size: A5, panels: [
      { rect: { x: 10, y: 10, width: 60, height: 60 }, picture: 1, crop: CENTERED_CROP },
      { rect: { x: 10, y: 80, width: 60, height: 60 }, picture: 1, crop: { centerX: 0.2, centerY: 0.5, zoom: 1.5 } },
    ] },
  ];
  for (const dpi of [150, 300]) {
    const out = tmp(`pictures-${dpi}.pdf`);
    const r = await writeComicPdf(out, { pages, pictures: [photo, flat], title: 'P', attribution: NO_CREDITS, creator: 'test', images: { dpi, quality: 80 } });
    assert.deepEqual([r.images, r.pngImages], [2, 1]);
    const list = spawnSync('pdfimages', ['-list', out], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    // page num type width height color comp bpc enc interp object ...
    const photoImage = list.find((l) => l[0] === '1')!;
    const want = [(100 / 25.4) * dpi, (75 / 25.4) * dpi];
    assert.ok(Math.abs(Number(photoImage[3]) - want[0]) <= 1 && Math.abs(Number(photoImage[4]) - want[1]) <= 1, `${photoImage[3]}×${photoImage[4]} for ${want}`);
    assert.equal(photoImage[8], 'jpeg');
    const flatUses = list.filter((l) => l[0] === '2');
    assert.equal(flatUses.length, 2, 'drawn twice');
    assert.equal(flatUses[0][10], flatUses[1][10], 'one image object for both panels');
    assert.equal(flatUses[0][8], 'image', 'flat colours as PNG (Flate) data');
  }
});

test('PDF page look: a polygon panel is clipped to its outline, the border follows it, the page background is filled', async (t) => {
  if (!poppler) return t.skip('poppler-utils (pdftoppm) is not installed');
  const [, flat] = pictures();
  const out = tmp('polygon.pdf');
  const page = {
    size: A5,
    style: { background: '#203040', borderWidth: 1, borderColor: '#ffcc00' },
    panels: [{ rect: { x: 10, y: 10, width: 128, height: 100 }, outline: [{ x: 10, y: 10 }, { x: 138, y: 10 }, { x: 138, y: 70 }, { x: 10, y: 110 }], picture: 0, crop: CENTERED_CROP }],
  };
  await writeComicPdf(out, { pages: [page], pictures: [flat], title: 'P', attribution: NO_CREDITS, creator: 'test' });
  const base = tmp('p');
  spawnSync('pdftoppm', ['-r', '100', '-png', '-singlefile', out, base]);
  const { data, info } = await sharp(`${base}.png`).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (Math.round((y / 25.4) * 100) * info.width + Math.round((x / 25.4) * 100)) * info.channels;
    return [data[i], data[i + 1], data[i + 2]];
  };
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 30);
  assert.ok(near(at(20, 30), [255, 0, 0]), `inside: ${at(20, 30)}`);
  assert.ok(near(at(130, 100), [0x20, 0x30, 0x40]), `cut off by the slant: ${at(130, 100)}`);
  assert.ok(near(at(5, 150), [0x20, 0x30, 0x40]), `background: ${at(5, 150)}`);
  assert.ok(near(at(74, 90), [0xff, 0xcc, 0x00]), `border along the slant: ${at(74, 90)}`);
});

test('PNG pages and CBZ: one picture per page at the dpi, the same lettering, ComicInfo.xml reading right to left', async () => {
  const [, flat] = pictures();
  const req = { pages: [...lettered(), ...lettered()], pictures: [flat, flat], title: 'Manga & co', author: 'A. Uthor', attribution: { lines: ['Style: test'], summary: '', credits: [] } as never, readingOrder: 'rtl' as const, images: { dpi: 150 } };
  const dir = tmp('pages');
  const png = await writePngPages(dir, req);
  assert.equal(png.pages, 2);
  // Beside the pages, the list of them this export wrote (what the next export into the folder may replace).
  assert.deepEqual(readdirSync(dir).sort(), ['.your-cartoon-pages.json', 'page-001.png', 'page-002.png']);
  const meta = await sharp(join(dir, 'page-001.png')).metadata();
  assert.deepEqual([meta.width, meta.height], [Math.round((148 / 25.4) * 150), Math.round((210 / 25.4) * 150)]);
  // The words are drawn where the layout puts them: ink inside the Korean balloon's first line.
  const { data, info } = await sharp(join(dir, 'page-001.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
  const s = balloonShape(balloons[0], lettered()[0].panels[0].rect, testFaces);
  const line = s.text.lines[0];
  const k = 150 / 25.4;
  let dark = 0;
  let all = 0;
  for (let y = Math.round((s.outline.cy + line.box.y) * k); y < (s.outline.cy + line.box.y + line.box.height) * k; y++) {
    for (let x = Math.round((s.outline.cx + line.box.x) * k); x < (s.outline.cx + line.box.x + line.box.width) * k; x++, all++) if (data[y * info.width + x] < 100) dark++;
  }
  assert.ok(dark / all > 0.08, `ink in the first Korean line: ${dark}/${all}`);
  // A second export replaces the pages of the first (its page-002.png goes); a file of the user's own in the folder
  // (it may be one they picked) stays.
  writeFileSync(join(dir, 'notes.txt'), 'mine');
  await writePngPages(dir, { ...req, pages: lettered() });
  assert.deepEqual(readdirSync(dir).sort(), ['.your-cartoon-pages.json', 'notes.txt', 'page-001.png']);
  // A folder with a page-001.png of the user's own (no earlier export listed it) is refused, the file left as it was.
  const theirs = tmp('their-pages');
  mkdirSync(theirs);
  writeFileSync(join(theirs, 'page-001.png'), 'their scan');
  await assert.rejects(writePngPages(theirs, req), (e: Error & { code?: string }) => e.code === 'TARGET_TAKEN' && /their-pages.* already has page-001\.png, not written by an earlier export/.test(e.message));
  assert.deepEqual([readdirSync(theirs), readFileSync(join(theirs, 'page-001.png'), 'utf8')], [['page-001.png'], 'their scan']);

  const cbz = tmp('book.cbz');
  const r = await writeCbz(cbz, req);
  const files = unzipSync(readFileSync(cbz));
  assert.deepEqual(Object.keys(files).sort(), ['ComicInfo.xml', ...r.files].sort());
  assert.equal(r.files.length, 2);
  const xml = new TextDecoder().decode(files['ComicInfo.xml']);
  assert.match(xml, /<Manga>YesAndRightToLeft<\/Manga>/);
  assert.match(xml, /<Title>Manga &amp; co<\/Title>/);
  assert.match(xml, /<Writer>A\. Uthor<\/Writer>/);
  assert.match(xml, /<PageCount>2<\/PageCount>/);
  const first = await sharp(Buffer.from(files[r.files[0]])).metadata();
  assert.equal(first.width, meta.width);
});
