import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perform, redo, startEditing, undo } from '../history';
import { chooseStyle, panelModel, setPanelStyle } from '.';
import { oneShotProject } from '../../test-support/project-fixture';

const project = oneShotProject([40, 80]);

test('a panel in its own style over the book style: undoable, kept when the book style changes', () => {
  let e = startEditing(project);
  e = perform(e, chooseStyle(e.project, { model: 'cartoongan-hayao', people: '' }));
  e = perform(e, setPanelStyle(e.project, 'd-80', 'cartoongan-shinkai', { style: 'CartoonGAN Shinkai' }));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.panelStyle', values: { frame: 80, style: 'CartoonGAN Shinkai' } });
  assert.deepEqual(e.project.style, { model: 'cartoongan-hayao', people: '', panels: { 'd-80': 'cartoongan-shinkai' } });
  assert.equal(panelModel(e.project, 'd-80'), 'cartoongan-shinkai');
  assert.equal(panelModel(e.project, 'd-40'), 'cartoongan-hayao');
  // The book's style changes; the panel keeps its own.
  e = perform(e, chooseStyle(e.project, { model: 'builtin-toon', people: '' }));
  assert.equal(panelModel(e.project, 'd-40'), 'builtin-toon');
  assert.equal(panelModel(e.project, 'd-80'), 'cartoongan-shinkai');
  e = undo(e);
  assert.equal(e.project.style?.model, 'cartoongan-hayao');
  // Back to the book's style (null, or naming the book's model): the override goes.
  e = perform(e, setPanelStyle(e.project, 'd-80', 'cartoongan-hayao'));
  assert.deepEqual(e.project.style, { model: 'cartoongan-hayao', people: '' });
  e = undo(e);
  assert.equal(panelModel(e.project, 'd-80'), 'cartoongan-shinkai');
  e = perform(e, setPanelStyle(e.project, 'd-80', null));
  assert.deepEqual(e.past.at(-1)?.label, { key: 'command.panelBookStyle', values: { frame: 80 } });
  assert.equal(e.project.style?.panels, undefined);
  e = undo(undo(undo(e)));
  assert.equal(e.project.style?.panels, undefined);
  e = redo(redo(e));
  assert.deepEqual(e.project.style?.panels, { 'd-80': 'cartoongan-shinkai' });
});

test('a panel style on a project without a book style yet, and the fallback model', () => {
  let e = startEditing(project);
  assert.equal(panelModel(e.project, 'd-40', 'builtin-toon'), 'builtin-toon');
  e = perform(e, setPanelStyle(e.project, 'd-40', 'whitebox-cartoon'));
  assert.equal(panelModel(e.project, 'd-40', 'builtin-toon'), 'whitebox-cartoon');
  assert.equal(panelModel(e.project, 'd-80', 'builtin-toon'), 'builtin-toon');
  e = undo(e);
  assert.equal(e.project.style?.panels, undefined);
  assert.throws(() => setPanelStyle(e.project, 'd-999', 'whitebox-cartoon'), /no key frame d-999/);
});
