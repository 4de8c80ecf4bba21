import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../../app/project';
import { readProject, setAsideProject, writeProject } from './project-file';
import { oneShotProject } from '../../../test-support/project-fixture';

const seed = oneShotProject([40]);
const project: Project = { ...seed, keyframes: [{ ...seed.keyframes[0], status: 'rejected' }] };

test('project.json: none yet, written and read back; damaged, too new or malformed ones are named, never taken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-project-'));
  assert.equal(await readProject(dir), undefined);
  assert.deepEqual(await writeProject(dir, project), { ...project, revision: 1 });
  assert.deepEqual(await readProject(dir), { ...project, revision: 1 });
  writeFileSync(join(dir, 'project.json'), '{"schema": 1, "video": {');
  await assert.rejects(readProject(dir), { code: 'PROJECT_DAMAGED', message: /project\.json: damaged/ });
  writeFileSync(join(dir, 'project.json'), JSON.stringify({ ...project, schema: 99 }));
  await assert.rejects(readProject(dir), { code: 'PROJECT_TOO_NEW', message: /newer version of the app \(schema 99/ });
  const bad = { ...project, keyframes: [{ ...project.keyframes[0], file: '../../etc/passwd' }] };
  await assert.rejects(writeProject(dir, bad), { code: 'PROJECT_INVALID', message: /a key frame is malformed/ });
  const aside = await setAsideProject(dir, 'damaged', new Date('2026-11-23T10:00:00Z'));
  assert.match(aside, /project\.json\.damaged-2026-11-23T10-00-00-000Z$/);
  assert.deepEqual(readdirSync(dir), ['project.json.damaged-2026-11-23T10-00-00-000Z']);
});

test('project.json: a save that fails (refused, or the rename onto it fails) leaves the saved project whole, no temp file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-project-'));
  await writeProject(dir, project);
  const saved = readFileSync(join(dir, 'project.json'), 'utf8');
  await assert.rejects(writeProject(dir, { ...project, keyframes: [{ ...project.keyframes[0], status: 'maybe' as never }] }), { code: 'PROJECT_INVALID' });
  assert.equal(readFileSync(join(dir, 'project.json'), 'utf8'), saved);
  // A folder in the way of the final rename stands for a write that fails at the last step (even as root).
  const blocked = mkdtempSync(join(tmpdir(), 'ycis-project-'));
  mkdirSync(join(blocked, 'project.json', 'inside'), { recursive: true });
  await assert.rejects(writeProject(blocked, project));
  assert.deepEqual(readdirSync(blocked), ['project.json']);
  assert.deepEqual(readdirSync(join(blocked, 'project.json')), ['inside']);
});
