import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perform, redo, startEditing, undo } from '../history';
import type { KeyframesDocument } from '../keyframes';
import { projectFromAnalysis } from '../project';
import { addRegion, chooseStyle, clearRegions } from '.';
import { oneShotProject } from '../../test-support/project-fixture';

const project = oneShotProject([40]);

test('regions: marked on a key frame one shape at a time, cleared, undone and redone; a re-analysis keeps them', () => {
  let e = startEditing(project);
  e = perform(e, addRegion(e.project, 'd-40', { kind: 'box', x: 0.1, y: 0.1, width: 0.3, height: 0.6 }));
  e = perform(e, addRegion(e.project, 'd-40', { kind: 'brush', points: [{ x: 0.7, y: 0.5 }], radius: 0.03 }));
  assert.deepEqual(e.past.map((c) => c.label.key), ['command.markRegion.box', 'command.markRegion.brush']);
  assert.deepEqual(e.project.regions?.['d-40'].map((s) => s.kind), ['box', 'brush']);
  e = perform(e, clearRegions(e.project, 'd-40'));
  assert.equal(e.project.regions?.['d-40'], undefined);
  e = undo(e);
  assert.equal(e.project.regions?.['d-40'].length, 2);
  e = undo(undo(e));
  assert.equal(e.project.regions?.['d-40'], undefined);
  e = redo(e);
  const doc = {
    schema: 1, video: project.video, params: project.params, shots: project.shots,
    keyframes: [{ shot: 0, frame: 40, time: 1.6, clusterSize: 10, score: 1, file: 'f.jpg' }],
    timing: { decodeSeconds: 0, analysisSeconds: 0, extractSeconds: 0, totalSeconds: 0 }, kernels: 'native', ffmpeg: { path: '', source: '', version: '' }, warnings: [],
  } as KeyframesDocument;
  assert.deepEqual(projectFromAnalysis(doc, e.project).regions, e.project.regions);
});

test('style choice: saved in the project, undone to the one before', () => {
  let e = startEditing(project);
  e = perform(e, chooseStyle(e.project, { model: 'whitebox-cartoon', people: '' }));
  e = perform(e, chooseStyle(e.project, { model: 'whitebox-cartoon', people: 'photo' }));
  assert.deepEqual(e.project.style, { model: 'whitebox-cartoon', people: 'photo' });
  e = undo(e);
  assert.deepEqual(e.project.style, { model: 'whitebox-cartoon', people: '' });
  e = undo(e);
  assert.equal(e.project.style, undefined);
});
