import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobEvent, KeyframesResult } from '../../app/api';
import { eventOfSnapshot, jobViewAfter, type JobView } from './job-view';

const running: JobView<KeyframesResult> = { status: 'running', job: 'a' };
const result = { kind: 'keyframes', frames: [] } as unknown as KeyframesResult;

test('a job view follows its own events to the end and ignores others and late ones', () => {
  const progress: JobEvent = { type: 'progress', job: 'a', kind: 'keyframes', progress: { stage: 'decode', done: 3, fraction: 0.2 } };
  let view = jobViewAfter(running, progress);
  assert.deepEqual(view, { status: 'running', job: 'a', progress: progress.progress });
  assert.equal(jobViewAfter(view, { ...progress, job: 'b' }), view, 'another job changes nothing');
  view = jobViewAfter(view, { type: 'done', job: 'a', kind: 'keyframes', result });
  assert.deepEqual(view, { status: 'done', job: 'a', result });
  assert.equal(jobViewAfter(view, { type: 'cancelled', job: 'a', kind: 'keyframes' }), view, 'nothing after the end');
  const failed = jobViewAfter(running, { type: 'failed', job: 'a', kind: 'keyframes', error: { code: 'NOT_FOUND', message: 'x.mp4: no such file', name: 'VideoError' } });
  assert.equal(failed.status === 'failed' && failed.error.code, 'NOT_FOUND');
});

test('a snapshot stands in for the events a page missed', () => {
  const done = eventOfSnapshot({ id: 'a', kind: 'keyframes', state: 'done', progress: { stage: 'done', done: 1 }, result });
  assert.deepEqual(jobViewAfter(running, done), { status: 'done', job: 'a', result });
  const still = eventOfSnapshot({ id: 'a', kind: 'keyframes', state: 'running', progress: { stage: 'extract', done: 1, fraction: 0.95 } });
  assert.equal(jobViewAfter(running, still).status, 'running');
});
