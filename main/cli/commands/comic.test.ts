import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { captureIO } from '../../../test-support/cli-capture';
import { FIXTURE_DIR } from '../../../test-support/fixtures';
import { makeSampleVideo } from '../../services/video';
import { truncatedClip } from '../../services/video/video-fixtures';
import { main } from '../../cli';
import { DEFAULT_PAGE_STYLE } from '../../../app/page';
import { autoLayout } from '../../services/layout';
import { armFailpoints, errnoError } from '../../services/store/failpoints';

test('comic CLI on the built-in sample (--print): one panel per key frame on A4 pages with print marks, work kept', async () => {
  const video = makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4'));
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-cli-'));
  const c = captureIO();
  const code = await main(['comic', video, '--out', join(dir, 'sample.pdf'), '--json', '--provider', 'cpu', '--print'], c.io);
  assert.equal(code, 0, c.err());
  const r = JSON.parse(c.out());
  assert.equal(r.shots, 5);
  assert.equal(r.panels, r.keyframes);
  assert.ok(r.keyframes >= 5, `${r.keyframes} key frames`);
  assert.deepEqual(r.style, ['builtin-toon']);
  // The built-in style asks for no credit: no credits page, just the automatic layout's pages.
  assert.equal(r.pages, autoLayout(r.panels, DEFAULT_PAGE_STYLE).length);
  const doc = await PDFDocument.load(readFileSync(join(dir, 'sample.pdf')));
  assert.equal(doc.getPageCount(), r.pages);
  const trim = doc.getPage(0).getTrimBox();
  assert.deepEqual([trim.x, trim.y, Math.round(trim.width), Math.round(trim.height)], [0, 0, 595, 842], 'trimmed to A4 (points)');
  assert.ok(doc.getPage(0).getMediaBox().width > trim.width + 2 * 8.5, '--print: bleed and marks around the page');
  assert.equal(doc.getTitle(), 'sample');
  assert.deepEqual(readdirSync(join(dir, 'sample-work')).sort(), ['keyframes', 'panels']);
  assert.equal(readdirSync(join(dir, 'sample-work', 'panels')).filter((f) => f.endsWith('.png')).length, r.panels);
});

test('comic CLI: usage errors exit 2; a missing style fails before any analysis, writing nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-cli-'));
  let c = captureIO();
  assert.equal(await main(['comic', 'a.mp4', '--out', join(dir, 'a.png')], c.io), 2);
  assert.match(c.err(), /--out must name a \.pdf file/);
  c = captureIO();
  assert.equal(await main(['comic', 'a.mp4', '--out', join(dir, 'a.pdf'), '--page', 'a0'], c.io), 2);
  assert.match(c.err(), /--page must be one of a4, letter, b5, comic/);
  const video = makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4'));
  c = captureIO();
  assert.equal(await main(['comic', video, '--out', join(dir, 'b.pdf'), '--model', 'no-such-style'], c.io), 1);
  assert.match(c.err(), /no-such-style/);
  c = captureIO();
  assert.equal(await main(['comic', join(dir, '..', 'not-here.mp4'), '--out', join(dir, 'c.pdf')], c.io), 1);
  assert.match(c.err(), /not-here\.mp4/);
  assert.deepEqual(readdirSync(dir), []);
  assert.ok(!existsSync(join(dir, 'b-work')));
});

test('comic CLI: panels that partly fail (disk full) never replace a complete earlier PDF; the new one goes beside it', async () => {
  const video = makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4'));
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-cli-'));
  const earlier = Buffer.from('%PDF-1.7 the earlier complete comic');
  writeFileSync(join(dir, 'sample.pdf'), earlier);
  let panelWrites = 0;
  const disarm = armFailpoints((step, path) =>
    step === 'write' && path.includes(`${sep}panels${sep}`) && ++panelWrites === 2 ? errnoError('ENOSPC', path) : undefined);
  const c = captureIO();
  let code;
  try {
    code = await main(['comic', video, '--out', join(dir, 'sample.pdf'), '--json', '--provider', 'cpu'], c.io);
  } finally {
    disarm();
  }
  assert.equal(code, 1, 'an incomplete comic exits non-zero');
  const r = JSON.parse(c.out());
  assert.equal(r.complete, false);
  assert.equal(r.failures.length, 1);
  assert.match(r.failures[0].error, /cannot write it \(the disk is full\)/);
  assert.ok(readFileSync(join(dir, 'sample.pdf')).equals(earlier), 'the earlier PDF is untouched');
  assert.equal(r.pdf, join(dir, 'sample.incomplete.pdf'));
  assert.match(r.warnings.join('\n'), /panels could not be drawn: .*sample\.pdf was kept as it was/);
  assert.equal((await PDFDocument.load(readFileSync(r.pdf))).getPageCount(), r.pages);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temporary file left');
});

test('comic CLI on a damaged video: the comic of what decodes, with the warning keyframes gives, in the summary and --json; exit 0', async () => {
  const video = truncatedClip();
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-cli-'));
  let c = captureIO();
  assert.equal(await main(['comic', video, '--out', join(dir, 'damaged.pdf'), '--json', '--provider', 'cpu'], c.io), 0, c.err());
  const r = JSON.parse(c.out());
  assert.equal(r.complete, true);
  assert.match(r.warnings.join('\n'), /\d+ could not be decoded/);
  c = captureIO();
  assert.equal(await main(['comic', video, '--out', join(dir, 'damaged.pdf'), '--provider', 'cpu'], c.io), 0, c.err());
  assert.match(c.out(), /^warning: .*\d+ could not be decoded/m);
});
