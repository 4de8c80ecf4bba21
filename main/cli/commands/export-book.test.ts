import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { newBalloon } from '../../../app/balloons';
import { withLayout } from '../../../app/project';
import { captureIO } from '../../../test-support/cli-capture';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { oneShotProject } from '../../../test-support/project-fixture';
import { main } from '../../cli';
import { bundledModelFile, readProject, writeProject } from '../../services/store';
import { importModel } from '../../services/stylize/install';
import { eventsUntilEnd } from '../../api/api-fixtures';
import { createComicApi } from '../../api/comic-api';

/** A project of three key frames (pictures in frames/), a Korean balloon on the second, saved settings: CBZ, 150 dpi. */
async function bookDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-export-cli-'));
  mkdirSync(join(dir, 'frames'));
  let project = oneShotProject([0, 100, 200], 300);
  for (const [i, k] of project.keyframes.entries()) {
    copyFileSync(makeWithFfmpeg(`export-cli-${i}.jpg`, ['-f', 'lavfi', '-i', `testsrc2=size=1280x720,hue=h=${i * 100}`, '-frames:v', '1']), join(dir, 'frames', k.file));
  }
  project = withLayout(project, (l) => ({ ...l, balloons: { 'd-100': [{ ...newBalloon('b1', 'speech'), text: '어디 갔어?\n저기 있다!' }] } }));
  project = { ...project, exportSettings: { format: 'cbz', dpi: 150, quality: 80, images: 'auto', bleed: false, marks: false, title: 'Saved title', author: 'Saved author' } };
  await writeProject(dir, project);
  return dir;
}

test('export CLI: the book made in the editor as a PDF (the balloon lettered), a CBZ and PNG pages; choices from the command line or the project', async () => {
  const dir = await bookDir();
  let c = captureIO();
  const pdf = join(dir, 'out', 'book.pdf');
  assert.equal(await main(['export', dir, '--out', pdf, '--unstyled', '--dpi', '150', '--bleed', '--json'], c.io), 0, c.err());
  const r = JSON.parse(c.out());
  assert.equal(r.format, 'pdf');
  assert.equal(r.panels, 3);
  const doc = await PDFDocument.load(readFileSync(pdf));
  assert.equal(doc.getTitle(), 'Saved title');
  assert.equal(doc.getAuthor(), 'Saved author');
  assert.equal(Math.round((doc.getPage(0).getBleedBox().width - doc.getPage(0).getTrimBox().width) * 1000) / 1000, 18, '--bleed: 0.125 in each side');
  if (!spawnSync('pdftotext', ['-v']).error) {
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    assert.ok(text.split('\n').includes('어디 갔어?') && text.split('\n').includes('저기 있다!'), text);
  }
  // The saved settings say CBZ at 150 dpi: a .cbz --out gets exactly that.
  c = captureIO();
  const cbz = join(dir, 'book.cbz');
  assert.equal(await main(['export', dir, '--out', cbz, '--unstyled', '--json'], c.io), 0, c.err());
  const entries = Object.keys(unzipSync(readFileSync(cbz)));
  assert.ok(entries.includes('ComicInfo.xml') && entries.some((e) => /^page-001\.(png|jpg)$/.test(e)), entries.join());
  assert.equal(JSON.parse(c.out()).dpi, 150);
  // Anything else is a folder of PNG pages, A4 at 100 dpi here.
  c = captureIO();
  const pngs = join(dir, 'pages');
  assert.equal(await main(['export', dir, '--out', pngs, '--unstyled', '--dpi', '100', '--page', 'a4'], c.io), 0, c.err());
  assert.match(c.out(), /export: .*pages: 1 page, 3 panels/);
  assert.deepEqual(readdirSync(pngs).filter((n) => !n.startsWith('.')), ['page-001.png']);
});

test('export CLI: without drawn panels it says how to make them; bad options and folders are named', async () => {
  const dir = await bookDir();
  let c = captureIO();
  assert.equal(await main(['export', dir, '--out', join(dir, 'a.pdf')], c.io), 1);
  assert.match(c.err(), /no panels drawn for these key frames: make them in the editor .* or give --unstyled/);
  c = captureIO();
  assert.equal(await main(['export', dir, '--out', join(dir, 'a.pdf'), '--quality', '0'], c.io), 2);
  assert.match(c.err(), /--quality must be a number between 1 and 100/);
  c = captureIO();
  assert.equal(await main(['export', dir, '--out', join(dir, 'a.pdf'), '--page', 'huge'], c.io), 2);
  assert.match(c.err(), /--page must be one of a4, letter, b5, comic or WxH in mm/);
  c = captureIO();
  const empty = mkdtempSync(join(tmpdir(), 'ycis-export-cli-empty-'));
  assert.equal(await main(['export', empty, '--out', join(empty, 'a.pdf'), '--unstyled'], c.io), 1);
  assert.match(c.err(), /no project\.json/);
});

test('export CLI: a panel given a style of its own in the editor is taken from that style, as the editor exports it', async () => {
  process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-export-cli-data-'));
  // A second style: the built-in graph under another name (a file the catalog does not know, imported).
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  const other = join(mkdtempSync(join(tmpdir(), 'ycis-export-other-')), 'other-style.onnx');
  writeFileSync(other, bytes);
  await importModel(other);
  const dir = await bookDir();
  const project = (await readProject(dir))!;
  const frames = project.keyframes.map((k) => join(dir, 'frames', k.file));
  // The editor drew the book in the built-in style and the third panel in the other one.
  const api = createComicApi();
  const events = eventsUntilEnd(api);
  events.forJob((await api.startStylize({ images: frames, projectDir: dir, model: 'builtin-toon', panelModels: { [frames[2]]: 'other-style' }, provider: 'cpu' })).job);
  assert.equal((await events.ended).at(-1)!.type, 'done');
  await writeProject(dir, { ...project, style: { model: 'builtin-toon', people: '', panels: { [project.keyframes[2].id]: 'other-style' } } });
  const c = captureIO();
  const pdf = join(dir, 'styled-book.pdf');
  assert.equal(await main(['export', dir, '--out', pdf, '--json'], c.io), 0, c.err());
  assert.equal(JSON.parse(c.out()).panels, 3);
});
