import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobEvent, StylizeResult } from '../../app/api';
import { makeWithFfmpeg, sharedModel } from '../../test-support/fixtures';
import { importModel } from '../services/stylize/install';
import { decodeImage } from '../services/video';
import { eventsUntilEnd } from './api-fixtures';
import { createComicApi } from './comic-api';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-regions-'));
const DEEPLAB = sharedModel('deeplabv3_mnv2_257_voc.onnx');
const STREET = sharedModel('samples/pexels_street_f20_512x288.png');
const STREET_MASK = sharedModel('samples/pexels_street_f20_512x288.deeplabv3_person_mask.png');

async function stylize(request: Parameters<ReturnType<typeof createComicApi>['startStylize']>[0]): Promise<JobEvent> {
  const api = createComicApi();
  const events = eventsUntilEnd(api);
  events.forJob((await api.startStylize(request)).job);
  return (await events.ended).at(-1)!;
}

test('editor stylize with the people apart: the segmenter finds them, they stay photo, the rest is drawn; credits all', async (t) => {
  if (!DEEPLAB || !STREET || !STREET_MASK) return t.skip('needs ../shared/models (DeepLabV3 and the street sample with its mask)');
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-regions-project-'));
  // Without the segmenter the job says how to get it, in the editor's words.
  const missing = await stylize({ images: [STREET], projectDir, model: 'builtin-toon', people: 'photo', provider: 'cpu' });
  assert.equal(missing.type, 'failed', JSON.stringify(missing));
  assert.match(missing.type === 'failed' ? missing.error.message : '', /person segmenter .* not installed: import its file once with .* in a terminal, then make the panels again/);

  await importModel(DEEPLAB);
  const end = await stylize({ images: [STREET], projectDir, model: 'builtin-toon', people: 'photo', provider: 'cpu' });
  assert.equal(end.type, 'done', JSON.stringify(end));
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as StylizeResult;
  assert.equal(result.outDir, join(projectDir, 'styled', 'builtin-toon+people-photo'));
  // Found again later with every model that made them, the segmenter included (the comic credits them all).
  const found = await createComicApi().findPanels({ projectDir, model: 'builtin-toon', people: 'photo', images: [STREET] });
  assert.deepEqual([...(found?.models ?? [])].sort(), ['builtin-toon', 'deeplabv3-person']);
  assert.deepEqual([...result.models].sort(), ['builtin-toon', 'deeplabv3-person']);
  assert.equal(result.files[0].model, 'builtin-toon');
  // Inside the reference person mask the picture is the photo; outside it is the cartoon.
  const [out, photo, mask] = await Promise.all([decodeImage(result.files[0].output), decodeImage(STREET), decodeImage(STREET_MASK)]);
  let inside = 0, insideN = 0, outside = 0, outsideN = 0;
  for (let p = 0; p < mask.width * mask.height; p++) {
    const d = Math.abs(out.data[p * 3] - photo.data[p * 3]) + Math.abs(out.data[p * 3 + 1] - photo.data[p * 3 + 1]) + Math.abs(out.data[p * 3 + 2] - photo.data[p * 3 + 2]);
    if (mask.data[p * 3] > 200) (inside += d, insideN++);
    else if (mask.data[p * 3] < 50) (outside += d, outsideN++);
  }
  assert.ok(insideN > 1000 && outsideN > 1000, `${insideN} person pixels, ${outsideN} others`);
  assert.ok(inside / insideN < 0.5 * (outside / outsideN), `people ${(inside / insideN).toFixed(1)} vs background ${(outside / outsideN).toFixed(1)} (sum of |RGB| differences)`);
});

test('editor stylize: people and InstaGAN together, or InstaGAN with a style, are refused before any work', async () => {
  const api = createComicApi();
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-regions-project-'));
  await assert.rejects(api.startStylize({ images: ['/x.png'], projectDir, people: 'photo', instagan: 'instagan-shp2gir' }), /two ways to treat the people/);
  await assert.rejects(api.startStylize({ images: ['/x.png'], projectDir, model: 'builtin-toon', instagan: 'instagan-shp2gir' }), /takes no model/);
});

test('editor stylize with regions drawn by hand: no segmenter needed, the box stays photo, panels found again only for the same regions', async (t) => {
  const api = createComicApi();
  // With the segmenter installed, "not used" means something: every picture has its own regions.
  if (DEEPLAB) await importModel(DEEPLAB);
  else t.diagnostic('../shared/models has no DeepLabV3: the segmenter is not installed, so its absence from the credits proves less');
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-regions-project-'));
  const picture = makeWithFfmpeg('api-regions.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180', '-frames:v', '1']);
  // The left half, as the editor's box tool gives it (fractions of the picture).
  const regions = { [picture]: [{ kind: 'box' as const, x: 0, y: 0, width: 0.5, height: 1 }] };
  const request = { images: [picture], projectDir, model: 'builtin-toon', people: 'photo', regions, provider: 'cpu' as const };
  const end = await stylize(request);
  assert.equal(end.type, 'done', JSON.stringify(end));
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as StylizeResult;
  assert.deepEqual(result.models, ['builtin-toon'], 'no segmenter ran');
  const [out, photo] = await Promise.all([decodeImage(result.files[0].output), decodeImage(picture)]);
  const diff = (x0: number, x1: number) => {
    let d = 0, n = 0;
    for (let y = 10; y < 170; y++) for (let x = x0; x < x1; x++, n++) for (let c = 0; c < 3; c++) d += Math.abs(out.data[(y * 320 + x) * 3 + c] - photo.data[(y * 320 + x) * 3 + c]);
    return d / n;
  };
  assert.ok(diff(10, 140) < 3 && diff(180, 310) > 10, `left (photo) ${diff(10, 140).toFixed(1)}, right (drawn) ${diff(180, 310).toFixed(1)}`);
  assert.deepEqual((await api.findPanels(request))?.models, ['builtin-toon'], 'the same regions: found, credited as drawn');
  assert.equal(await api.findPanels({ ...request, regions: { [picture]: [{ kind: 'box', x: 0.5, y: 0, width: 0.5, height: 1 }] } }), null, 'other regions: not these panels');
  await assert.rejects(api.startStylize({ images: [picture], projectDir, regions }), /give people or instagan too/);
});

test('editor stylize: a picture that fails is not found again (drawn next time); the good one is kept', async () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-regions-project-'));
  const good = makeWithFfmpeg('api-regions.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180', '-frames:v', '1']);
  const broken = join(projectDir, 'broken.png');
  writeFileSync(broken, 'not a picture');
  const end = await stylize({ images: [good, broken], projectDir, provider: 'cpu' });
  assert.equal(end.type, 'done', JSON.stringify(end));
  assert.equal(((end as Extract<JobEvent, { type: 'done' }>).result as StylizeResult).failures.length, 1);
  assert.equal(await createComicApi().findPanels({ projectDir, model: 'builtin-toon', images: [good, broken] }), null);
  assert.ok(await createComicApi().findPanels({ projectDir, model: 'builtin-toon', images: [good] }), 'the good panel was drawn: found');
  const again = await stylize({ images: [good, broken], projectDir, provider: 'cpu' });
  assert.equal(again.type, 'done');
  const result = (again as Extract<JobEvent, { type: 'done' }>).result as StylizeResult;
  assert.deepEqual(result.files.map((f) => f.reused), [true], 'the good panel is not drawn again');
  assert.equal(result.failures.length, 1, 'the broken picture is tried again');
});
