import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobEvent, KeyframesResult } from '../../app/api';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { eventsUntilEnd, threeShotClip } from './api-fixtures';
import { createComicApi, type ComicService } from './comic-api';
import { dispatchCommand } from './dispatch';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-open-data-'));

async function analyse(api: ComicService, video: string, projectDir: string): Promise<KeyframesResult> {
  const events = eventsUntilEnd(api);
  events.forJob((await api.startKeyframes({ video, projectDir, params: { minShotSeconds: 0.3 } })).job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  return (end as Extract<JobEvent, { type: 'done' }>).result as KeyframesResult;
}

const failure = async (api: ComicService, command: 'openProject' | 'relinkVideo', arg: object) => {
  const reply = await dispatchCommand(api, command, [arg]);
  assert.equal(reply.ok, false, `${command} should fail`);
  return (reply as Extract<typeof reply, { ok: false }>).error;
};

test('recent projects through the API: listed with their facts, a moved video reported and re-linked, forgetting keeps the folder', async () => {
  const api = createComicApi();
  const home = mkdtempSync(join(tmpdir(), 'ycis-open-home-'));
  const video = join(home, 'Holiday.mp4');
  copyFileSync(threeShotClip(), video);
  const projectDir = join(home, 'project');
  const first = await analyse(api, video, projectDir);
  const dropped = first.project.keyframes[0];
  await api.saveProject({ projectDir, project: { ...first.project, keyframes: first.project.keyframes.map((k) => (k.id === dropped.id ? { ...k, status: 'rejected' } : k)) } });

  const [entry, ...others] = await api.listRecentProjects();
  assert.deepEqual(others, []);
  assert.equal(entry.projectDir, projectDir);
  assert.deepEqual([entry.title, entry.videoName, entry.videoPath, entry.duration], ['Holiday', 'Holiday.mp4', video, 6]);
  assert.deepEqual([entry.keyframes, entry.kept], [first.project.keyframes.length, first.project.keyframes.length - 1]);
  assert.ok(entry.changedAt && Date.now() - Date.parse(entry.changedAt) < 60_000);
  assert.equal(entry.problem, undefined);
  assert.ok(entry.thumbnail);
  assert.equal(await api.resolveImage(entry.thumbnail), join(projectDir, 'frames', first.project.keyframes[1].file), 'the first kept frame');

  // The video moves: the list says so, opening says so and names the file.
  const moved = join(home, 'elsewhere', 'Holiday renamed.mp4');
  require('node:fs').mkdirSync(join(home, 'elsewhere'));
  renameSync(video, moved);
  assert.equal((await api.listRecentProjects())[0].problem?.code, 'VIDEO_MISSING');
  const missing = await failure(api, 'openProject', { projectDir });
  assert.equal(missing.code, 'VIDEO_MISSING');
  assert.match(missing.message, /Holiday\.mp4: the video of this project is not there any more/);

  // Another video is refused and changes nothing; the moved one is taken, with every decision kept.
  const before = readFileSync(join(projectDir, 'project.json'), 'utf8');
  const other = makeWithFfmpeg('open-other.mp4', ['-f', 'lavfi', '-t', '1', '-i', 'testsrc2=size=160x120:rate=25', '-pix_fmt', 'yuv420p']);
  const wrong = await failure(api, 'relinkVideo', { projectDir, video: other });
  assert.equal(wrong.code, 'VIDEO_MISMATCH');
  assert.match(wrong.message, /not the video this project was made of \(160×120, 25 frames; the project's has 320×240, 150 frames\)/);
  assert.equal(readFileSync(join(projectDir, 'project.json'), 'utf8'), before);
  const relinked = await api.relinkVideo({ projectDir, video: moved });
  assert.equal(relinked.project.video.path, moved);
  assert.equal(relinked.document.video.path, moved);
  assert.equal(relinked.project.keyframes.find((k) => k.id === dropped.id)?.status, 'rejected');
  assert.equal((await api.openProject({ projectDir }))?.project.video.path, moved, 'it opens from the new place from now on');
  assert.equal((await api.listRecentProjects())[0].problem, undefined);

  await api.forgetRecentProject(projectDir);
  assert.deepEqual(await api.listRecentProjects(), []);
  assert.ok(existsSync(join(projectDir, 'project.json')), 'the folder stays');
});

test('opening a damaged project.json reports it and sets it aside; a newer one is reported and left untouched', async () => {
  const api = createComicApi();
  const home = mkdtempSync(join(tmpdir(), 'ycis-open-bad-'));
  const projectDir = join(home, 'project');
  const good = await analyse(api, threeShotClip(), projectDir);
  const file = join(projectDir, 'project.json');

  const newer = JSON.stringify({ ...good.project, schema: 99 });
  writeFileSync(file, newer);
  const tooNew = await failure(api, 'openProject', { projectDir });
  assert.equal(tooNew.code, 'PROJECT_TOO_NEW');
  assert.match(tooNew.message, /project\.json: made by a newer version of the app \(schema 99/);
  assert.equal(readFileSync(file, 'utf8'), newer, 'left exactly as it was');
  assert.equal((await api.listRecentProjects())[0].problem?.code, 'PROJECT_TOO_NEW');

  writeFileSync(file, '{ "schema": 1, "keyframes": [');
  const damaged = await failure(api, 'openProject', { projectDir });
  assert.equal(damaged.code, 'PROJECT_DAMAGED');
  assert.match(damaged.message, /project\.json: damaged .* kept as .*project\.json\.damaged-.* \(nothing was overwritten\)/);
  const aside = readdirSync(projectDir).filter((f) => f.startsWith('project.json.damaged-'));
  assert.equal(aside.length, 1);
  assert.equal(readFileSync(join(projectDir, aside[0]), 'utf8'), '{ "schema": 1, "keyframes": [', 'kept byte for byte');
  assert.ok(!existsSync(file));
  const after = await failure(api, 'openProject', { projectDir });
  assert.equal(after.code, 'PROJECT_MISSING');
  assert.match(after.message, /the damaged one was set aside as .*project\.json\.damaged-/, 'opened again: it says where the file went');
});
