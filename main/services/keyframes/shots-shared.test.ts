import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { SHARED_VIDEOS, sharedVideo } from '../../../test-support/fixtures';
import { realFootageMontage } from '../../../test-support/real-montage';
import { detectShotBoundaries } from './shots';
import { featuresOf } from './shots-fixtures';
import { scoreShots, type ShotTruth } from './shots-score';

/** The real clips of ../shared/videos with their known transitions (truth.json), when this checkout has them. */
interface TruthClip extends ShotTruth {
  file: string;
  frameCount: number;
}

function truthClips(): TruthClip[] | undefined {
  try {
    return (JSON.parse(readFileSync(join(SHARED_VIDEOS, 'truth.json'), 'utf8')) as { clips: TruthClip[] }).clips;
  } catch {
    return undefined;
  }
}

const clips = truthClips();
if (!clips) {
  test('shots on the shared clips', (t) => t.skip(`no ${join(SHARED_VIDEOS, 'truth.json')} in this checkout`));
}

for (const clip of clips ?? []) {
  test(`shots on ${clip.file}: every known cut and transition found, no false boundary (default parameters)`, async (t) => {
    const path = sharedVideo(clip.file);
    if (!path) return t.skip(`${clip.file} is not in ${SHARED_VIDEOS}`);
    const { info, signals } = await featuresOf(path, DEFAULT_ANALYSIS_PARAMS);
    assert.equal(signals.length, clip.frameCount, 'decoded frame count');
    const boundaries = detectShotBoundaries(signals, info, DEFAULT_ANALYSIS_PARAMS);
    const score = scoreShots(
      boundaries.map((b) => b.frame),
      clip,
    );
    const detail = `found ${JSON.stringify(boundaries)}`;
    assert.deepEqual(score.missed, [], `missed; ${detail}`);
    assert.deepEqual(score.fpInTraps, [], `false boundaries in traps; ${detail}`);
    assert.deepEqual(score.falsePositives, [], `false boundaries; ${detail}`);
    assert.equal(score.f1, 1);
  });
}

test('shots on a montage of the shared clips’ real footage: flash, shake, zoom, occlusion, dissolve, fade', async (t) => {
  const montage = realFootageMontage();
  if (!montage) return t.skip(`testvideo.mp4 or issue-236-split-copy.mkv is not in ${SHARED_VIDEOS}`);
  const { info, signals } = await featuresOf(montage.path, DEFAULT_ANALYSIS_PARAMS);
  assert.equal(signals.length, montage.truth.frameCount, 'decoded frame count');
  const boundaries = detectShotBoundaries(signals, info, DEFAULT_ANALYSIS_PARAMS);
  const score = scoreShots(boundaries.map((b) => b.frame), montage.truth);
  const detail = `found ${JSON.stringify(boundaries)}`;
  assert.deepEqual(score.missed, [], `missed; ${detail}`);
  assert.deepEqual(score.fpInTraps, [], `false boundaries in traps; ${detail}`);
  assert.deepEqual(score.falsePositives, [], `false boundaries; ${detail}`);
});
