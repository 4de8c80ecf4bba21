import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitPanel } from './commands';
import { perform, startEditing, undo } from './history';
import { PAGE_SIZES } from './page';
import { flowPages } from './page-flow';
import { exportPages, pageRecords, projectPages, unplacedKeyframes } from './pages';
import { comicKeyframes, type Project } from './project';
import { oneShotProject } from '../test-support/project-fixture';
import { checkProject } from '../main/services/store/project-file';

const file = join(__dirname, '../test-support/project-v1-layout.json');

test('a project.json of the first format (templates, rectangles, breaks, order) opens with its pages exactly as they were', () => {
  const project = checkProject(JSON.parse(readFileSync(file, 'utf8')), file);
  const layout = project.layout!;
  const kept = comicKeyframes(project);
  // What the editor of that format drew: its own flow over the same fields.
  const before = flowPages(kept.length, { size: PAGE_SIZES.letter, margin: 12, gutter: 4, readingOrder: 'rtl' }, {
    templates: layout.templates.map((t) => t ?? undefined),
    rects: layout.rects,
    crops: kept.map((k) => layout.crops[k.id]),
    balloons: kept.map((k) => layout.balloons?.[k.id]),
    breaksBefore: new Set(kept.flatMap((k, i) => (layout.breaks?.includes(k.id) ? [i] : []))),
  });
  const now = projectPages(project);
  assert.deepEqual(now.map((p) => p.template), before.map((p) => p.template));
  // The same rectangles (to a nanometre: they come back from their corners), pictures, crops and balloons.
  const round = (v: unknown) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x)));
  assert.deepEqual(round(now.map((p) => p.panels.map(({ rect, picture, crop, balloons }) => ({ rect, picture, crop, ...(balloons ? { balloons } : {}) })))), round(before.map((p) => p.panels)));
  assert.deepEqual(now[0].panels[0].rect, { x: 12, y: 12, width: 90, height: 100 }, 'the rectangle drawn by hand');
  assert.equal(now[0].panels.find((p) => p.keyframe === 'd-300')?.balloons?.[0].text, 'Where did the deer go?');
  // The first edit turns exactly these pages into records; undo gives back the file's own fields untouched.
  let e = startEditing(project);
  e = perform(e, splitPanel(e.project, 1, now[1].panels[0].id, { x: 0, y: 60 }, { x: 300, y: 60 }));
  assert.equal(projectPages(e.project).length, now.length);
  assert.deepEqual(projectPages(e.project)[0], now[0], 'page 1 as it was');
  assert.equal(projectPages(e.project)[1].panels.length, now[1].panels.length + 1);
  assert.equal(e.project.layout?.templates[0], '2-2-2', 'the older fields are kept');
  // Saved and opened again, the records come back whole; a damaged one is named.
  const reopened = checkProject(JSON.parse(JSON.stringify(e.project)), 'project.json');
  assert.deepEqual(projectPages(reopened), projectPages(e.project));
  const broken = structuredClone(e.project);
  broken.layout!.pages![1].panels[0].outline = [{ x: 1, y: 2 }];
  assert.throws(() => checkProject(broken, 'project.json'), /project\.json: .*page 2, panel 1: its outline is not 3 to 8 corners/);
  e = undo(e);
  assert.deepEqual(e.project.layout, project.layout);
});

test('a project never laid out by hand gets the automatic layout; empty panels print as nothing; unplaced frames', () => {
  const project: Project = oneShotProject([0, 100, 200, 300, 400, 500, 600], 1000);
  const pages = projectPages(project);
  assert.deepEqual(pages.flatMap((p) => p.panels.map((x) => x.keyframe)), comicKeyframes(project).map((k) => k.id));
  assert.ok(pages.every((p) => p.style.background === '#ffffff' && p.style.borderWidth === 0.7));
  assert.deepEqual(unplacedKeyframes(project), []);
  const records = pageRecords(project);
  const edited: Project = { ...project, layout: { page: 'a4', readingOrder: 'ltr', templates: [], crops: {}, pages: [{ ...records[0], panels: records[0].panels.map((p, i) => (i === 0 ? { ...p, keyframe: null } : p)) }] } };
  const [first] = projectPages(edited);
  assert.equal(first.panels[0].picture, -1);
  assert.equal(exportPages([first])[0].panels.length, first.panels.length - 1);
  assert.ok(unplacedKeyframes(edited).includes('d-0'));
});
