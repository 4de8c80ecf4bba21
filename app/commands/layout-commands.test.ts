import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addKeyframe, movePage, setKeyframeStatus, setPageSetup, setPageTemplate, setPanelCrop, setPanelRect, togglePageBreak } from '.';
import { perform, startEditing, undo } from '../history';
import { projectPages, unplacedKeyframes } from '../pages';
import { oneShotProject } from '../../test-support/project-fixture';

const project = oneShotProject([0, 100, 200, 300, 400, 500, 600], 1000);
const ids = (p = project) => projectPages(p).map((page) => page.panels.map((x) => x.keyframe));

test('automatic pages: crops follow their key frame through a reflow; page size and reading order; undo', () => {
  let e = startEditing(project);
  assert.deepEqual(ids().flat(), ['d-0', 'd-100', 'd-200', 'd-300', 'd-400', 'd-500', 'd-600']);
  e = perform(e, setPanelCrop(e.project, 'd-400', { centerX: 0.1, centerY: 0.5, zoom: 2 }));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.zoomPanel' });
  const cropOf = (id: string) => projectPages(e.project).flatMap((p) => p.panels).find((p) => p.keyframe === id)?.crop;
  e = perform(e, setKeyframeStatus(e.project, 'd-0', 'rejected'));
  assert.deepEqual(cropOf('d-400'), { centerX: 0.1, centerY: 0.5, zoom: 2 });
  e = perform(e, setPageSetup(e.project, { page: 'b5', readingOrder: 'rtl' }));
  const [first] = projectPages(e.project);
  assert.equal(first.size.width, 182);
  assert.ok(first.panels[0].rect.x >= first.panels.at(-1)!.rect.x - 1e-6 || first.panels.some((p, i) => i > 0 && p.rect.y === first.panels[0].rect.y && p.rect.x < first.panels[0].rect.x), 'read from the right');
  e = undo(undo(undo(e)));
  assert.deepEqual(cropOf('d-400'), { centerX: 0.5, centerY: 0.5, zoom: 1 }, 'back to centred');
});

test('templates: a page given a template takes its frames in order; a slot left over is empty, a frame left over goes to the tray', () => {
  let e = startEditing(project);
  const before = ids();
  e = perform(e, setPageTemplate(e.project, 0, '1-1'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.pageLayout', values: { page: 1, template: '1-1' } });
  assert.deepEqual(ids(e.project)[0], before[0].slice(0, 2));
  assert.deepEqual(unplacedKeyframes(e.project), before[0].slice(2));
  assert.equal(projectPages(e.project)[0].template, '1-1');
  e = perform(e, setPageTemplate(e.project, 1, '2-2-2'));
  assert.equal(ids(e.project)[1].filter((k) => k === null).length, 6 - before[1].length);
  e = undo(undo(e));
  assert.deepEqual(ids(e.project), before);
  assert.throws(() => setPageTemplate(e.project, 0, '9-9-9'), /no page template 9-9-9/);
});

test('a panel reshaped by its box: moved or resized, refused off the page or under 5 mm; undo', () => {
  let e = startEditing(project);
  const panel = projectPages(e.project)[0].panels[1];
  const rect = { ...panel.rect, x: panel.rect.x + 2, width: panel.rect.width - 10 };
  e = perform(e, setPanelRect(e.project, 0, 1, rect));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.resizePanel' });
  const after = projectPages(e.project)[0].panels[1].rect;
  for (const k of ['x', 'y', 'width', 'height'] as const) assert.ok(Math.abs(after[k] - rect[k]) < 1e-6);
  assert.throws(() => setPanelRect(e.project, 0, 1, { ...rect, width: 2 }), /at least 5 mm/);
  assert.throws(() => setPanelRect(e.project, 0, 1, { ...rect, x: 200 }), /on its page/);
  e = undo(e);
  assert.deepEqual(projectPages(e.project)[0].panels[1].rect, panel.rect);
});

test('page breaks in the automatic layout, pages moved, frames added later fall in by time', () => {
  let e = startEditing(project);
  e = perform(e, togglePageBreak(e.project, 'd-300'));
  assert.ok(projectPages(e.project).some((p) => p.panels[0].keyframe === 'd-300'), 'a page starts at d-300');
  const manual = { id: 'm-50', shot: 0, frame: 50, time: 2, origin: 'manual' as const, status: 'accepted' as const, file: 'm.jpg' };
  e = perform(e, addKeyframe(e.project, manual));
  assert.deepEqual(ids(e.project).flat().slice(0, 2), ['d-0', 'm-50']);
  const pages = ids(e.project);
  e = perform(e, movePage(e.project, 1, 'earlier'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.movePageEarlier', values: { page: 2 } });
  assert.deepEqual(ids(e.project).slice(0, 2), [pages[1], pages[0]]);
  assert.throws(() => togglePageBreak(e.project, 'd-300'), /laid out by hand/);
  e = undo(undo(undo(e)));
  assert.deepEqual(ids(e.project), ids());
  assert.throws(() => movePage(e.project, 0, 'earlier'), /page 1 cannot move earlier/);
});
