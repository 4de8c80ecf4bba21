import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPage, deletePage, duplicatePage, movePage, placeFrame, reorderPage, setBookLook, setPageLook, setPageSetup, setPanelCrop } from '.';
import { boundingBox, outlineDistance, rectOutline } from '../geometry';
import { perform, startEditing, undo } from '../history';
import { projectPages, unplacedKeyframes } from '../pages';
import { oneShotProject } from '../../test-support/project-fixture';

const project = oneShotProject([0, 100, 200, 300, 400, 500, 600, 700, 800, 900], 1000);
const frames = (p = project) => projectPages(p).map((page) => page.panels.map((x) => x.keyframe));

test('page strip: a blank page added, a page duplicated, moved by drag and by one, deleted; each undone', () => {
  let e = startEditing(project);
  const start = frames();
  assert.ok(start.length >= 2);
  e = perform(e, addPage(e.project, 0));
  assert.deepEqual(frames(e.project), [start[0], [], ...start.slice(1)]);
  e = perform(e, duplicatePage(e.project, 0));
  const pages = projectPages(e.project);
  assert.deepEqual(pages[1].panels.map((p) => p.keyframe), start[0], 'a copy of page 1');
  assert.ok(pages[1].panels.every((p) => !pages[0].panels.some((q) => q.id === p.id)), 'with panels of its own');
  e = perform(e, reorderPage(e.project, 2, 0));
  assert.deepEqual(frames(e.project)[0], [], 'the blank page first');
  e = perform(e, movePage(e.project, 0, 'later'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.movePageLater', values: { page: 1 } });
  assert.deepEqual(frames(e.project)[1], []);
  e = perform(e, deletePage(e.project, 1));
  e = perform(e, deletePage(e.project, 0));
  assert.deepEqual(frames(e.project), [start[0], ...start.slice(1)]);
  e = perform(e, deletePage(e.project, 0));
  assert.deepEqual(unplacedKeyframes(e.project), start[0], 'its frames go back to the tray');
  for (let i = 0; i < 7; i++) e = undo(e);
  assert.deepEqual(projectPages(e.project), projectPages(project));
  assert.equal(e.project.layout?.pages, undefined);
  assert.throws(() => deletePage(project, 9), /no page 10/);
});

test('frames from the tray: shown in a panel, swapped with the panel showing it, crops go with their frames', () => {
  let e = startEditing(project);
  e = perform(e, setPanelCrop(e.project, 'd-0', { centerX: 0.2, centerY: 0.5, zoom: 2 }));
  const [first, second] = projectPages(e.project)[0].panels;
  e = perform(e, placeFrame(e.project, 0, second.id, 'd-0'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.swapFrames' });
  const after = projectPages(e.project)[0].panels;
  assert.deepEqual([after[0].keyframe, after[1].keyframe], [second.keyframe, 'd-0']);
  assert.deepEqual(after[1].crop, { centerX: 0.2, centerY: 0.5, zoom: 2 }, 'the frame’s crop is kept');
  assert.deepEqual(after[0].rect, first.rect, 'panels stay where they are');
  e = undo(e);
  assert.deepEqual(projectPages(e.project)[0].panels.map((p) => p.keyframe), [first.keyframe, second.keyframe, ...projectPages(e.project)[0].panels.slice(2).map((p) => p.keyframe)]);
  assert.throws(() => placeFrame(e.project, 0, first.id, 'd-55'), /not in the comic/);
});

test('looks: a page’s margins and gutter refit its panels (gutter kept everywhere), border and paper; the book’s; undo', () => {
  let e = startEditing(project);
  const before = projectPages(e.project);
  e = perform(e, setPageLook(e.project, 0, { margin: 20, gutter: 8 }));
  const page = projectPages(e.project)[0];
  const boxes = page.panels.map((p) => boundingBox(p.outline ?? rectOutline(p.rect)));
  assert.ok(Math.abs(Math.min(...boxes.map((b) => b.x)) - 20) < 1e-6 && Math.abs(Math.min(...boxes.map((b) => b.y)) - 20) < 1e-6, 'on the new margins');
  assert.ok(Math.abs(Math.max(...boxes.map((b) => b.x + b.width)) - (210 - 20)) < 1e-6);
  const outlines = page.panels.map((p) => p.outline ?? rectOutline(p.rect));
  const nearest = outlines.map((o, i) => Math.min(...outlines.filter((_, j) => j !== i).map((q) => outlineDistance(o, q))));
  for (const d of nearest) assert.ok(Math.abs(d - 8) < 1e-6, `gutter ${d}`);
  assert.deepEqual(projectPages(e.project)[1], before[1], 'other pages keep the book’s');
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.pageLook.several', values: { page: 1 } });
  e = perform(e, setPageLook(e.project, 0, { borderColor: '#c0392b', borderWidth: 1.5, background: '#fdf6e3' }));
  assert.deepEqual(projectPages(e.project)[0].style, { background: '#fdf6e3', borderWidth: 1.5, borderColor: '#c0392b' });
  e = perform(e, setBookLook(e.project, { borderWidth: 0, gutter: 2 }));
  const [p1, p2] = projectPages(e.project);
  assert.equal(p1.style.borderWidth, 1.5, 'the page’s own border stays');
  assert.equal(p2.style.borderWidth, 0);
  assert.equal(p2.look.gutter, 2);
  assert.throws(() => setBookLook(e.project, { margin: -3 }), /not between 0 and 60/);
  assert.throws(() => setPageLook(e.project, 0, { background: 'url(x)' }), /not a colour/);
  e = undo(undo(undo(e)));
  assert.deepEqual(projectPages(e.project), projectPages(project));
  assert.equal(e.project.layout?.pages, undefined);
  // Automatic pages are laid out again with the book's margins.
  e = perform(e, setBookLook(e.project, { margin: 5 }));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.bookLook.margin' });
  assert.equal(Math.min(...projectPages(e.project)[0].panels.map((p) => p.rect.x)), 5);
});

test('page setup: pages edited by hand follow a new size and mirror for right-to-left', () => {
  let e = startEditing(project);
  e = perform(e, addPage(e.project, 0));
  const a4 = projectPages(e.project)[0].panels[0].rect;
  e = perform(e, setPageSetup(e.project, { readingOrder: 'rtl' }));
  const mirrored = projectPages(e.project)[0].panels[0].rect;
  assert.ok(Math.abs(mirrored.x - (210 - a4.x - a4.width)) < 1e-6, 'the first panel now on the right');
  e = perform(e, setPageSetup(e.project, { page: 'b5' }));
  const b5 = projectPages(e.project)[0].panels;
  assert.ok(b5.every((p) => p.rect.x + p.rect.width <= 182 - 12 + 1e-6));
  e = undo(undo(undo(e)));
  assert.deepEqual(projectPages(e.project), projectPages(project));
  assert.equal(e.project.layout?.pages, undefined);
});
