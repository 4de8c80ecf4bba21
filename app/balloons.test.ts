import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balloonShape, newBalloon, tailTriangle, textWidthMm, wrapBalloonText } from './balloons';
import { addBalloon, removeBalloon, setKeyframeStatus, updateBalloon } from './commands';
import { perform, startEditing, undo } from './history';
import { DEFAULT_ANALYSIS_PARAMS } from './keyframes';
import { PROJECT_SCHEMA, projectPages, type Project } from './project';

test('balloon text: Helvetica Bold widths, words wrapped to the width, long words on their own line', () => {
  // "HELLO" at 10 pt: H 722 + E 667 + L 611 + L 611 + O 778 = 3389 units → 33.89 pt → 11.96 mm.
  assert.ok(Math.abs(textWidthMm('HELLO', 10) - 11.956) < 0.01);
  const lines = wrapBalloonText('WHERE DID THE DEER GO? I SAW IT BY THE ROCK', 30, 9);
  assert.ok(lines.length >= 2, JSON.stringify(lines));
  for (const l of lines) assert.ok(textWidthMm(l, 9) <= 30 || !l.includes(' '), l);
  assert.equal(lines.join(' '), 'WHERE DID THE DEER GO? I SAW IT BY THE ROCK');
  assert.deepEqual(wrapBalloonText('ONE\nTWO', 100, 9), ['ONE', 'TWO']);
});

test('balloon shape: text block centred where the balloon is, outline around it, tail towards its tip', () => {
  const panel = { x: 10, y: 20, width: 100, height: 60 };
  const b = { ...newBalloon('b1', 'speech'), text: 'Hello there', x: 0.5, y: 0.25 };
  const s = balloonShape(b, panel);
  assert.deepEqual([s.outline.cx, s.outline.cy], [60, 35]);
  assert.deepEqual(s.lines, ['HELLO THERE']);
  assert.ok(s.outline.rx > s.text.width / 2 && s.outline.ry > s.text.height / 2, 'the outline holds the text');
  const [a, tip, c] = tailTriangle(s)!;
  assert.deepEqual(tip, { x: 10 + 0.35 * 100, y: 20 + 0.65 * 60 });
  assert.ok(a.y > s.outline.cy && c.y > s.outline.cy, 'the tail leaves the balloon on the side of its tip');
  assert.equal(balloonShape(newBalloon('c', 'caption'), panel).tail, undefined);
});

test('balloon edits: added to a key frame’s panel, moved, edited, deleted, undone; they follow the panel in a reflow', () => {
  const project: Project = {
    schema: PROJECT_SCHEMA,
    video: { path: '/v.mp4', duration: 20, fps: 25, width: 1280, height: 720, frameCount: 500 },
    params: DEFAULT_ANALYSIS_PARAMS,
    shots: [{ index: 0, startFrame: 0, endFrame: 499, startTime: 0, endTime: 20 }],
    keyframes: [0, 100, 200].map((f) => ({ id: `d-${f}`, shot: 0, frame: f, time: f / 25, origin: 'detected' as const, status: 'proposed' as const, file: `${f}.jpg` })),
  };
  let e = startEditing(project);
  e = perform(e, addBalloon(e.project, 'd-200', newBalloon('b1', 'speech')));
  e = perform(e, updateBalloon(e.project, 'd-200', 'b1', { text: 'Look!' }));
  e = perform(e, updateBalloon(e.project, 'd-200', 'b1', { x: 0.7, y: 0.3 }));
  assert.deepEqual(e.past.map((c) => c.label), ['Add a speech balloon', 'Edit a balloon’s text', 'Move a balloon']);
  const panelOf = (id: string) => projectPages(e.project)[0].panels.find((p) => p.picture === e.project.keyframes.filter((k) => k.status !== 'rejected').findIndex((k) => k.id === id));
  assert.deepEqual(panelOf('d-200')?.balloons?.map((b) => [b.text, b.x]), [['Look!', 0.7]]);
  e = perform(e, setKeyframeStatus(e.project, 'd-0', 'rejected'));
  assert.equal(panelOf('d-200')?.picture, 1, 'd-200 moved up a panel');
  assert.deepEqual(panelOf('d-200')?.balloons?.map((b) => b.text), ['Look!'], 'its balloon with it');
  e = perform(e, removeBalloon(e.project, 'd-200', 'b1'));
  assert.equal(panelOf('d-200')?.balloons, undefined);
  e = undo(undo(e));
  assert.deepEqual(panelOf('d-200')?.balloons?.map((b) => b.text), ['Look!']);
  assert.throws(() => updateBalloon(e.project, 'd-100', 'b1', { text: 'x' }), /no balloon b1/);
});
