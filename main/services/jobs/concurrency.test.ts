import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachConcurrently } from './concurrency';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('forEachConcurrently: every item once, in order of start, never more than the limit at a time', async () => {
  const started: number[] = [];
  let running = 0;
  let peak = 0;
  await forEachConcurrently([30, 10, 20, 5, 15], 2, async (ms, i) => {
    started.push(i);
    peak = Math.max(peak, ++running);
    await tick(ms);
    running--;
  });
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.equal(peak, 2);
});

test('forEachConcurrently: after a failure nothing new starts, running calls finish, the first error is thrown', async () => {
  const finished: number[] = [];
  await assert.rejects(
    forEachConcurrently([0, 1, 2, 3], 2, async (i) => {
      if (i === 0) {
        await tick(5);
        throw new Error('first');
      }
      await tick(20);
      finished.push(i);
      if (i === 1) throw new Error('second');
    }),
    /first/,
  );
  assert.deepEqual(finished, [1]);
});
