import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobEvent, KeyframesResult } from '../../app/api';
import { eventsUntilEnd, threeShotClip } from './api-fixtures';
import { createComicApi } from './comic-api';

test('opening a project finishes a swap a killed job had begun (its journal rolled forward) and removes the staging folders it left', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-open-recovery-'));
  const video = threeShotClip();
  const events = eventsUntilEnd(api);
  events.forJob((await api.startKeyframes({ video, projectDir })).job);
  const end = (await events.ended).at(-1) as Extract<JobEvent, { type: 'done' }>;
  assert.equal(end.type, 'done');
  const framesDir = join(projectDir, 'frames');
  // What a job killed just after its commit point leaves: a staging folder of a dead process whose journal says
  // "swap", with the new keyframes.json still staged; and, in the filmstrip's folder, one whose swap had not begun.
  const doc = JSON.parse(readFileSync(join(framesDir, 'keyframes.json'), 'utf8'));
  const killed = join(framesDir, '.staging-99999999-AbCdEf');
  mkdirSync(killed);
  writeFileSync(join(killed, 'keyframes.json'), JSON.stringify({ ...doc, warnings: ['from the killed run'] }));
  writeFileSync(join(killed, '.commit.json'), JSON.stringify({ schema: 1, files: [{ name: 'keyframes.json', previous: false }], remove: [] }));
  const strip = join(projectDir, 'filmstrip', '.staging-99999999-GhIjKl');
  mkdirSync(strip);
  writeFileSync(join(strip, 'sheet-0001.jpg'), 'half written');
  const opened = (await api.openProject({ projectDir })) as KeyframesResult;
  assert.deepEqual(opened.document.warnings, ['from the killed run'], 'the swap was finished before reading');
  assert.ok(!readdirSync(framesDir).some((n) => n.startsWith('.')), readdirSync(framesDir).join());
  assert.deepEqual(readdirSync(join(projectDir, 'filmstrip')).sort(), ['index.json', 'sheet-0001.jpg']);
  assert.ok(opened.filmstrip, 'the earlier filmstrip is there, whole');
  await api.dispose();
});
