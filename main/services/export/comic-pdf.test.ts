import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream } from 'pdf-lib';
import { newBalloon } from '../../../app/balloons';
import { CENTERED_CROP, type ComicPage, type PageSize } from '../../../app/page';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { getModel, modelAttribution } from '../stylize';
import { ExportError, writeComicPdf, type ComicPdfRequest } from './comic-pdf';
import { PRINT_SETUP } from './print-marks';

const SQUARE: PageSize = { id: 'test', name: 'test', width: 100, height: 100 };

/** 1600×900, left half red and right half blue; and a plain green JPEG. */
function pictures(): string[] {
  const halves = makeWithFfmpeg('export-halves.png', [
    '-f', 'lavfi', '-i', 'color=c=red:s=800x900', '-f', 'lavfi', '-i', 'color=c=blue:s=800x900',
    '-filter_complex', '[0][1]hstack', '-frames:v', '1',
  ]);
  const green = makeWithFfmpeg('export-green.jpg', ['-f', 'lavfi', '-i', 'color=c=0x00ff00:s=800x450', '-frames:v', '1', '-q:v', '2']);
  return [halves, green];
}

function request(pics: string[]): ComicPdfRequest {
  const pages: ComicPage[] = [
    {
      size: SQUARE,
      panels: [
        {
          rect: { x: 10, y: 10, width: 80, height: 40 },
          picture: 0,
          crop: CENTERED_CROP,
          // A speech balloon over the blue half (its centre at 75%, 30% of the panel), tail down to the left.
          balloons: [{ ...newBalloon('b1', 'speech'), text: 'Hello there', x: 0.75, y: 0.3, tailX: 0.6, tailY: 0.9 }],
        },
        { rect: { x: 10, y: 55, width: 40, height: 35 }, picture: 1, crop: CENTERED_CROP },
      ],
    },
    // The same picture zoomed 2× onto its left edge: only red shows.
    { size: SQUARE, panels: [{ rect: { x: 10, y: 10, width: 80, height: 80 }, picture: 0, crop: { centerX: 0, centerY: 0.5, zoom: 2 } }] },
  ];
  return { pages, pictures: pics, title: 'Test comic', attribution: modelAttribution([getModel('whitebox-cartoon')]), creator: 'Your Cartoon Is test' };
}

test('writeComicPdf: pages at their size in mm, every panel drawn, credits and licence in the metadata', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'ycis-pdf-')), 'comic.pdf');
  const r = await writeComicPdf(out, request(pictures()));
  // The credits do not fit under the last panel of a 100 mm page: they get a page of their own.
  assert.deepEqual([r.pages, r.panels], [3, 3]);
  // Page 2 shows a 900 px tall picture zoomed 2× in an 80 mm square: 450 px over 80 mm, 143 dpi.
  assert.equal(Math.round(r.minDpi), 143);
  const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
  assert.equal(doc.getPageCount(), 3);
  const { width, height } = doc.getPage(0).getSize();
  assert.deepEqual([width, height].map((v) => Math.round(v * 100) / 100), [283.46, 283.46]); // 100 mm in points
  assert.equal(doc.getTitle(), 'Test comic');
  assert.match(doc.getSubject() ?? '', /White-box Cartoonization \(CC BY-NC-SA 4\.0, non-commercial\)/);
  assert.match(doc.getKeywords() ?? '', /White-box Cartoonization/);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const credit = info.lookup(PDFName.of('Attribution'), PDFHexString).decodeText();
  assert.match(credit, /Xinrui Wang and Jinze Yu/);
  assert.match(credit, /not for commercial use/);
  const xmp = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
  const xml = Buffer.from(xmp.getContents()).toString('utf8');
  assert.match(xml, /<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">White-box Cartoonization \(whitebox-cartoon\): Xinrui Wang/);
});

/** Renders page `n` of a PDF at `dpi` with poppler's pdftoppm; pixel (x, y) in mm → [r, g, b]. */
function render(pdf: string, n: number, dpi: number): (xMm: number, yMm: number) => number[] {
  const base = join(mkdtempSync(join(tmpdir(), 'ycis-pdf-render-')), 'p');
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', pdf, base], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  assert.ok(header, 'a binary PPM');
  const w = Number(header[1]);
  const offset = header[0].length;
  return (xMm, yMm) => {
    const i = offset + (Math.round((yMm / 25.4) * dpi) * w + Math.round((xMm / 25.4) * dpi)) * 3;
    return [ppm[i], ppm[i + 1], ppm[i + 2]];
  };
}

const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]) <= 40);

test('writeComicPdf rendered (pdftoppm): each panel shows its crop of its picture, borders, white around', async (t) => {
  if (spawnSync('pdftoppm', ['-v']).error) return t.skip('pdftoppm (Debian poppler-utils) is not installed');
  const out = join(mkdtempSync(join(tmpdir(), 'ycis-pdf-')), 'comic.pdf');
  await writeComicPdf(out, request(pictures()));
  const text = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), out, '-'], { encoding: 'utf8' }).stdout;
  const page1 = render(out, 1, 100);
  const RED = [255, 0, 0], BLUE = [0, 0, 255], GREEN = [0, 255, 0], WHITE = [255, 255, 255], BLACK = [0, 0, 0];
  // Panel 1 (80×40 mm) shows the 16:9 picture's full width: red on the left, blue on the right.
  assert.ok(near(page1(20, 30), RED), `left of panel 1: ${page1(20, 30)}`);
  assert.ok(near(page1(80, 30), BLUE), `right of panel 1: ${page1(80, 30)}`);
  assert.ok(near(page1(30, 72), GREEN), `panel 2: ${page1(30, 72)}`);
  assert.ok(near(page1(70, 72), WHITE), `outside the panels: ${page1(70, 72)}`);
  assert.ok(near(page1(10, 30), BLACK), `border of panel 1: ${page1(10, 30)}`);
  // The balloon: white where the blue half was, lettered in the embedded Comic Neue.
  const inside = page1(10 + 0.75 * 80 - 6, 10 + 0.3 * 40 - 2.5);
  assert.ok(near(inside, WHITE), `inside the balloon: ${inside}`);
  assert.match(text(1), /Hello there/);
  const page2 = render(out, 2, 100);
  assert.ok(near(page2(85, 50), RED), `page 2, zoomed onto the red half, right side: ${page2(85, 50)}`);
  assert.ok(near(page2(15, 50), RED), `page 2, left side: ${page2(15, 50)}`);
  // The credits are printed for whoever holds the paper: on a page of their own here (the margin is too small).
  assert.match(text(3).replace(/\s+/g, ' '), /White-box Cartoonization \(whitebox-cartoon\): Xinrui Wang and Jinze Yu/);
  assert.doesNotMatch(text(1) + text(2), /Xinrui/);
});

test('writeComicPdf: a missing or foreign picture is a clear error, and the earlier PDF is kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-pdf-'));
  const out = join(dir, 'comic.pdf');
  writeFileSync(out, 'earlier export');
  const [halves] = pictures();
  await assert.rejects(writeComicPdf(out, request([halves, join(dir, 'gone.png')])), (e: unknown) => {
    assert.ok(e instanceof ExportError && e.code === 'MISSING_IMAGE', String(e));
    assert.match((e as Error).message, /gone\.png: cannot read/);
    return true;
  });
  const text = join(dir, 'notes.png');
  writeFileSync(text, 'not a picture');
  await assert.rejects(writeComicPdf(out, request([halves, text])), /notes\.png: not a PNG, JPEG or WebP picture/);
  assert.equal(readFileSync(out, 'utf8'), 'earlier export');
  assert.ok(existsSync(out));
});

test('writeComicPdf for a printer: TrimBox is the page, 0.125 in BleedBox, crop marks in the slug, the art where it was', async (t) => {
  const out = join(mkdtempSync(join(tmpdir(), 'ycis-pdf-')), 'print.pdf');
  const req = request(pictures());
  await writeComicPdf(out, { ...req, pages: [req.pages[1]], attribution: modelAttribution([]), print: PRINT_SETUP });
  const doc = await PDFDocument.load(readFileSync(out));
  const page = doc.getPage(0);
  const mm = (v: number) => Math.round((v / 72) * 25.4 * 10) / 10;
  const box = (b: { x: number; y: number; width: number; height: number }) => [b.x, b.y, b.width, b.height].map(mm);
  assert.deepEqual(box(page.getTrimBox()), [0, 0, 100, 100]);
  assert.deepEqual(box(page.getBleedBox()), [-3.2, -3.2, 106.4, 106.4]); // 3.175 mm each side
  assert.deepEqual(box(page.getMediaBox()), [-13.2, -13.2, 126.4, 126.4]);
  if (spawnSync('pdftoppm', ['-v']).error) return t.skip('pdftoppm (Debian poppler-utils) is not installed: boxes checked, marks not rendered');
  // Rendered whole (MediaBox): the trim's top-left corner is 13.175 mm in; a mark runs left of it, 4..10 mm out.
  const at = render(out, 1, 200);
  const BLACK = [0, 0, 0];
  const c = 13.175;
  // The darkest pixel within a pixel's reach (a 0.25 pt line is under a pixel wide at 200 dpi).
  const px = 25.4 / 200;
  const darkest = (x: number, y: number) =>
    [-px, 0, px].flatMap((dx) => [-px, 0, px].map((dy) => at(x + dx, y + dy))).reduce((a, b) => (a[0] + a[1] + a[2] <= b[0] + b[1] + b[2] ? a : b));
  assert.ok(near(darkest(c - 7, c), BLACK), `horizontal crop mark: ${darkest(c - 7, c)}`);
  assert.ok(near(darkest(c, c - 7), BLACK), `vertical crop mark: ${darkest(c, c - 7)}`);
  assert.ok(near(at(c - 2, c), [255, 255, 255]), `no mark inside the bleed: ${at(c - 2, c)}`);
  // The panel (10 mm into the trim) is where it was: red at 13 + 15 mm.
  assert.ok(near(at(c + 15, c + 50), [255, 0, 0]), `the art: ${at(c + 15, c + 50)}`);
});
