import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { keyframesOfShots } from './analyze-keyframes';
import { loadKernels } from './features';
import { MutualComparison, removeDuplicates } from './mutual';
import { detectShots } from './shots';
import { featuresOf, SHOT_FIXTURES } from './shots-fixtures';

const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };

test('removeDuplicates: time order, the earliest kept, "exceeds" is strict, compared with every kept frame', () => {
  const kfs = [{ frame: 50, id: 'b' }, { frame: 10, id: 'a' }, { frame: 90, id: 'c' }, { frame: 120, id: 'd' }];
  // a~c (0.95), b~d (0.93: equal to the threshold, so kept), nothing else similar.
  const sims: Record<string, number> = { ac: 0.95, bd: 0.93 };
  const sim = (x: { id: string }, y: { id: string }) => sims[[x.id, y.id].sort().join('')] ?? 0.2;
  const { kept, dropped } = removeDuplicates(kfs, sim, 0.93);
  assert.deepEqual(kept.map((k) => k.id), ['a', 'b', 'd']);
  assert.deepEqual(dropped.map((d) => [d.keyframe.id, d.duplicateOf.id]), [['c', 'a']]);
});

/** Key frames written "id:frame:shot", and a similarity looked up by the pair's ids (0.2 when not listed). */
function keyframes(...specs: string[]) {
  return specs.map((s) => {
    const [id, frame, shot] = s.split(':');
    return { id, frame: Number(frame), shot: Number(shot) };
  });
}
function similarities(sims: Record<string, number>) {
  return (x: { id: string }, y: { id: string }) => sims[[x.id, y.id].sort().join('')] ?? 0.2;
}

test('removeDuplicates with shots: a shot never loses its last key frame; the one least like what was kept stays', () => {
  const kfs = keyframes('a:10:0', 'b:50:1', 'c:90:2', 'c2:95:2', 'c3:100:2');
  // Shot 2 repeats shot 0 (c ~ a 0.97, c2 ~ a 0.95) and its third frame repeats c2 too.
  const sim = similarities({ ac: 0.97, ac2: 0.95, c2c3: 0.99, ac3: 0.94 });
  assert.deepEqual(removeDuplicates(kfs, sim, 0.93).kept.map((k) => k.id), ['a', 'b']);
  const { kept, dropped } = removeDuplicates(kfs, sim, 0.93, (k) => k.shot);
  assert.deepEqual(kept.map((k) => k.id), ['a', 'b', 'c3'], 'shot 2 keeps its key frame least like a kept one');
  assert.deepEqual(dropped.map((d) => d.keyframe.id), ['c', 'c2']);
  // A shot is a run of frames: key frames of one shot on both sides of another's are refused, not split.
  const interleaved = keyframes('a:10:0', 'b:20:1', 'a2:30:0');
  assert.throws(() => removeDuplicates(interleaved, sim, 0.93, (k) => k.shot), /key frames of shot 0 are not consecutive/);
});

test('MutualComparison a shot at a time (as the decoding pass settles) drops what removeDuplicates drops', () => {
  const kfs = keyframes('a:10:0', 'b:50:1', 'c:90:2', 'c2:95:2', 'd:130:3');
  // Shot 2 repeats shot 0 whole (c3 of the test before is gone): c2 is restored, and is no reason to drop d.
  const sim = similarities({ ac: 0.97, ac2: 0.95, c2d: 0.99, ad: 0.5 });
  const whole = removeDuplicates(kfs, sim, 0.93, (k) => k.shot);
  const mutual = new MutualComparison<(typeof kfs)[number]>(sim, 0.93);
  const byShot = [0, 1, 2, 3].map((shot) => mutual.shot(kfs.filter((k) => k.shot === shot), true));
  assert.deepEqual(byShot.flatMap((r) => r.kept.map((k) => k.id)), whole.kept.map((k) => k.id));
  assert.deepEqual(whole.kept.map((k) => k.id), ['a', 'b', 'c2', 'd'], 'a restored key frame is not compared with');
});

test('mutual comparison on real features: a shot that returns two shots later is found as a duplicate', async () => {
  const { kernels } = loadKernels();
  const { info, signals, frames } = await featuresOf(SHOT_FIXTURES.repeat.make(), PARAMS);
  const shots = detectShots(signals, info, PARAMS);
  assert.equal(shots.length, 3);
  const perShot = keyframesOfShots(shots, frames, kernels, PARAMS);
  assert.deepEqual([...new Set(perShot.map((k) => k.shot))], [0, 1, 2], 'each shot clusters to its own key frames');
  const sim = (a: { frame: number }, b: { frame: number }) =>
    kernels.frameSimilarity(frames[a.frame].features, frames[b.frame].features, PARAMS);
  const first = perShot.find((k) => k.shot === 0)!;
  const middle = perShot.find((k) => k.shot === 1)!;
  const last = perShot.find((k) => k.shot === 2)!;
  assert.ok(sim(first, last) > PARAMS.duplicateSimilarity, `same picture: ${sim(first, last)}`);
  assert.ok(sim(first, middle) < PARAMS.duplicateSimilarity, `different pictures: ${sim(first, middle)}`);
  const { kept, dropped } = removeDuplicates(perShot, sim, PARAMS.duplicateSimilarity);
  assert.ok(kept.every((k) => k.shot !== 2), 'the returning shot adds nothing');
  assert.ok(dropped.some((d) => d.keyframe.shot === 2 && d.duplicateOf.shot === 0));
  const perShotKept = removeDuplicates(perShot, sim, PARAMS.duplicateSimilarity, (k) => k.shot).kept;
  assert.deepEqual([...new Set(perShotKept.map((k) => k.shot))], [0, 1, 2], 'with shots: every shot keeps one');
});

test('clustering on real features: a still shot is one cluster, a pan across changing colours several', async () => {
  const { kernels } = loadKernels();
  for (const [name, many] of [['static', false], ['pan', true]] as const) {
    const { info, signals, frames } = await featuresOf(SHOT_FIXTURES[name].make(), PARAMS);
    const shots = detectShots(signals, info, PARAMS);
    const kfs = keyframesOfShots(shots, frames, kernels, PARAMS);
    if (many) assert.ok(kfs.length > 1, `${name}: ${JSON.stringify(kfs)}`);
    else assert.equal(kfs.length, 1, `${name}: ${JSON.stringify(kfs)}`);
    // A stricter δ can only split clusters further.
    const strict = keyframesOfShots(shots, frames, kernels, { ...PARAMS, delta: 0.97, minClusterFraction: 0 });
    assert.ok(strict.length >= kfs.length);
  }
});
