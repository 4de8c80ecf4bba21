import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetProject, MAX_RECENT, readRecentList, rememberProject } from './index';

const listIn = () => join(mkdtempSync(join(tmpdir(), 'ycis-recent-')), 'nested', 'recent-projects.json');

test('recent projects: newest first, one entry per folder, capped; forgetting keeps the folder', async () => {
  const file = listIn();
  assert.deepEqual(await readRecentList(file), [], 'no file yet: an empty list');
  const folder = mkdtempSync(join(tmpdir(), 'ycis-recent-project-'));
  await rememberProject('/p/a', new Date('2026-01-01T10:00:00Z'), file);
  await rememberProject(folder, new Date('2026-01-01T11:00:00Z'), file);
  await rememberProject('/p/a/', new Date('2026-01-01T12:00:00Z'), file);
  assert.deepEqual(await readRecentList(file), [
    { projectDir: '/p/a', openedAt: '2026-01-01T12:00:00.000Z' },
    { projectDir: folder, openedAt: '2026-01-01T11:00:00.000Z' },
  ]);
  await forgetProject(folder, file);
  assert.deepEqual((await readRecentList(file)).map((e) => e.projectDir), ['/p/a']);
  assert.ok(existsSync(folder), 'the folder stays');
  // Many quick opens at once: none lost to another's write, the oldest fall off.
  await Promise.all(Array.from({ length: MAX_RECENT + 5 }, (_, i) => rememberProject(`/p/${i}`, new Date(Date.UTC(2026, 1, 1, 0, i)), file)));
  const list = await readRecentList(file);
  assert.equal(list.length, MAX_RECENT);
  assert.equal(list[0].projectDir, `/p/${MAX_RECENT + 4}`);
});

test('recent projects: a damaged list reads as empty and malformed entries are skipped', async () => {
  const file = listIn();
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '{"projects": [');
  assert.deepEqual(await readRecentList(file), []);
  writeFileSync(file, JSON.stringify({ projects: [{ projectDir: '/ok', openedAt: '2026-01-01T00:00:00Z' }, { projectDir: 3 }, { projectDir: '/x', openedAt: 'never' }] }));
  assert.deepEqual((await readRecentList(file)).map((e) => e.projectDir), ['/ok']);
  await rememberProject('/new', new Date('2026-02-01T00:00:00Z'), file);
  assert.deepEqual((await readRecentList(file)).map((e) => e.projectDir), ['/new', '/ok']);
});
