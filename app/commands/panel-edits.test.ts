import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPanel, addPanelCorner, deletePanel, mergePanels, movePanelCorner, removePanelCorner, setPageTemplate, setPanelOutline, splitPanel } from '.';
import { boundingBox, isConvexOutline, outlineDistance, translateOutline } from '../geometry';
import { perform, redo, startEditing, undo } from '../history';
import { projectPages, unplacedKeyframes } from '../pages';
import { oneShotProject } from '../../test-support/project-fixture';

const five = oneShotProject([0, 100, 200, 300, 400], 1000);
// A page of rectangles to start from: 2-1-2.
const project = setPageTemplate(five, 0, '2-1-2').apply(five);

test('knife: a panel cut across (level, upright, slanted) becomes two with one gutter between; undo gives it back', () => {
  let e = startEditing(project);
  const page = projectPages(e.project)[0];
  const target = page.panels[0];
  const { x, y, width, height } = target.rect;
  e = perform(e, splitPanel(e.project, 0, target.id, { x: x + width / 2, y: y - 5 }, { x: x + width / 2, y: y + height + 5 }));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.splitPanel' });
  let after = projectPages(e.project)[0].panels;
  assert.equal(after.length, page.panels.length + 1);
  const [kept, cut] = [after[0], after[1]];
  assert.equal(kept.keyframe, target.keyframe, 'the frame stays in one part');
  assert.equal(cut.keyframe, null, 'the other part is an empty panel');
  assert.ok(Math.abs(outlineDistance(kept.outline ?? outlineOf(kept.rect), cut.outline ?? outlineOf(cut.rect)) - 4) < 1e-6, 'one gutter apart');
  // A slanted cut of the new part: two convex polygons, 4 mm apart.
  e = perform(e, splitPanel(e.project, 0, cut.id, { x: cut.rect.x, y: cut.rect.y + 5 }, { x: cut.rect.x + cut.rect.width, y: cut.rect.y + cut.rect.height - 5 }));
  after = projectPages(e.project)[0].panels;
  const slanted = after.filter((p) => p.id === cut.id || !page.panels.some((q) => q.id === p.id) && p.id !== cut.id);
  assert.equal(slanted.length, 2);
  assert.ok(slanted.every((p) => p.outline), 'polygons, not rectangles');
  assert.ok(slanted.every((p) => isConvexOutline(p.outline!)));
  assert.ok(Math.abs(outlineDistance(slanted[0].outline!, slanted[1].outline!) - 4) < 1e-6);
  e = undo(undo(e));
  assert.deepEqual(projectPages(e.project), projectPages(project));
  e = redo(e);
  assert.equal(projectPages(e.project)[0].panels.length, page.panels.length + 1);
  assert.throws(() => splitPanel(e.project, 0, target.id, { x: 0, y: 1 }, { x: 1, y: 1 }), /does not cross the panel/);
});

test('merge: two neighbours become the outline round both; far apart or covering a third is refused; undo', () => {
  let e = startEditing(project);
  const [a, b, c] = projectPages(e.project)[0].panels;
  e = perform(e, mergePanels(e.project, 0, a.id, b.id));
  const merged = projectPages(e.project)[0].panels;
  assert.equal(merged.length, projectPages(project)[0].panels.length - 1);
  const box = boundingBox(merged[0].outline ?? outlineOf(merged[0].rect));
  const union = boundingBox([...outlineOf(a.rect), ...outlineOf(b.rect)]);
  for (const k of ['x', 'y', 'width', 'height'] as const) assert.ok(Math.abs(box[k] - union[k]) < 1e-6);
  assert.equal(merged[0].keyframe, a.keyframe);
  assert.deepEqual(unplacedKeyframes(e.project), [b.keyframe], 'the second frame goes back to the tray');
  e = undo(e);
  assert.deepEqual(projectPages(e.project), projectPages(project));
  const panels = projectPages(e.project)[0].panels;
  const far = panels.find((p) => outlineDistance(outlineOf(p.rect), outlineOf(a.rect)) > 20);
  if (far) assert.throws(() => mergePanels(e.project, 0, a.id, far.id), /neighbouring|cover/);
  assert.ok(c);
});

test('corners: dragged (refused where it would dent), added up to 8, removed down to 3; move and resize; undo', () => {
  let e = startEditing(project);
  const panel = projectPages(e.project)[0].panels[0];
  const [tl] = outlineOf(panel.rect);
  e = perform(e, movePanelCorner(e.project, 0, panel.id, 0, { x: tl.x + 8, y: tl.y + 3 }));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.movePanelCorner' });
  const moved = projectPages(e.project)[0].panels[0];
  assert.deepEqual(moved.outline?.[0], { x: tl.x + 8, y: tl.y + 3 });
  assert.ok(isConvexOutline(moved.outline!));
  // Into the panel past its diagonal: a dent, refused.
  assert.throws(() => movePanelCorner(e.project, 0, panel.id, 0, { x: panel.rect.x + panel.rect.width * 0.9, y: panel.rect.y + panel.rect.height * 0.9 }), /convex/);
  assert.throws(() => movePanelCorner(e.project, 0, panel.id, 0, { x: -5, y: 10 }), /on its page/);
  for (let i = 0; i < 4; i++) e = perform(e, addPanelCorner(e.project, 0, panel.id, 0));
  assert.equal(projectPages(e.project)[0].panels[0].outline?.length, 8);
  assert.throws(() => addPanelCorner(e.project, 0, panel.id, 0), /at most 8/);
  for (let i = 0; i < 5; i++) e = perform(e, removePanelCorner(e.project, 0, panel.id, 1));
  assert.equal(projectPages(e.project)[0].panels[0].outline?.length, 3, 'a triangle');
  assert.throws(() => removePanelCorner(e.project, 0, panel.id, 0), /at least 3/);
  const tri = projectPages(e.project)[0].panels[0].outline!;
  e = perform(e, setPanelOutline(e.project, 0, panel.id, translateOutline(tri, 2, 1), 'move'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.movePanel' });
  for (let i = 0; i < 11; i++) e = undo(e);
  assert.deepEqual(projectPages(e.project), projectPages(project));
});

test('panels added (a free spot, or the whole page when it is empty) and deleted; their frame goes to the tray', () => {
  let e = startEditing(project);
  const before = projectPages(e.project)[0].panels;
  e = perform(e, deletePanel(e.project, 0, before[1].id));
  assert.deepEqual(unplacedKeyframes(e.project), [before[1].keyframe]);
  e = perform(e, addPanel(e.project, 0));
  const added = projectPages(e.project)[0].panels.at(-1)!;
  assert.equal(added.keyframe, null);
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.addPanel' });
  // It lands where the deleted one was (the free space), not over another panel.
  assert.ok(boundingBox(outlineOf(added.rect)).width > 20);
  for (const p of projectPages(e.project)[0].panels.slice(0, -1)) assert.ok(outlineDistance(outlineOf(p.rect), outlineOf(added.rect)) >= 4 - 1e-6);
  e = undo(undo(e));
  assert.deepEqual(projectPages(e.project), projectPages(project));
});

function outlineOf(r: { x: number; y: number; width: number; height: number }) {
  return [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ];
}
