import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { analyzeVideo } from './analyze';
import { keyframesOfShots } from './analyze-keyframes';
import { loadKernels, THUMB_HEIGHT, THUMB_WIDTH } from './features';
import { removeDuplicates } from './mutual';
import { missingShare, pictureNewShare, SAME_PICTURE_MAX_NEW, samePictureTest } from './same-picture';
import { SAME_PICTURE_FIXTURES } from './same-picture-fixtures';
import { detectShots } from './shots';
import { featuresOf } from './shots-fixtures';

const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };
const W = THUMB_WIDTH;
const H = THUMB_HEIGHT;

/**
 * A textured picture larger than the thumbnail: one pseudo-random grey per cell (seeded, repeatable), so a view of
 * it is a thumbnail with a pattern in every block; `at` takes the cell under (x, y).
 */
function picture(seed: number): { at: (x: number, y: number) => number } {
  return {
    at: (x, y) => {
      const r = Math.sin(seed * 12.9898 + Math.floor(x) * 78.233 + Math.floor(y) * 37.719) * 43758.5453;
      return 40 + 170 * (r - Math.floor(r));
    },
  };
}

/** The 32 × 18 view of `p` whose top-left cell is (x0, y0), with a gain and an offset. */
function view(p: ReturnType<typeof picture>, x0 = 4, y0 = 4, gain = 1, offset = 0): Uint8Array {
  const t = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) t[y * W + x] = Math.max(0, Math.min(255, Math.round(gain * p.at(x + x0, y + y0) + offset)));
  return t;
}

test('pictureNewShare: blind to gain, offset and camera motion within ±3 cells; sees another picture, a new object, a zoom', () => {
  const p = picture(1);
  const a = view(p);
  assert.equal(pictureNewShare(a, a), 0);
  assert.equal(pictureNewShare(a, view(p, 4, 4, 0.6, 10)), 0, 'a darker exposure of the same view');
  // The camera moved 2 cells right and 1 down: what left the view on one side is not counted as new.
  const moved = view(p, 6, 5, 0.7);
  assert.equal(pictureNewShare(a, moved), 0, `moved and darker: ${pictureNewShare(a, moved)}`);
  assert.ok(pictureNewShare(a, view(picture(2))) > 0.8, 'another picture');
  // Moved further than the search range (a pan of 12 cells): another framing.
  const pan = pictureNewShare(view(p, 0, 4), view(p, 12, 4));
  assert.ok(pan > 0.8, `a pan of 12 cells: ${pan}`);
  // At equal brightness, a new object (its own pattern) over a third of the frame; one over a sixth is within the limit.
  const q = picture(3);
  const withObject = (w: number) => a.map((v, i) => ((i % W) < w && Math.floor(i / W) < 12 ? Math.round(q.at(i % W, Math.floor(i / W))) : v));
  assert.ok(Math.abs(pictureNewShare(a, withObject(16)) - 1 / 3) < 0.05, `a third: ${pictureNewShare(a, withObject(16))}`);
  assert.ok(pictureNewShare(a, withObject(16)) > SAME_PICTURE_MAX_NEW);
  assert.ok(Math.abs(pictureNewShare(a, withObject(8)) - 1 / 6) < 0.05, `a sixth: ${pictureNewShare(a, withObject(8))}`);
  // A 2× zoom into the middle.
  const zoom = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) zoom[y * W + x] = Math.round(p.at(4 + 8 + x / 2, 4 + 4.5 + y / 2));
  assert.ok(pictureNewShare(a, zoom) > SAME_PICTURE_MAX_NEW, `zoom: ${pictureNewShare(a, zoom)}`);
  // Flat pictures have no blocks to find: no evidence of new content.
  assert.equal(missingShare(new Uint8Array(W * H).fill(40), a), 0);
});

test('removeDuplicates with the same-picture test: within a shot the larger cluster stays; never across shots', () => {
  const p = picture(4);
  const thumbs = [view(p), view(p, 5, 4, 0.6), view(picture(5)), view(p, 4, 4, 1.2, -20)];
  const kfs = [
    { frame: 0, shot: 0, clusterSize: 30 },
    { frame: 1, shot: 0, clusterSize: 50 },
    { frame: 2, shot: 0, clusterSize: 40 },
    { frame: 3, shot: 1, clusterSize: 60 },
  ];
  const sim = () => 0.5; // the IJIP similarity sees the brightness: nothing is a duplicate by it
  const test = samePictureTest(thumbs.map((thumb) => ({ thumb })));
  const { kept, dropped } = removeDuplicates(kfs, sim, 0.93, (k) => k.shot, test);
  assert.deepEqual(kept.map((k) => k.frame), [1, 2, 3], 'frame 0 repeats frame 1 (larger cluster); shot 1 is compared with nothing');
  assert.equal(dropped.length, 1);
  assert.equal(dropped[0].keyframe.frame, 0);
  assert.equal(dropped[0].duplicateOf.frame, 1);
  assert.equal(dropped[0].reason, 'same picture');
  assert.equal(dropped[0].threshold, SAME_PICTURE_MAX_NEW);
  assert.ok((dropped[0].newShare ?? 1) <= SAME_PICTURE_MAX_NEW);
  // Without the test (or without shots) nothing is dropped: the IJIP similarity alone keeps all four.
  assert.equal(removeDuplicates(kfs, sim, 0.93, (k) => k.shot).kept.length, 4);
  assert.equal(removeDuplicates(kfs, sim, 0.93, undefined, test).kept.length, 4);
});

for (const fixture of Object.values(SAME_PICTURE_FIXTURES)) {
  const want = fixture.samePicture ? 1 : 2;
  test(`analysis of "${fixture.name}" (one shot, two clusters): ${want === 1 ? 'one key frame, the repeat dropped' : 'two key frames, two panels'}`, async () => {
    const path = fixture.make();
    const { kernels } = loadKernels();
    const { info, signals, frames } = await featuresOf(path, PARAMS);
    const shots = detectShots(signals, info, PARAMS);
    assert.equal(shots.length, 1, `one shot: ${JSON.stringify(shots)}`);
    const clusters = keyframesOfShots(shots, frames, kernels, PARAMS);
    assert.equal(clusters.length, 2, `two clusters' key frames: ${JSON.stringify(clusters)}`);
    const [a, b] = clusters;
    const similarity = kernels.frameSimilarity(frames[a.frame].features, frames[b.frame].features, PARAMS);
    // The IJIP similarity alone does not merge them (for the repeats: the exposure moved the histogram).
    assert.ok(similarity <= PARAMS.duplicateSimilarity, `similarity ${similarity}`);
    const share = pictureNewShare(signals[a.frame].thumb, signals[b.frame].thumb);
    if (fixture.samePicture) assert.ok(share <= SAME_PICTURE_MAX_NEW, `new share ${share}`);
    else assert.ok(share > SAME_PICTURE_MAX_NEW, `new share ${share}`);
    const r = await analyzeVideo(path, PARAMS);
    assert.equal(r.keyframes.length, want, JSON.stringify({ keyframes: r.keyframes, duplicates: r.duplicates }));
    assert.equal(r.duplicates?.length, 2 - want);
    if (fixture.samePicture) {
      const [d] = r.duplicates ?? [];
      assert.equal(d.reason, 'same picture');
      assert.equal(d.duplicateOf.frame, r.keyframes[0].frame);
      assert.equal(r.keyframes[0].clusterSize, Math.max(a.clusterSize, b.clusterSize), 'the larger cluster stays');
    }
  });
}
