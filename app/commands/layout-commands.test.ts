import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addKeyframe, movePage, setKeyframeStatus, setPageSetup, setPageTemplate, setPanelCrop, setPanelRect, togglePageBreak } from '.';
import { perform, startEditing, undo } from '../history';
import { comicKeyframes, projectPages } from '../project';
import { oneShotProject } from '../../test-support/project-fixture';

const project = oneShotProject([0, 100, 200, 300, 400, 500, 600], 1000);

test('layout edits: a page template reflows the panels after it, crops follow their key frame, all undoable', () => {
  let e = startEditing(project);
  assert.deepEqual(projectPages(e.project).map((p) => [p.template, p.panels.length]), [['2-1-2', 5], ['1-2-2', 2]]);
  e = perform(e, setPageTemplate(e.project, 0, '1-1-1'));
  assert.deepEqual(projectPages(e.project).map((p) => [p.template, p.panels.length]), [['1-1-1', 3], ['1-2-2', 4]]);
  e = perform(e, setPanelCrop(e.project, 'd-400', { centerX: 0.1, centerY: 0.5, zoom: 2 }));
  assert.equal(e.past.at(-1)?.label, 'Zoom a panel');
  const cropOf = (id: string) => {
    const pages = projectPages(e.project);
    const index = e.project.keyframes.filter((k) => k.status !== 'rejected').findIndex((k) => k.id === id);
    return pages.flatMap((p) => p.panels).find((p) => p.picture === index)?.crop;
  };
  assert.deepEqual(cropOf('d-400'), { centerX: 0.1, centerY: 0.5, zoom: 2 });
  // Dropping an earlier frame moves d-400 to another panel: its crop goes with it.
  e = perform(e, setKeyframeStatus(e.project, 'd-0', 'rejected'));
  assert.deepEqual(cropOf('d-400'), { centerX: 0.1, centerY: 0.5, zoom: 2 });
  e = perform(e, setPageSetup(e.project, { page: 'b5', readingOrder: 'rtl' }));
  const [first] = projectPages(e.project);
  assert.equal(first.size.width, 182);
  assert.equal(first.template, '1-1-1');
  // Page 2 (1-2-2) reads right to left: its second panel (first of the two-panel tier) is on the right.
  const second = projectPages(e.project)[1];
  assert.ok(second.panels[1].rect.x > second.panels[2].rect.x);
  e = undo(undo(undo(e)));
  assert.deepEqual(cropOf('d-400'), { centerX: 0.5, centerY: 0.5, zoom: 1 }, 'back to centred');
  e = undo(e);
  assert.deepEqual(projectPages(e.project).map((p) => p.template), ['2-1-2', '1-2-2']);
  assert.throws(() => setPageTemplate(e.project, 0, '9-9-9'), /no page template 9-9-9/);
});

test('panel geometry: a panel reshaped on its page (kept on the page, at least 10 mm), dropped with a new template, all undoable', () => {
  let e = startEditing(project);
  const before = projectPages(e.project)[0].panels[1].rect;
  e = perform(e, setPanelRect(e.project, 0, 1, { x: before.x + 5, y: before.y, width: 2, height: 400 }));
  const after = projectPages(e.project)[0].panels[1].rect;
  assert.deepEqual([after.x, after.y, after.width], [before.x + 5, 0, 10], 'clamped: 10 mm wide at least, 297 mm tall at most, on the page');
  assert.equal(after.height, 297);
  assert.deepEqual(projectPages(e.project)[0].panels[0].rect, projectPages(project)[0].panels[0].rect, 'the other panels stay');
  e = perform(e, setPageTemplate(e.project, 0, '1-1-1'));
  assert.deepEqual(e.project.layout?.rects, [null]);
  e = undo(e);
  assert.deepEqual(projectPages(e.project)[0].panels[1].rect, after);
  e = undo(e);
  assert.deepEqual(projectPages(e.project)[0].panels[1].rect, before);
});

test('pages: a new page started at a panel, a page moved earlier with its template and reshaped panels, undone', () => {
  let e = startEditing(project);
  const ids = (pages = projectPages(e.project)) => pages.map((p) => p.panels.map((x) => comicKeyframes(e.project)[x.picture].id));
  assert.deepEqual(ids(), [['d-0', 'd-100', 'd-200', 'd-300', 'd-400'], ['d-500', 'd-600']]);
  e = perform(e, togglePageBreak(e.project, 'd-300'));
  assert.deepEqual(ids(), [['d-0', 'd-100', 'd-200'], ['d-300', 'd-400', 'd-500', 'd-600']]);
  e = perform(e, setPanelRect(e.project, 1, 0, { x: 20, y: 20, width: 100, height: 50 }));
  e = perform(e, movePage(e.project, 1, 'earlier'));
  assert.equal(e.past.at(-1)?.label, 'Move page 2 earlier');
  assert.deepEqual(ids(), [['d-300', 'd-400', 'd-500', 'd-600'], ['d-0', 'd-100', 'd-200']]);
  const [first, second] = projectPages(e.project);
  assert.deepEqual([first.template, second.template], ['1-2-2', '2-1-2'], 'the templates moved with their pages');
  assert.deepEqual(first.panels[0].rect, { x: 20, y: 20, width: 100, height: 50 }, 'and the reshaped panel');
  // A frame added later falls in after the frame before it in time, not at the end.
  const manual = { id: 'm-50', shot: 0, frame: 50, time: 2, origin: 'manual' as const, status: 'accepted' as const, file: 'm.jpg' };
  e = perform(e, addKeyframe(e.project, manual));
  assert.deepEqual(ids()[1], ['d-0', 'm-50', 'd-100', 'd-200']);
  // One between two frames of the moved page stays between them (after the frame just before it in time).
  e = perform(e, addKeyframe(e.project, { ...manual, id: 'm-450', frame: 450, time: 18 }));
  assert.deepEqual(ids()[0], ['d-300', 'd-400', 'm-450', 'd-500', 'd-600']);
  e = undo(undo(undo(e)));
  assert.deepEqual(ids(), [['d-0', 'd-100', 'd-200'], ['d-300', 'd-400', 'd-500', 'd-600']]);
  assert.throws(() => movePage(e.project, 0, 'earlier'), /page 1 cannot move earlier/);
});
