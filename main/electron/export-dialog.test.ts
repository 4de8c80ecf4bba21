import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askAgainAt, exportDialogFor, exportTargetFromDialog } from './export-dialog';

test('export dialog: a Save dialog for a PDF or CBZ, a folder chooser for PNG pages, at the project folder with the default name', () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-export-dialog-'));
  const pdf = exportDialogFor({ format: 'pdf', projectDir });
  assert.equal(pdf?.kind, 'save');
  assert.equal(pdf?.options.defaultPath, join(projectDir, 'comic.pdf'));
  assert.deepEqual(pdf?.kind === 'save' && pdf.options.filters, [{ name: 'PDF', extensions: ['pdf'] }]);
  assert.ok(pdf?.options.properties.includes('showOverwriteConfirmation' as never));
  const cbz = exportDialogFor({ format: 'cbz', projectDir });
  assert.deepEqual([cbz?.kind, cbz?.options.defaultPath], ['save', join(projectDir, 'comic.cbz')]);
  // PNG pages: the project folder (a new folder can be made there), or the pages folder of an earlier export.
  const png = exportDialogFor({ format: 'png', projectDir });
  assert.deepEqual([png?.kind, png?.options.defaultPath], ['folder', projectDir]);
  assert.ok(png?.options.properties.includes('openDirectory' as never));
  mkdirSync(join(projectDir, 'pages'));
  assert.equal(exportDialogFor({ format: 'png', projectDir })?.options.defaultPath, join(projectDir, 'pages'));
  // What the page sends is checked: an unknown format, a relative folder, nothing at all open no dialog.
  for (const bad of [{ format: 'exe', projectDir }, { format: 'pdf', projectDir: 'relative/dir' }, { format: 'pdf' }, null, 'pdf']) {
    assert.equal(exportDialogFor(bad), undefined, JSON.stringify(bad));
  }
});

test('export dialog: a name typed without its extension gets it; a folder of pages is taken as it is', () => {
  assert.equal(exportTargetFromDialog('pdf', '/home/me/Trip'), '/home/me/Trip.pdf');
  assert.equal(exportTargetFromDialog('pdf', '/home/me/Trip.PDF'), '/home/me/Trip.PDF');
  assert.equal(exportTargetFromDialog('cbz', '/home/me/Trip.pdf'), '/home/me/Trip.pdf.cbz');
  assert.equal(exportTargetFromDialog('cbz', '/home/me/Trip.cbz'), '/home/me/Trip.cbz');
  assert.equal(exportTargetFromDialog('png', '/home/me/Trip pages'), '/home/me/Trip pages');
});

test('export dialog: its title and filter name come from the page, in the UI language; anything else falls back to English', async () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-export-dialog-'));
  const ko = (await import('../../renderer/i18n/ko.json', { with: { type: 'json' } })).default as Record<string, string>;
  const texts = { title: ko['export.dialog.cbz'], filterName: ko['export.filter.cbz'] };
  const cbz = exportDialogFor({ format: 'cbz', projectDir, texts });
  assert.equal(cbz?.options.title, '만화를 CBZ로 내보내기');
  assert.deepEqual(cbz?.kind === 'save' && cbz.options.filters, [{ name: '만화책(CBZ)', extensions: ['cbz'] }]);
  assert.equal(exportDialogFor({ format: 'png', projectDir, texts: { title: ko['export.dialog.png'], filterName: '' } })?.options.title, '페이지를 PNG로 내보낼 폴더');
  // ipc brings any value: not strings, empty, absurdly long: the English words.
  for (const bad of [{ title: 42, filterName: null }, { title: ' ', filterName: '' }, { title: 'x'.repeat(201), filterName: 'y'.repeat(201) }, 'title']) {
    const d = exportDialogFor({ format: 'cbz', projectDir, texts: bad });
    assert.equal(d?.options.title, 'Export the comic as CBZ', JSON.stringify(bad));
    assert.deepEqual(d?.kind === 'save' && d.options.filters, [{ name: 'Comic book (CBZ)', extensions: ['cbz'] }]);
  }
});

test('export dialog: a name typed without its extension whose full name is a file already is asked about again, at that name', () => {
  const have = new Set(['/home/me/Trip.pdf']);
  const exists = (p: string) => have.has(p);
  assert.equal(askAgainAt('pdf', '/home/me/Trip', exists), '/home/me/Trip.pdf', 'the dialog confirmed only "Trip"');
  assert.equal(askAgainAt('pdf', '/home/me/Trip.pdf', exists), undefined, 'the dialog itself confirmed this one');
  assert.equal(askAgainAt('pdf', '/home/me/New', exists), undefined, 'nothing to replace');
  assert.equal(askAgainAt('png', '/home/me/Trip', exists), undefined, 'a folder is taken as it is');
});
