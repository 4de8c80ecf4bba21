import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProject } from '../services/store';
import { oneShotProject } from '../../test-support/project-fixture';
import { createComicApi } from './comic-api';
import { dispatchCommand } from './dispatch';
import { FolderAccess } from './folder-access';

test('folder access: inside the allowed folders only; a symbolic link or .. cannot lead out', () => {
  const data = mkdtempSync(join(tmpdir(), 'ycis-access-data-'));
  const outside = mkdtempSync(join(tmpdir(), 'ycis-access-out-'));
  symlinkSync(outside, join(data, 'link'));
  const access = new FolderAccess(() => [data]);
  access.check(join(data, 'projects', 'new', 'comic.pdf'), 'outFile');
  access.check(data, 'projectDir');
  assert.throws(() => access.check(join(data, '..', 'x.pdf'), 'outFile'), { code: 'PATH_FORBIDDEN', message: /^outFile: .*x\.pdf is outside the folders this editor may use/ });
  assert.throws(() => access.check(join(data, 'link', 'comic.pdf'), 'outFile'), { code: 'PATH_FORBIDDEN' });
  assert.throws(() => access.check(`${data}-sibling/comic.pdf`, 'outFile'), { code: 'PATH_FORBIDDEN' });
  new FolderAccess().check('/anywhere/at/all', 'unrestricted');
});

test('browser-host API: writes and pictures outside the data folder (and --allow folders) are refused, inside they work', async () => {
  const data = mkdtempSync(join(tmpdir(), 'ycis-access-data-'));
  const allowed = mkdtempSync(join(tmpdir(), 'ycis-access-allowed-'));
  const api = createComicApi({ host: 'browser', allowedFolders: () => [data, allowed] });
  const home = join(homedir(), 'ycis-should-never-exist');
  const call = async (command: Parameters<typeof dispatchCommand>[1], arg: unknown) => {
    const reply = await dispatchCommand(api, command, [arg]);
    return reply.ok ? 'ok' : `${reply.error.code}: ${reply.error.message}`;
  };
  const project = oneShotProject([40]);
  assert.match(await call('saveProject', { projectDir: home, project }), /^PATH_FORBIDDEN: saveProject: projectDir: .*ycis-should-never-exist is outside/);
  assert.match(await call('startKeyframes', { video: '/v.mp4', projectDir: home }), /^PATH_FORBIDDEN: startKeyframes: projectDir/);
  assert.match(await call('grabFrame', { projectDir: home, time: 1 }), /^PATH_FORBIDDEN/);
  assert.match(await call('startExport', { outFile: join(home, 'comic.pdf'), pictures: [join(data, 'a.png')], title: 't' }), /^PATH_FORBIDDEN: startExport: the PDF/);
  const secret = join(mkdtempSync(join(tmpdir(), 'ycis-access-secret-')), 'secret.png');
  writeFileSync(secret, 'not yours');
  assert.match(await call('startExport', { projectDir: join(data, 'p'), pictures: [secret], title: 't' }), /^PATH_FORBIDDEN: startExport: pictures\[0\]/);
  assert.match(await call('startStylize', { projectDir: join(data, 'p'), images: [secret] }), /^PATH_FORBIDDEN: startStylize: images\[0\]/);
  assert.match(await call('startStylize', { outDir: home, images: [join(data, 'a.png')] }), /^PATH_FORBIDDEN: startStylize: the panels' folder/);
  assert.match(await call('findPanels', { projectDir: join(data, 'p'), images: [secret], model: 'builtin-toon' }), /^PATH_FORBIDDEN: findPanels: images\[0\]/);
  assert.ok(!existsSync(home), 'nothing made there');
  // Inside: the data folder and an allowed one work as before.
  for (const dir of [join(data, 'projects', 'a'), join(allowed, 'b')]) {
    mkdirSync(dir, { recursive: true });
    const saved = await writeProject(dir, project);
    assert.equal(await call('saveProject', { projectDir: dir, project: saved }), 'ok');
  }
  await api.dispose();
});
