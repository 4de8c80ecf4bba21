import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newBalloon } from '../balloons';
import { perform, startEditing, undo } from '../history';
import { projectPages } from '../project';
import { addBalloon, removeBalloon, setKeyframeStatus, updateBalloon } from '.';
import { oneShotProject } from '../../test-support/project-fixture';

test('balloon edits: added to a key frame’s panel, moved, edited, deleted, undone; they follow the panel in a reflow', () => {
  const project = oneShotProject([0, 100, 200], 500);
  let e = startEditing(project);
  e = perform(e, addBalloon(e.project, 'd-200', newBalloon('b1', 'speech')));
  e = perform(e, updateBalloon(e.project, 'd-200', 'b1', { text: 'Look!' }));
  e = perform(e, updateBalloon(e.project, 'd-200', 'b1', { x: 0.7, y: 0.3 }));
  assert.deepEqual(e.past.map((c) => c.label.key), ['command.addBalloon.speech', 'command.balloonText', 'command.balloonMove']);
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
