import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { SHARED_VIDEOS } from '../../../test-support/fixtures';
import { analyzeVideo } from './analyze';
import { detectShotBoundaries } from './shots';
import { featuresOf } from './shots-fixtures';
import { scoreShots, type ShotTruth } from './shots-score';
import { remixClips } from '../../../test-support/remix-clips';

/**
 * Sets of real footage with exact truth, when this checkout has them beside it:
 * - the hard development set (../shared/videos/hard-dev: camera motion, occlusions, exposure changes, similar-shot
 *   cuts, dissolves between moving shots);
 * - the remixed set (test-support/remix-clips.ts, built from hard-dev's shots on first use): the same footage met at
 *   other boundaries, with other traps — combinations the detector was not developed on.
 * Targets of issue 11 on each: F1 ≥ 0.85 on every clip and ≥ 0.9 over all (shot_score.py --hard rules, scoreShots),
 * no boundary inside a trap, at most one boundary inside each gradual transition; every shot a key frame, none inside
 * a transition.
 */
const HARD_DEV = join(SHARED_VIDEOS, 'hard-dev');

interface SetClip extends ShotTruth {
  file: string;
  frameCount: number;
}

function clipsIn(dir: string): SetClip[] | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { clips: SetClip[] }).clips;
  } catch {
    return undefined;
  }
}

function shotSet(name: string, dir: string | undefined, missing: string): void {
  const clips = dir ? clipsIn(dir) : undefined;
  if (!dir || !clips) {
    test(`shots on the ${name} clips`, (t) => t.skip(missing));
    return;
  }
  const totals = { tp: 0, fp: 0, fn: 0, clips: 0 };
  for (const clip of clips) {
    test(`shots on ${name} ${clip.file}: F1 ≥ 0.85, nothing in a trap, one boundary per gradual transition`, async () => {
      const path = join(dir, clip.file);
      const { info, signals } = await featuresOf(path, DEFAULT_ANALYSIS_PARAMS);
      assert.equal(signals.length, clip.frameCount, 'decoded frame count');
      const boundaries = detectShotBoundaries(signals, info, DEFAULT_ANALYSIS_PARAMS);
      const starts = boundaries.map((b) => b.frame);
      const score = scoreShots(starts, clip);
      const detail = `found ${JSON.stringify(starts)}; missed ${JSON.stringify(score.missed)}`;
      Object.assign(totals, { tp: totals.tp + score.tp, fp: totals.fp + score.fp, fn: totals.fn + score.fn, clips: totals.clips + 1 });
      assert.ok(score.f1 >= 0.85, `F1 ${score.f1.toFixed(3)}; ${detail}`);
      assert.deepEqual(score.fpInTraps, [], `boundaries inside traps; ${detail}`);
      const tol = clip.tolerance ?? 2;
      for (const [a, b] of clip.gradual) {
        const inside = starts.filter((s) => s >= a - tol && s <= b + tol);
        assert.ok(inside.length <= 1, `more than one boundary in [${a}, ${b}]: ${inside}`);
      }
    });
  }

  test(`shots on ${name}: F1 ≥ 0.9 over all clips`, (t) => {
    if (totals.clips !== clips.length) return t.skip('a clip test above failed or did not run');
    const precision = totals.tp / Math.max(1, totals.tp + totals.fp);
    const recall = totals.tp / Math.max(1, totals.tp + totals.fn);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    assert.ok(f1 >= 0.9, `F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)})`);
  });

  test(`key frames on ${name}: every shot has one, none inside a dissolve`, async () => {
    for (const clip of clips) {
      const r = await analyzeVideo(join(dir, clip.file), DEFAULT_ANALYSIS_PARAMS);
      for (const shot of r.shots) {
        assert.ok(r.keyframes.some((k) => k.shot === shot.index), `${clip.file}: shot ${JSON.stringify(shot)} has no key frame`);
      }
      const dissolves = (r.boundaries ?? []).filter((b) => b.kind === 'dissolve');
      for (const k of r.keyframes) {
        for (const d of dissolves) {
          assert.ok(k.frame <= d.checks.first || k.frame >= d.checks.last, `${clip.file}: key frame ${k.frame} mid-dissolve ${JSON.stringify(d)}`);
        }
      }
    }
  });
}

shotSet('hard-dev', HARD_DEV, `no ${join(HARD_DEV, 'truth.json')} in this checkout`);

// Built on first use (about two minutes on two cores); a failed build fails its own test, not the hard-dev ones.
let remix: ReturnType<typeof remixClips> | Error;
try {
  if (!existsSync(join(HARD_DEV, 'truth.json'))) console.log('# remixed clips: no hard-dev set to build them from');
  else console.log('# remixed clips: building them from hard-dev if not cached (about two minutes)');
  remix = remixClips();
} catch (err) {
  remix = err instanceof Error ? err : new Error(String(err));
}
if (remix instanceof Error) {
  const failure = remix;
  test('shots on the remixed clips: they could be built', () => assert.fail(`building the remixed clips failed: ${failure.message}`));
} else {
  const dir = 'dir' in remix ? remix.dir : undefined;
  const why = 'missing' in remix ? `remixed clips not built: ${remix.missing}` : `remixed clips: no readable truth.json in ${dir}`;
  shotSet('remixed', dir, why);
}
