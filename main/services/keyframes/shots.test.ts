import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { detectShotBoundaries, detectShots } from './shots';
import { featuresOf, SHOT_FIXTURES, type ShotFixture } from './shots-fixtures';
import { scoreShots } from './shots-score';
import { frameDifferences } from './shots-cuts';
import { ShotFrames } from './shots-signals';

// Small decodes keep the suite fast; the detector's defaults must hold at this width too.
const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };

async function boundariesOf(fixture: ShotFixture) {
  const { info, signals } = await featuresOf(fixture.make(), PARAMS);
  assert.equal(signals.length, fixture.frames, `${fixture.name}: decoded frames`);
  return { shots: detectShots(signals, info, PARAMS), boundaries: detectShotBoundaries(signals, info, PARAMS) };
}

for (const fixture of Object.values(SHOT_FIXTURES)) {
  const what = [
    fixture.cuts.length ? `cuts at ${fixture.cuts.join(', ')}` : '',
    ...fixture.gradual.map(([a, b]) => `one boundary inside ${a}-${b}`),
    ...fixture.traps.map(([a, b, why]) => `none in ${a}-${b} (${why})`),
  ].filter(Boolean);
  test(`shots: ${fixture.name}: ${what.join('; ') || 'a single shot'}`, async () => {
    const { shots, boundaries } = await boundariesOf(fixture);
    const starts = boundaries.map((b) => b.frame);
    const detail = `found ${JSON.stringify(boundaries)}`;
    const score = scoreShots(starts, { ...fixture, tolerance: 2 });
    assert.deepEqual(score.missed, [], `missed transitions; ${detail}`);
    assert.deepEqual(score.falsePositives, [], `false boundaries; ${detail}`);
    for (const [a, b] of fixture.gradual) {
      assert.equal(starts.filter((s) => s >= a && s <= b).length, 1, `exactly one boundary inside ${a}-${b}; ${detail}`);
    }
    // Shots tile the video.
    assert.equal(shots[0].startFrame, 0);
    assert.equal(shots[shots.length - 1].endFrame, fixture.frames - 1);
    shots.forEach((s, i) => i > 0 && assert.equal(s.startFrame, shots[i - 1].endFrame + 1));
  });
}

test('shots: a flash becomes a cut when the flash window is turned off, so the rule is what holds', async () => {
  // Guards against the fixture passing for a trivial reason (a change too small to matter).
  const { info, signals } = await featuresOf(SHOT_FIXTURES.flash.make(), PARAMS);
  const boundaries = detectShotBoundaries(signals, info, { ...PARAMS, flashMaxSeconds: 0 });
  assert.ok(boundaries.some((b) => b.kind === 'cut'), 'flash: expected cut candidates without the flash rule');
});

test('shots: the traps change the picture like a cut does, so the rules are what hold', async () => {
  // Each trap has frame differences above the cut minimum (and above its local level): only isolation, motion
  // compensation or the flash rule keep them from being cuts.
  for (const name of ['occlusion', 'pan', 'shake', 'fastAction', 'fastActionThrees'] as const) {
    const { signals } = await featuresOf(SHOT_FIXTURES[name].make(), PARAMS);
    const d = frameDifferences(new ShotFrames(signals));
    const peak = Math.max(...d);
    assert.ok(peak >= PARAMS.cutMinDifference, `${name}: peak frame difference ${peak}`);
  }
});

test('shots: fast action on threes is held by isolation (past the repeated frames), not by the flash rule', async () => {
  const { info, signals } = await featuresOf(SHOT_FIXTURES.fastActionThrees.make(), PARAMS);
  const boundaries = detectShotBoundaries(signals, info, { ...PARAMS, flashMaxSeconds: 0 });
  assert.deepEqual(boundaries, []);
});

test('shots: a fade to the same picture needs the content comparison (else it is a boundary)', async () => {
  const { info, signals } = await featuresOf(SHOT_FIXTURES.fadeSame.make(), PARAMS);
  const boundaries = detectShotBoundaries(signals, info, { ...PARAMS, sameContentDistance: 0 });
  assert.ok(boundaries.some((b) => b.kind === 'blank'), JSON.stringify(boundaries));
});
