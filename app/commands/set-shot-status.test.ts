import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perform, redo, startEditing, undo } from '../history';
import { setKeyframeStatus, setShotStatus } from '.';
import { oneShotProject } from '../../test-support/project-fixture';

test('a whole shot kept or dropped in one undoable edit; undo gives each frame back its own status', () => {
  const base = oneShotProject([0, 100, 200, 300], 500);
  // Two shots: frames 0 and 100 in shot 0, 200 and 300 in shot 1.
  const project = { ...base, keyframes: base.keyframes.map((k) => ({ ...k, shot: k.frame < 150 ? 0 : 1 })) };
  let e = startEditing(project);
  e = perform(e, setKeyframeStatus(e.project, 'd-200', 'accepted'));
  e = perform(e, setShotStatus(e.project, 1, 'rejected'));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.rejectShot', values: { shot: 2, count: 2 } });
  assert.deepEqual(e.project.keyframes.map((k) => k.status), ['proposed', 'proposed', 'rejected', 'rejected']);
  e = undo(e);
  assert.deepEqual(e.project.keyframes.map((k) => k.status), ['proposed', 'proposed', 'accepted', 'proposed'], 'each as it was');
  e = redo(e);
  e = perform(e, setShotStatus(e.project, 0, 'accepted'));
  assert.deepEqual(e.project.keyframes.map((k) => k.status), ['accepted', 'accepted', 'rejected', 'rejected']);
  assert.throws(() => setShotStatus(e.project, 7, 'accepted'), /shot 8 has no key frame/);
});
