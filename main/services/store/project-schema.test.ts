import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_SCHEMA, type Project } from '../../../app/project';
import { oneShotProject } from '../../../test-support/project-fixture';
import { checkAndMigrate, PROJECT_MIGRATIONS, PROJECT_SCHEMAS } from './project-schema';
import { readProject, writeProject } from './project-file';

const FIXTURES = join(__dirname, 'fixtures');

test('project schemas: one per version up to this one, a migration from each earlier one, a fixture of each earlier one', () => {
  for (let v = 1; v <= PROJECT_SCHEMA; v++) assert.ok(PROJECT_SCHEMAS[v], `schema ${v}`);
  for (let v = 1; v < PROJECT_SCHEMA; v++) {
    assert.ok(PROJECT_MIGRATIONS[v], `migration ${v} → ${v + 1}`);
    assert.ok(readdirSync(FIXTURES).includes(`project-v${v}.json`), `fixture of schema ${v}`);
  }
});

test('project schemas: a file of every earlier version opens migrated, with nothing lost, and saves as this version', async () => {
  for (const name of readdirSync(FIXTURES).filter((n) => /^project-v\d+\.json$/.test(n))) {
    const original = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'ycis-migrate-'));
    copyFileSync(join(FIXTURES, name), join(dir, 'project.json'));
    const project = (await readProject(dir)) as Project;
    assert.equal(project.schema, PROJECT_SCHEMA, name);
    assert.equal(project.revision, 0, `${name}: a file from before revisions starts at 0`);
    // Everything the old file said is still there, unknown parts included.
    const { schema: _s, ...rest } = original;
    void _s;
    for (const [key, value] of Object.entries(rest)) assert.deepEqual((project as unknown as Record<string, unknown>)[key], value, `${name}: ${key}`);
    const saved = await writeProject(dir, project, { baseRevision: 0 });
    assert.equal(saved.revision, 1);
    assert.equal(JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')).schema, PROJECT_SCHEMA);
  }
});

test('project schemas: fields this version does not know (a newer app, another feature) are kept through read and save', async () => {
  const base = oneShotProject([40]);
  const extended = {
    ...base,
    panelPolygons: { 'd-40': [[0, 0], [1, 0], [0.5, 1]] },
    keyframes: [{ ...base.keyframes[0], faces: 2 }],
    layout: { page: 'a4', readingOrder: 'ltr', templates: [], crops: { 'd-40': { centerX: 0.5, centerY: 0.5, zoom: 1, rotate: 3 } }, balloonFonts: { b1: 'pretendard' } },
    style: { model: 'builtin-toon', people: '', perPanel: { 'd-40': 'whitebox' } },
  };
  const dir = mkdtempSync(join(tmpdir(), 'ycis-unknown-'));
  writeFileSync(join(dir, 'project.json'), JSON.stringify({ ...extended, revision: 4 }));
  const read = (await readProject(dir)) as unknown as typeof extended;
  assert.deepEqual(read, { ...extended, revision: 4 });
  await writeProject(dir, read as unknown as Project, { baseRevision: 4 });
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')), { ...extended, revision: 5 });
});

test('project schemas: a newer schema is reported and never overwritten; malformed parts are named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-newer-'));
  const newer = JSON.stringify({ ...oneShotProject([40]), schema: PROJECT_SCHEMA + 1, revision: 9, hologram: true });
  writeFileSync(join(dir, 'project.json'), newer);
  await assert.rejects(readProject(dir), { code: 'PROJECT_TOO_NEW', message: /made by a newer version of the app \(schema 3; this one reads 2\); it is left as it is/ });
  await assert.rejects(writeProject(dir, oneShotProject([40])), { code: 'PROJECT_TOO_NEW', message: /not overwritten/ });
  assert.equal(readFileSync(join(dir, 'project.json'), 'utf8'), newer);
  const bad = (patch: object) => checkAndMigrate({ ...oneShotProject([40]), ...patch });
  assert.match(JSON.stringify(bad({ keyframes: [{ ...oneShotProject([40]).keyframes[0], file: '../../etc/passwd' }] })), /a key frame is malformed \(keyframes\[0\]\.file: must be a file inside the project\)/);
  assert.match(JSON.stringify(bad({ layout: { page: 'a0', readingOrder: 'ltr', templates: [], crops: {} } })), /the layout is malformed \(layout\.page: unknown page size\)/);
  assert.match(JSON.stringify(bad({ revision: -1 })), /the revision is malformed/);
  assert.match(JSON.stringify(bad({ schema: 'two' })), /no schema version/);
});

test('project.json revisions: a save based on an old revision is refused with a clear message, the newer save kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-revision-'));
  const first = await writeProject(dir, oneShotProject([40]));
  assert.equal(first.revision, 1);
  const tabA = { ...first, keyframes: [{ ...first.keyframes[0], status: 'accepted' as const }] };
  const tabB = { ...first, keyframes: [{ ...first.keyframes[0], status: 'rejected' as const }] };
  // Both at once, both based on revision 1: exactly one wins, the other is told.
  const [a, b] = await Promise.allSettled([writeProject(dir, tabA, { baseRevision: 1 }), writeProject(dir, tabB, { baseRevision: 1 })]);
  assert.equal(a.status, 'fulfilled');
  assert.equal(b.status, 'rejected');
  assert.equal((b as PromiseRejectedResult).reason.code, 'PROJECT_CONFLICT');
  assert.match((b as PromiseRejectedResult).reason.message, /changed in another window or tab since this one loaded it \(it is at revision 2, this change was made on revision 1\); this change was not saved/);
  const onDisk = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')) as Project;
  assert.deepEqual([onDisk.revision, onDisk.keyframes[0].status], [2, 'accepted']);
  // Saving over it on purpose ("keep mine") takes no base.
  assert.equal((await writeProject(dir, tabB)).revision, 3);
});
