import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobEvent, KeyframesResult } from '../../app/api';
import { addKeyframe, setKeyframeStatus } from '../../app/commands';
import { perform, startEditing } from '../../app/history';
import { keyframeThumbFile } from '../../app/keyframes';
import { comicKeyframes, type Project } from '../../app/project';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { decodeImage } from '../services/video';
import { eventsUntilEnd, threeShotClip } from './api-fixtures';
import { createComicApi, type ComicService } from './comic-api';
import { dispatchCommand } from './dispatch';
import { GRAB_GRACE_MS, removeUnusedGrabs } from './unused-grabs';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-data-'));

async function analyse(api: ComicService, projectDir: string, video = threeShotClip()): Promise<KeyframesResult> {
  const events = eventsUntilEnd(api);
  events.forJob((await api.startKeyframes({ video, projectDir, params: { minShotSeconds: 0.3 } })).job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  return (end as Extract<JobEvent, { type: 'done' }>).result as KeyframesResult;
}

test('review through the API: the analysis saves the project, a frame is grabbed by hand, the review survives a re-analysis', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-review-'));
  const first = await analyse(api, projectDir);
  assert.deepEqual(JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8')), first.project);
  assert.ok(first.project.keyframes.length >= 3 && first.project.keyframes.every((k) => k.status === 'proposed'));
  const picture = await api.resolveImage({ root: first.framesRoot, file: first.project.keyframes[0].file });
  assert.equal(picture, first.frames[0].path);

  // The user rejects the first key frame and adds frame 75 (the middle of the second shot) by hand.
  const grabbed = await api.grabFrame({ projectDir, time: 3 });
  assert.deepEqual([grabbed.keyframe.frame, grabbed.keyframe.shot, grabbed.keyframe.origin], [75, 1, 'manual']);
  assert.ok(Math.abs(grabbed.keyframe.time - 3) < 0.001);
  // Any moment, not only a frame's own time: 3.01 s gives the next frame, 76 at 3.04 s.
  const between = await api.grabFrame({ projectDir, time: 3.01 });
  assert.deepEqual([between.keyframe.frame, Math.round(between.keyframe.time * 100)], [76, 304]);
  assert.deepEqual([grabbed.keyframe.file, between.keyframe.file], ['manual-000075.jpg', 'manual-000076.jpg'], 'each its own picture');
  const img = await decodeImage(await api.resolveImage(grabbed.image));
  assert.deepEqual([img.width, img.height], [320, 240]);
  // Every picture has its thumbnail beside it (thumbs/NAME.jpg, what the timeline shows), the hand-added one too.
  for (const file of [first.project.keyframes[0].file, grabbed.keyframe.file]) {
    const thumb = await decodeImage(join(projectDir, 'frames', keyframeThumbFile(file)));
    assert.deepEqual([thumb.width, thumb.height], [320, 240], file);
  }
  const thumb = await decodeImage(join(projectDir, 'frames', keyframeThumbFile(grabbed.keyframe.file)));
  let diff = 0;
  for (let i = 0; i < img.data.length; i++) diff += Math.abs(img.data[i] - thumb.data[i]);
  assert.ok(diff / img.data.length < 4, `the thumbnail is of the same frame (mean difference ${diff / img.data.length})`);
  let e = startEditing(first.project);
  const rejected = first.project.keyframes[0];
  e = perform(e, setKeyframeStatus(e.project, rejected.id, 'rejected'));
  e = perform(e, addKeyframe(e.project, grabbed.keyframe));
  assert.deepEqual(await api.saveProject({ projectDir, project: e.project }), { revision: 2 }, 'the analysis saved revision 1');
  // Grabbing a frame the project has already is refused, and its picture left as it is.
  const before = readFileSync(join(projectDir, 'frames', grabbed.keyframe.file));
  const twice = await dispatchCommand(api, 'grabFrame', [{ projectDir, time: 3 }]);
  assert.match(twice.ok ? '' : twice.error.message, /frame 75 .* is a key frame already/);
  assert.deepEqual(readFileSync(join(projectDir, 'frames', grabbed.keyframe.file)), before);
  assert.deepEqual(readdirSync(join(projectDir, 'frames')).filter((f) => f.startsWith('.')), [], 'no temporary file left');

  // Frame 76 was only previewed, never added: a reopening right after leaves its picture (another window may show
  // it now); once it is older than that, the next opening removes it, never a picture the project uses.
  const framesDir = join(projectDir, 'frames');
  const pictures = () => readdirSync(framesDir).filter((f) => f.startsWith('manual-'));
  assert.ok(await api.openProject({ video: threeShotClip(), projectDir }));
  assert.deepEqual(pictures(), ['manual-000075.jpg', 'manual-000076.jpg']);
  const old = new Date(Date.now() - GRAB_GRACE_MS - 60_000);
  for (const f of pictures()) utimesSync(join(framesDir, f), old, old);
  // Reopened later (a reload, the next day): the same review, no analysis.
  const reopened = await api.openProject({ video: threeShotClip(), projectDir });
  assert.ok(reopened);
  assert.deepEqual(pictures(), ['manual-000075.jpg'], 'the unused grab is gone, the added frame kept');
  for (const k of reopened.project.keyframes) assert.ok(existsSync(join(framesDir, k.file)), `${k.file} stays`);
  assert.deepEqual(await removeUnusedGrabs(projectDir, reopened.project, Date.now() + 10 * GRAB_GRACE_MS), [], 'nothing the project uses');
  // A grab a review set aside beside project.json still names stays (read as text: it may be damaged); an unused one
  // goes with its thumbnail.
  for (const f of ['manual-000098.jpg', 'manual-000099.jpg', 'thumbs/manual-000098.jpg']) writeFileSync(join(framesDir, f), 'grab');
  writeFileSync(join(projectDir, 'project.json.damaged-20261202'), '{"keyframes":[{"file":"manual-000099.jpg", broken');
  assert.deepEqual(await removeUnusedGrabs(projectDir, reopened.project, Date.now() + 10 * GRAB_GRACE_MS), ['manual-000098.jpg']);
  assert.deepEqual([existsSync(join(framesDir, 'manual-000099.jpg')), existsSync(join(framesDir, 'thumbs/manual-000098.jpg'))], [true, false]);
  rmSync(join(projectDir, 'project.json.damaged-20261202'));
  assert.deepEqual(reopened.project, { ...e.project, revision: 2 });
  assert.deepEqual(reopened.document.shots, first.document.shots);
  assert.equal(await api.resolveImage({ root: reopened.framesRoot, file: grabbed.keyframe.file }), await api.resolveImage(grabbed.image));
  assert.equal(await api.openProject({ video: join(projectDir, 'other.mp4'), projectDir }), null, 'another video');
  assert.equal(await api.openProject({ video: threeShotClip(), projectDir: mkdtempSync(join(tmpdir(), 'ycis-empty-')) }), null);

  const again = await analyse(api, projectDir);
  assert.equal(again.project.keyframes.find((k) => k.id === rejected.id)?.status, 'rejected');
  assert.ok(again.project.keyframes.some((k) => k.id === grabbed.keyframe.id && k.origin === 'manual'));
  assert.deepEqual(comicKeyframes(again.project).map((k) => k.id), comicKeyframes(e.project).map((k) => k.id));
});

test('review through the API: bad requests are refused; a damaged project.json is set aside, not lost', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-review-'));
  const refused = async (command: 'grabFrame' | 'saveProject', args: unknown) => {
    const reply = await dispatchCommand(api, command, [args]);
    return reply.ok ? 'ok' : reply.error.code;
  };
  assert.equal(await refused('grabFrame', { projectDir, time: 1 }), 'BAD_REQUEST', 'no project yet');
  const { project } = await analyse(api, projectDir);
  assert.equal(await refused('grabFrame', { projectDir, time: -1 }), 'BAD_REQUEST');
  assert.equal(await refused('grabFrame', { projectDir, time: 60 }), 'BAD_REQUEST');
  assert.equal(await refused('saveProject', { projectDir, project: { ...project, keyframes: 'none' } }), 'PROJECT_INVALID');

  writeFileSync(join(projectDir, 'project.json'), '{ "schema": 1, "video": ');
  const again = await analyse(api, projectDir);
  assert.match(again.document.warnings.join('\n'), /project\.json: damaged .* kept as .*project\.json\.damaged-/);
  const aside = readdirSync(projectDir).find((f) => f.startsWith('project.json.damaged-'));
  assert.ok(aside, readdirSync(projectDir).join(', '));
  assert.equal(readFileSync(join(projectDir, aside), 'utf8'), '{ "schema": 1, "video": ');
});

test('review through the API: analysing another video in the same project folder starts a new review, the old one kept', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-review-'));
  const first = await analyse(api, projectDir);
  const [k] = first.project.keyframes;
  await api.saveProject({ projectDir, project: perform(startEditing(first.project), setKeyframeStatus(first.project, k.id, 'rejected')).project });
  const other = makeWithFfmpeg('api-other-video.mp4', ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=2', '-pix_fmt', 'yuv420p']);
  const next = await analyse(api, projectDir, other);
  assert.ok(next.project.keyframes.every((f) => f.status === 'proposed'), 'nothing of the other review');
  assert.match(next.document.warnings.join('\n'), /is not the video the saved review was made of; that review is kept as .*project\.json\.replaced-/);
  const aside = readdirSync(projectDir).find((f) => f.startsWith('project.json.replaced-'))!;
  assert.equal((JSON.parse(readFileSync(join(projectDir, aside), 'utf8')) as Project).keyframes[0].status, 'rejected');
});
