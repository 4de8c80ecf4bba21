import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportResult, JobEvent } from '../../app/api';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { eventsUntilEnd } from './api-fixtures';
import { createComicApi } from './comic-api';
import { dispatchCommand } from './dispatch';
import { PickedExports } from './picked-exports';

test('picked exports: a path picked in the dialog is admitted exactly, in its format, once; any other path is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-picked-'));
  const picked = new PickedExports();
  const file = join(dir, 'Books', 'Trip.pdf');
  picked.grant(file, 'pdf');
  const refused = (path: string, format: 'pdf' | 'png' | 'cbz' = 'pdf') =>
    assert.throws(() => picked.take(path, format, 'outFile'), { code: 'PATH_FORBIDDEN', message: /^outFile: .* was not chosen in the save dialog/ }, path);
  refused(join(dir, 'Books', 'Other.pdf'));
  refused(join(dir, 'Books'));
  refused(join(dir, 'Books', 'Trip.pdf', 'x.pdf'));
  refused(file, 'cbz');
  picked.take(join(dir, 'Books', '..', 'Books', 'Trip.pdf'), 'pdf', 'outFile'); // the same file, however written
  refused(file); // used: a second export needs a second pick
  // Through a symbolic link to the picked folder: the same real path.
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  symlinkSync(pages, join(dir, 'link'));
  picked.grant(join(dir, 'link'), 'png');
  refused(join(dir, 'link', 'page-001.png'), 'png');
  picked.take(pages, 'png', 'outFile');
});

test('Electron API: an export goes to the file or folder picked in the dialog (written atomically there), nowhere else; without one, into the project folder', async () => {
  const pickedExports = new PickedExports();
  // As Electron makes it: the data folder is the one the API may use; a picked export may be anywhere.
  const data = mkdtempSync(join(tmpdir(), 'ycis-picked-data-'));
  const api = createComicApi({ host: 'electron', pickedExports, allowedFolders: () => [data] });
  const projectDir = join(data, 'projects', 'trip');
  mkdirSync(projectDir, { recursive: true });
  const pictures = [0, 1].map((i) => {
    const to = join(projectDir, `panel-${i}.png`);
    copyFileSync(makeWithFfmpeg(`picked-export-${i}.png`, ['-f', 'lavfi', '-i', `testsrc2=size=320x180,hue=h=${i * 90}`, '-frames:v', '1']), to);
    return to;
  });
  const elsewhere = mkdtempSync(join(tmpdir(), 'ycis-picked-books-'));
  const run = async (request: Record<string, unknown>) => {
    const events = eventsUntilEnd(api);
    const reply = await dispatchCommand(api, 'startExport', [{ pictures, projectDir, title: 'Trip', models: [], ...request }]);
    if (!reply.ok) return `${reply.error.code}: ${reply.error.message}`;
    events.forJob((reply.value as { job: string }).job);
    const end = (await events.ended).at(-1) as JobEvent;
    return end.type === 'done' ? (end.result as ExportResult) : `${end.type}`;
  };
  // Not picked: refused, nothing written.
  const notPicked = join(elsewhere, 'Trip.pdf');
  assert.match(String(await run({ outFile: notPicked })), /^PATH_FORBIDDEN: startExport: outFile: .*Trip\.pdf was not chosen in the save dialog/);
  assert.ok(!existsSync(notPicked));
  // Picked: written there, whole, with no temporary file beside it; the same path again needs a new pick.
  pickedExports.grant(notPicked, 'pdf');
  const pdf = await run({ outFile: notPicked });
  assert.equal((pdf as ExportResult).file, notPicked);
  assert.equal(readFileSync(notPicked).subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(readdirSync(elsewhere), ['Trip.pdf']);
  assert.match(String(await run({ outFile: notPicked })), /^PATH_FORBIDDEN/);
  // A folder picked for PNG pages admits that folder for PNG only.
  const folder = join(elsewhere, 'Trip pages');
  mkdirSync(folder);
  pickedExports.grant(folder, 'png');
  assert.match(String(await run({ outFile: join(elsewhere, 'other pages'), format: 'png' })), /^PATH_FORBIDDEN/);
  const png = (await run({ outFile: folder, format: 'png' })) as ExportResult;
  assert.deepEqual(png.files?.map((f) => f.slice(folder.length + 1)), ['page-001.png']);
  // No outFile (nothing picked, as in the browser host): the project folder's comic.pdf.
  const inProject = (await run({})) as ExportResult;
  assert.equal(inProject.file, join(projectDir, 'comic.pdf'));
  // And no outFile with a projectDir outside the data folder cannot reach that folder either.
  const reply = await dispatchCommand(api, 'startExport', [{ pictures, projectDir: elsewhere, title: 'Trip', models: [] }]);
  assert.match(reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`, /^PATH_FORBIDDEN: startExport/);
  assert.ok(!existsSync(join(elsewhere, 'comic.pdf')));
  await api.dispose();
});
