import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addKeyframe, setKeyframeStatus } from './commands';
import { perform, redo, startEditing, undo } from './history';
import { DEFAULT_ANALYSIS_PARAMS, type KeyframesDocument } from './keyframes';
import { comicKeyframes, manualId, projectFromAnalysis, type ProjectKeyFrame } from './project';

function analysis(frames: number[]): KeyframesDocument {
  return {
    schema: 1,
    video: { path: '/v.mp4', duration: 10, fps: 25, width: 640, height: 360, frameCount: 250 },
    params: DEFAULT_ANALYSIS_PARAMS,
    shots: [
      { index: 0, startFrame: 0, endFrame: 99, startTime: 0, endTime: 4 },
      { index: 1, startFrame: 100, endFrame: 249, startTime: 4, endTime: 10 },
    ],
    keyframes: frames.map((frame) => ({ shot: frame < 100 ? 0 : 1, frame, time: frame / 25, clusterSize: 50, score: 0.9, file: `f${frame}.jpg` })),
    timing: { decodeSeconds: 0, analysisSeconds: 0, extractSeconds: 0, totalSeconds: 0 },
    kernels: 'native',
    ffmpeg: { path: 'ffmpeg', source: 'PATH', version: '7' },
    warnings: [],
  };
}

const manual = (frame: number): ProjectKeyFrame => ({
  id: manualId(frame), shot: 0, frame, time: frame / 25, origin: 'manual', status: 'accepted', file: `manual-${frame}.jpg`,
});

test('review: reject and add by hand, undo and redo them, and the comic takes what is not rejected', () => {
  let e = startEditing(projectFromAnalysis(analysis([40, 150, 220])));
  assert.deepEqual(e.project.keyframes.map((k) => [k.id, k.status]), [['d-40', 'proposed'], ['d-150', 'proposed'], ['d-220', 'proposed']]);
  const reject = setKeyframeStatus(e.project, 'd-150', 'rejected');
  assert.deepEqual(reject.label, { key: 'command.rejectFrame', values: { frame: 150 } });
  e = perform(e, reject);
  e = perform(e, addKeyframe(e.project, manual(60)));
  assert.deepEqual(comicKeyframes(e.project).map((k) => k.frame), [40, 60, 220]);
  e = undo(e);
  assert.deepEqual(comicKeyframes(e.project).map((k) => k.frame), [40, 220]);
  e = undo(e);
  assert.deepEqual(comicKeyframes(e.project).map((k) => k.frame), [40, 150, 220]);
  assert.equal(undo(e), e, 'nothing left to undo');
  e = redo(redo(e));
  assert.deepEqual(comicKeyframes(e.project).map((k) => k.frame), [40, 60, 220]);
  assert.equal(redo(e), e, 'nothing left to redo');
  assert.throws(() => addKeyframe(e.project, manual(60)), /frame 60 is a key frame already/);
  // A new edit clears what could be redone.
  e = perform(undo(e), setKeyframeStatus(e.project, 'd-40', 'accepted'));
  assert.deepEqual(e.future, []);
  assert.throws(() => setKeyframeStatus(e.project, 'd-999', 'rejected'), /no key frame d-999/);
});

test('projectFromAnalysis again: statuses of frames found again and frames added by hand survive a re-analysis', () => {
  let e = startEditing(projectFromAnalysis(analysis([40, 150, 220])));
  e = perform(e, setKeyframeStatus(e.project, 'd-150', 'rejected'));
  e = perform(e, setKeyframeStatus(e.project, 'd-40', 'accepted'));
  e = perform(e, addKeyframe(e.project, { ...manual(120), shot: 1 }));
  // The new analysis (other parameters) finds 40 and 150 again, no longer 220, and a new 180; shots now split at 110.
  const doc = analysis([40, 150, 180]);
  doc.shots = [
    { index: 0, startFrame: 0, endFrame: 109, startTime: 0, endTime: 4.4 },
    { index: 1, startFrame: 110, endFrame: 249, startTime: 4.4, endTime: 10 },
  ];
  const again = projectFromAnalysis(doc, e.project);
  assert.deepEqual(
    again.keyframes.map((k) => [k.id, k.status, k.shot]),
    [['d-40', 'accepted', 0], ['m-120', 'accepted', 1], ['d-150', 'rejected', 1], ['d-180', 'proposed', 1]],
  );
});
