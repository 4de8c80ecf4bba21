import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExportResult, JobEvent, KeyframesResult, StylizeResult } from '../../app/api';
import { PDFDocument } from 'pdf-lib';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { loadKernels } from '../services/keyframes';
import { decodeImage, locateFfmpeg } from '../services/video';
import { createComicApi } from './comic-api';
import { dispatchCommand } from './dispatch';
import { eventsUntilEnd, ffmpegChildrenAfter, threeShotClip } from './api-fixtures';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-data-'));

test('appInfo names the ffmpeg, the kernels and the providers the engines use', async () => {
  const info = await createComicApi({ host: 'browser' }).appInfo();
  assert.equal(info.host, 'browser');
  assert.ok('path' in info.ffmpeg);
  assert.equal(info.ffmpeg.path, locateFfmpeg().path);
  assert.equal(info.kernels.kind, loadKernels().kind);
  assert.ok(info.providers.some((p) => p.name === 'cpu' && p.available));
  assert.ok(info.providers.filter((p) => !p.available).every((p) => p.reason && p.reason.length > 5));
  assert.equal(info.dataDir, process.env.YOUR_CARTOON_DATA);
  assert.equal(info.defaultParams.delta, 0.85);
});

test('a key-frame job reports progress, then done with every shot and key frame as a servable image', async () => {
  const api = createComicApi();
  const video = threeShotClip();
  const events = eventsUntilEnd(api);
  const ticket = await api.startKeyframes({ video, params: { minShotSeconds: 0.3 } });
  events.forJob(ticket.job);
  const seen = await events.ended;
  const progress = seen.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.progress.fraction ?? 0 : 0));
  assert.ok(progress.length >= 2, `progress events: ${progress.length}`);
  assert.ok(progress.every((f, i) => i === 0 || f >= progress[i - 1]), `fractions never go back: ${progress}`);
  const end = seen.at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as KeyframesResult;

  assert.deepEqual(result.document.shots.map((s) => s.startFrame), [0, 50, 100]);
  assert.equal(result.frames.length, result.document.keyframes.length);
  assert.equal(dirname(result.framesDir), result.projectDir);
  for (const frame of result.frames) {
    const path = await api.resolveImage(frame.image);
    assert.equal(path, frame.path);
    const img = await decodeImage(path);
    assert.deepEqual([img.width, img.height], [320, 240]);
  }
  const snapshot = await api.getJob(ticket.job);
  assert.equal(snapshot.state, 'done');
  assert.equal((snapshot.result as KeyframesResult).frames.length, result.frames.length);
  assert.equal(snapshot.progress.fraction, 1);
});

test('cancel stops a running key-frame job: a cancelled event, no ffmpeg left, no keyframes.json', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-cancel-'));
  let id = '';
  const events = eventsUntilEnd(api, (e) => {
    // Cancel from inside the first progress event: the job is certainly still running.
    if (e.type === 'progress' && e.job === id) void api.cancelJob(id);
  });
  id = (await api.startKeyframes({ video: threeShotClip(), projectDir })).job;
  events.forJob(id);
  const seen = await events.ended;
  assert.equal(seen.at(-1)!.type, 'cancelled');
  assert.equal((await api.getJob(id)).state, 'cancelled');
  assert.deepEqual(await ffmpegChildrenAfter(2000), []);
  assert.equal(existsSync(join(projectDir, 'frames', 'keyframes.json')), false);
});

test('failures carry codes: a missing video fails the job, bad params and unknown names are refused', async () => {
  const api = createComicApi();
  const events = eventsUntilEnd(api);
  const missing = join(tmpdir(), 'ycis-no-such-video.mp4');
  events.forJob((await api.startKeyframes({ video: missing })).job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'failed');
  if (end.type === 'failed') {
    assert.equal(end.error.code, 'NOT_FOUND');
    assert.match(end.error.message, /ycis-no-such-video\.mp4/);
  }
  const bad = await dispatchCommand(api, 'startKeyframes', [{ video: missing, params: { delta: 7 } }]);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.error.code, 'E_ANALYSIS_PARAMS');
    assert.match(bad.error.message, /delta/);
  }
  const unknown = await dispatchCommand(api, 'resolveImage', [{ root: 'x', file: 'y.jpg' }]);
  assert.deepEqual(unknown.ok ? null : unknown.error.code, 'UNKNOWN_COMMAND');
  const job = await dispatchCommand(api, 'getJob', ['nope']);
  assert.deepEqual(job.ok ? null : job.error.code, 'JOB_NOT_FOUND');
  const args = await dispatchCommand(api, 'probeVideo', 'not-a-list');
  assert.deepEqual(args.ok ? null : args.error.code, 'BAD_REQUEST');
});

test('models are listed with the built-in style installed, and how each file is checked', async () => {
  const models = await createComicApi().listModels();
  const builtin = models.find((m) => m.id === 'builtin-toon');
  assert.ok(builtin?.installed, JSON.stringify(models.map((m) => m.id)));
  assert.equal(builtin.origin, 'bundled');
  assert.equal(builtin.verifiedBy, 'app');
  // White-box and CartoonGAN have known files (sha256 in the catalog); InstaGAN is exported by each user (spec only).
  assert.equal(models.find((m) => m.id === 'whitebox-cartoon')?.verifiedBy, 'sha256');
  assert.equal(models.find((m) => m.id === 'cartoongan-hayao')?.verifiedBy, 'sha256');
  assert.equal(models.find((m) => m.id === 'instagan-shp2gir')?.verifiedBy, 'spec');
});

test('a stylize job turns images into cartoon panels with the built-in style, served as images', async () => {
  const api = createComicApi();
  const image = makeWithFfmpeg('api-still.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1']);
  const outDir = mkdtempSync(join(tmpdir(), 'ycis-api-styled-'));
  const events = eventsUntilEnd(api);
  events.forJob((await api.startStylize({ images: [image], outDir, provider: 'cpu' })).job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as StylizeResult;
  assert.equal(result.files.length, 1);
  assert.deepEqual(result.failures, []);
  const [file] = result.files;
  assert.equal(file.provider, 'cpu');
  assert.equal(file.model, 'builtin-toon');
  const styled = await decodeImage(await api.resolveImage(file.image));
  const source = await decodeImage(image);
  assert.deepEqual([styled.width, styled.height], [320, 240]);
  let diff = 0;
  for (let i = 0; i < styled.data.length; i++) diff += Math.abs(styled.data[i] - source.data[i]);
  assert.ok(diff / styled.data.length > 2, `the panel differs from the photo (mean abs diff ${diff / styled.data.length})`);
});

test('a stylize request for a project writes to PROJECT/styled/MODEL, found again later; no folder at all is refused', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-project-'));
  // The project's own copy of the picture: the test changes its time.
  const image = join(projectDir, 'frame.png');
  copyFileSync(makeWithFfmpeg('api-still.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1']), image);
  const events = eventsUntilEnd(api);
  events.forJob((await api.startStylize({ images: [image], projectDir, provider: 'cpu' })).job);
  const end = (await events.ended).at(-1) as Extract<JobEvent, { type: 'done' }>;
  const result = end.result as StylizeResult;
  assert.equal(result.outDir, join(projectDir, 'styled', 'builtin-toon'));
  assert.equal(dirname(result.files[0].output), result.outDir);
  assert.ok(statSync(result.files[0].output).size > 0);
  // Drawn once, found again (a reload): the same panel, until its picture is newer or it is gone.
  const found = await api.findPanels({ projectDir, model: 'builtin-toon', images: [image] });
  assert.deepEqual(found?.files.map((f) => [f.output, f.provider]), [[result.files[0].output, undefined]]);
  assert.equal(await api.resolveImage(found!.files[0].image), result.files[0].output);
  const notDrawn = join(projectDir, 'other.png');
  copyFileSync(image, notDrawn);
  assert.equal(await api.findPanels({ projectDir, model: 'builtin-toon', images: [image, notDrawn] }), null, 'one of them not drawn');
  const later = new Date(Date.now() + 60_000);
  utimesSync(image, later, later);
  assert.equal(await api.findPanels({ projectDir, model: 'builtin-toon', images: [image] }), null, 'the picture changed since');
  const reply = await dispatchCommand(api, 'startStylize', [{ images: [image] }]);
  assert.equal(reply.ok ? null : reply.error.code, 'BAD_REQUEST');
  assert.match(reply.ok ? '' : reply.error.message, /outDir or projectDir/);
});

test('an export job lays the pictures out and writes PROJECT/comic.pdf, served to the renderer', async () => {
  const api = createComicApi();
  const pictures = [0, 1, 2].map((i) =>
    makeWithFfmpeg(`api-export-${i}.png`, ['-f', 'lavfi', '-i', `testsrc2=size=640x360,hue=h=${i * 90}`, '-frames:v', '1']),
  );
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-project-'));
  const events = eventsUntilEnd(api);
  const ticket = await api.startExport({ pictures, projectDir, title: 'Three pictures', models: ['builtin-toon'], page: 'letter' });
  assert.equal(ticket.kind, 'export');
  events.forJob(ticket.job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as ExportResult;
  assert.equal(result.file, join(projectDir, 'comic.pdf'));
  assert.deepEqual([result.pages, result.panels], [1, 3]);
  assert.deepEqual(result.credits, [], 'the built-in style asks for no credit');
  const served = await api.resolveImage(result.document);
  assert.equal(served, realpathSync(result.file));
  assert.equal(readFileSync(served).subarray(0, 5).toString(), '%PDF-');
  // Pages the user laid out: one page, the third picture alone, zoomed.
  const own = { size: { id: 'x', name: 'x', width: 100, height: 80 }, panels: [{ rect: { x: 5, y: 5, width: 90, height: 70 }, picture: 2, crop: { centerX: 0.5, centerY: 0.5, zoom: 2 } }] };
  const laidOut = eventsUntilEnd(api);
  laidOut.forJob((await api.startExport({ pictures, outFile: join(projectDir, 'own.pdf'), title: 'Own', models: [], pages: [own], print: true })).job);
  const ownEnd = (await laidOut.ended).at(-1) as Extract<JobEvent, { type: 'done' }>;
  assert.deepEqual([(ownEnd.result as ExportResult).pages, (ownEnd.result as ExportResult).panels], [1, 1]);
  const ownPage = (await PDFDocument.load(readFileSync(join(projectDir, 'own.pdf')))).getPage(0);
  assert.equal(Math.round((ownPage.getTrimBox().width / 72) * 25.4), 100, 'trimmed to the 100 mm page');
  assert.equal(Math.round((ownPage.getBleedBox().width / 72) * 25.4 * 100) / 100, 106.35, 'print: 0.125 in bleed each side');
  const outOfRange = { ...own, panels: [{ ...own.panels[0], picture: 3 }] };
  for (const bad of [
    { pictures, title: 't', models: [] },
    { pictures, projectDir, title: 't', models: [], page: 'a0' },
    { pictures: [], projectDir, title: 't', models: [] },
    { pictures, projectDir, title: 't', models: [], pages: [outOfRange] },
  ]) {
    const reply = await dispatchCommand(api, 'startExport', [bad]);
    assert.equal(reply.ok ? null : reply.error.code, 'BAD_REQUEST', JSON.stringify(bad));
  }
});

test('makeSampleVideo makes the built-in sample once in the data folder', async () => {
  const api = createComicApi();
  const path = await api.makeSampleVideo();
  assert.equal(dirname(dirname(path)), process.env.YOUR_CARTOON_DATA);
  const info = await api.probeVideo(path);
  assert.deepEqual([info.width, info.height, info.frameCount], [1280, 720, 520]);
  const again = Date.now();
  assert.equal(await api.makeSampleVideo(), path);
  assert.ok(Date.now() - again < 500, 'kept, not made again');
});
