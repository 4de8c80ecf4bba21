// Per-panel styles and redrawing only what changed, through the API the editor calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { JobEvent, StylizeRequest, StylizeResult } from '../../app/api';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { bundledModelFile } from '../services/store';
import { importModel } from '../services/stylize/install';
import { eventsUntilEnd } from './api-fixtures';
import { createComicApi } from './comic-api';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-panels-'));

async function stylize(request: StylizeRequest): Promise<StylizeResult> {
  const api = createComicApi();
  const events = eventsUntilEnd(api);
  events.forJob((await api.startStylize(request)).job);
  const end = (await events.ended).at(-1)!;
  assert.equal(end.type, 'done', JSON.stringify(end));
  return (end as Extract<JobEvent, { type: 'done' }>).result as StylizeResult;
}

const picture = (name: string, src: string) => makeWithFfmpeg(name, ['-f', 'lavfi', '-i', `${src}=size=160x90`, '-frames:v', '1']);

test('one style for the book, another for one panel; a second run draws only the panels whose picture, style or regions changed', async () => {
  // A second style: the built-in graph under another name (a file the catalog does not know, imported).
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  const other = join(mkdtempSync(join(tmpdir(), 'ycis-other-style-')), 'other-style.onnx');
  writeFileSync(other, bytes);
  await importModel(other);
  const projectDir = mkdtempSync(join(tmpdir(), 'ycis-api-panels-project-'));
  const [a, b, c] = [picture('panels-a.png', 'testsrc2'), picture('panels-b.png', 'smptebars'), picture('panels-c.png', 'rgbtestsrc')];
  const past = new Date(Date.now() - 60_000);
  for (const p of [a, b, c]) utimesSync(p, past, past);
  const request: StylizeRequest = { images: [a, b, c], projectDir, model: 'builtin-toon', panelModels: { [c]: 'other-style' }, provider: 'cpu' };

  const first = await stylize(request);
  assert.deepEqual(first.files.map((f) => [f.input, f.model, f.reused ?? false]), [[a, 'builtin-toon', false], [b, 'builtin-toon', false], [c, 'other-style', false]]);
  assert.equal(first.files[2].output, join(projectDir, 'styled', 'other-style', basename(c)));
  assert.deepEqual([...first.models].sort(), ['builtin-toon', 'other-style']);
  const found = await createComicApi().findPanels({ projectDir, model: 'builtin-toon', panelModels: { [c]: 'other-style' }, images: [a, b, c] });
  assert.deepEqual(found?.files.map((f) => f.output), first.files.map((f) => f.output), 'found again, in the order asked');

  // Nothing changed: nothing is drawn, the files stay as they were.
  const times = first.files.map((f) => statSync(f.output).mtimeMs);
  const second = await stylize(request);
  assert.deepEqual(second.files.map((f) => f.reused), [true, true, true]);
  assert.deepEqual(second.files.map((f) => statSync(f.output).mtimeMs), times);

  // b's picture is newer (the frame changed), c goes back to the book's style: only those two are drawn.
  const now = new Date();
  utimesSync(b, now, now);
  const third = await stylize({ ...request, panelModels: {} });
  assert.deepEqual(third.files.map((f) => [f.model, f.reused ?? false]), [['builtin-toon', true], ['builtin-toon', false], ['builtin-toon', false]]);
  assert.equal(third.files[2].output, join(projectDir, 'styled', 'builtin-toon', basename(c)));

  // Regions: with the people kept as photo, marking a region on a alone redraws a alone.
  const box = { kind: 'box' as const, x: 0.1, y: 0.1, width: 0.4, height: 0.5 };
  const marked = { images: [a, b], projectDir, model: 'builtin-toon', people: 'photo', provider: 'cpu' as const, regions: { [a]: [box], [b]: [box] } };
  await stylize(marked);
  const moved = await stylize({ ...marked, regions: { [a]: [{ ...box, x: 0.3 }], [b]: [box] } });
  assert.deepEqual(moved.files.map((f) => f.reused ?? false), [false, true]);
  // Asked to, everything is drawn again.
  assert.deepEqual((await stylize({ ...request, redrawAll: true })).files.map((f) => f.reused ?? false), [false, false, false]);
  await assert.rejects(createComicApi().startStylize({ images: [a], outDir: projectDir, panelModels: { [a]: 'other-style' } }), /panelModels: give projectDir/);
});
