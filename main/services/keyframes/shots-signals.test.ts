import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { THUMB_HEIGHT, THUMB_WIDTH } from './features';
import { enforceMinimumShotLength, shotsFromStarts } from './shots';
import { blankRuns, isBlank } from './shots-blank';
import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH, colourThumbnail } from './features';
import { ShotFrames, type ShotSignal } from './shots-signals';
import { newContentShare, unmatchedShare } from './shots-blocks';

/** A frame's signal from a luma pattern (x, y in [0, 1) → 0..255) and a colour per position. */
function signalOf(luma: (x: number, y: number) => number, rgb: (x: number, y: number) => [number, number, number], time = 0): ShotSignal {
  const thumb = new Uint8Array(THUMB_WIDTH * THUMB_HEIGHT);
  let sum = 0;
  let sq = 0;
  for (let y = 0; y < THUMB_HEIGHT; y++) {
    for (let x = 0; x < THUMB_WIDTH; x++) {
      const v = Math.round(Math.min(255, Math.max(0, luma(x / THUMB_WIDTH, y / THUMB_HEIGHT))));
      thumb[y * THUMB_WIDTH + x] = v;
      sum += v;
      sq += v * v;
    }
  }
  const colourThumb = new Uint8Array(COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT * 3);
  for (let y = 0; y < COLOUR_THUMB_HEIGHT; y++) {
    for (let x = 0; x < COLOUR_THUMB_WIDTH; x++) {
      colourThumb.set(rgb(x / COLOUR_THUMB_WIDTH, y / COLOUR_THUMB_HEIGHT).map((c) => Math.round(Math.min(255, Math.max(0, c)))), (y * COLOUR_THUMB_WIDTH + x) * 3);
    }
  }
  const n = thumb.length;
  const mean = sum / n;
  return { time, thumb, colourThumb, meanLuma: mean / 255, stdLuma: Math.sqrt(Math.max(0, sq / n - mean * mean)) / 255 };
}

const picture = (gain: number, offset = 0) =>
  signalOf(
    (x, y) => offset + gain * (100 + 80 * Math.sin(9 * x) * Math.cos(5 * y)),
    (x, y) => [offset + gain * (150 + 60 * x), offset + gain * (80 + 50 * y), offset + gain * (60 + 40 * Math.sin(7 * x))],
  );
const other = signalOf(
  (x, y) => 120 + 90 * Math.cos(13 * y + 3 * x),
  (x, y) => [60 + 40 * y, 140 + 50 * x, 170 - 60 * x],
);

test('ShotFrames: content is blind to fades (darker, brighter) but sees another picture; cut sees all changes', () => {
  const f = new ShotFrames([picture(1), picture(0.4), picture(0.5, 120), other]);
  assert.ok(f.content(0, 1) < 0.02, `darker: ${f.content(0, 1)}`);
  assert.ok(f.content(0, 2) < 0.05, `towards white: ${f.content(0, 2)}`);
  assert.ok(f.content(0, 3) > 0.5, `another picture: ${f.content(0, 3)}`);
  assert.ok(f.cut(0, 1) > 0.3 && f.cut(0, 3) > 0.3);
  assert.equal(f.cut(0, 0), 0);
});

test('ShotFrames: a colour change at equal brightness shows in the cut distance and in content', () => {
  const red = signalOf(() => 100, () => [200, 60, 80]);
  const lumaOfRed = 0.299 * 200 + 0.587 * 60 + 0.114 * 80;
  const g = (lumaOfRed - 0.299 * 40 - 0.114 * 60) / 0.587; // a green of the same luma
  const green = signalOf(() => 100, () => [40, g, 60]);
  const f = new ShotFrames([red, green]);
  assert.ok(f.thumbDifference(0, 1) === 0);
  assert.ok(f.cut(0, 1) > 0.5, `cut ${f.cut(0, 1)}`);
  assert.ok(f.chroma(0, 1) > 0.5, `chroma ${f.chroma(0, 1)}`);
});

test('colourThumbnail: area averages of an RGB frame', () => {
  const w = 64;
  const h = 36;
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(x < w / 2 ? [255, 0, 0] : [0, 0, 255], (y * w + x) * 3);
  const t = colourThumbnail(rgb, w, h);
  assert.deepEqual([...t.subarray(0, 3)], [255, 0, 0]);
  assert.deepEqual([...t.subarray((COLOUR_THUMB_WIDTH - 1) * 3, COLOUR_THUMB_WIDTH * 3)], [0, 0, 255]);
  const tiny = colourThumbnail(new Uint8Array([10, 20, 30]), 1, 1); // smaller than the thumbnail: every cell that pixel
  assert.deepEqual([...tiny.subarray(-3)], [10, 20, 30]);
});

test('isBlank and blankRuns: near black or white with little variation', () => {
  const p = DEFAULT_ANALYSIS_PARAMS;
  assert.ok(isBlank({ meanLuma: 0.01, stdLuma: 0.03 }, p));
  assert.ok(isBlank({ meanLuma: 0.97, stdLuma: 0.01 }, p));
  assert.ok(!isBlank({ meanLuma: 0.5, stdLuma: 0 }, p), 'a flat grey picture is content');
  assert.ok(!isBlank({ meanLuma: 0.05, stdLuma: 0.2 }, p), 'a dark but textured picture is content');
  assert.deepEqual(blankRuns([true, true, false, false, true, false, true]), [[0, 1], [4, 4], [6, 6]]);
});

test('enforceMinimumShotLength keeps the stronger of boundaries too close together, and none too near the ends', () => {
  const kept = enforceMinimumShotLength(
    [
      { frame: 3, kind: 'cut', strength: 9 },
      { frame: 40, kind: 'cut', strength: 2 },
      { frame: 45, kind: 'blank', strength: 3 },
      { frame: 60, kind: 'cut', strength: 1 },
      { frame: 97, kind: 'cut', strength: 9 },
    ],
    100,
    10,
  );
  assert.deepEqual(kept.map((b) => b.frame), [45, 60]);
});

test('shotsFromStarts: shots tile the frames; times come from the frames, the last ends a frame later', () => {
  const times = Array.from({ length: 10 }, (_, i) => ({ time: 1 + i * 0.5 }));
  const shots = shotsFromStarts([4, 7], times, 2);
  assert.deepEqual(shots, [
    { index: 0, startFrame: 0, endFrame: 3, startTime: 1, endTime: 3 },
    { index: 1, startFrame: 4, endFrame: 6, startTime: 3, endTime: 4.5 },
    { index: 2, startFrame: 7, endFrame: 9, startTime: 4.5, endTime: 6 },
  ]);
  assert.deepEqual(shotsFromStarts([], [], 25), []);
});

test('ShotFrames.structure ignores black letterbox bars: two pictures of a 2.35:1 film in a 16:9 frame differ', () => {
  const bars = (f: (x: number, y: number) => number) => (x: number, y: number) => (y < 0.2 || y >= 0.8 ? 0 : f(x, y));
  const a = signalOf(bars((x, y) => 100 + 80 * Math.sin(9 * x) * Math.cos(5 * y)), () => [120, 100, 90]);
  const b = signalOf(bars((x, y) => 120 + 90 * Math.cos(13 * y + 3 * x)), () => [120, 100, 90]);
  const aDark = signalOf(bars((x, y) => 0.5 * (100 + 80 * Math.sin(9 * x) * Math.cos(5 * y))), () => [60, 50, 45]);
  const f = new ShotFrames([a, b, aDark]);
  assert.ok(f.structure(0, 1) > 0.5, `two pictures: ${f.structure(0, 1)}`);
  assert.ok(f.structure(0, 2) < 0.02, `one picture, darker: ${f.structure(0, 2)}`);
});

test('newContentShare: blind to gain and small motion, sees a new picture, and a part replaced only in part', () => {
  // Pseudo-random textures, one value per thumbnail cell (smooth synthetic patterns match anything nearby).
  const texture = (seed: number) => {
    const cells = new Float64Array(THUMB_WIDTH * THUMB_HEIGHT);
    for (let k = 0; k < cells.length; k++) cells[k] = ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 200;
    return (x: number, y: number) => {
      const cx = Math.min(THUMB_WIDTH - 1, Math.max(0, Math.floor(x * THUMB_WIDTH + 1e-9)));
      const cy = Math.min(THUMB_HEIGHT - 1, Math.max(0, Math.floor(y * THUMB_HEIGHT + 1e-9)));
      return 30 + cells[cy * THUMB_WIDTH + cx];
    };
  };
  const pattern = texture(7);
  const otherPattern = texture(99);
  const grey = (): [number, number, number] => [100, 100, 100];
  const a = signalOf(pattern, grey);
  // Moved one cell sideways (the blocks the motion carries past the edge, one column in eight, are not found) and darker.
  const shifted = signalOf((x, y) => 0.6 * pattern(x - 1 / THUMB_WIDTH, y) + 20, grey);
  const darker = signalOf((x, y) => 0.5 * pattern(x, y) + 40, grey);
  const other = signalOf(otherPattern, grey);
  const half = signalOf((x, y) => (x < 0.5 ? pattern(x, y) : otherPattern(x, y)), grey);
  assert.ok(newContentShare(a.thumb, shifted.thumb) < 0.15, `shifted and darker: ${newContentShare(a.thumb, shifted.thumb)}`);
  assert.ok(newContentShare(a.thumb, other.thumb) > 0.8, `another picture: ${newContentShare(a.thumb, other.thumb)}`);
  const part = newContentShare(a.thumb, half.thumb);
  assert.ok(part > 0.3 && part < 0.7, `half replaced: ${part}`);
  assert.equal(unmatchedShare(a.thumb, a.thumb), 0);
  assert.equal(newContentShare(a.thumb, darker.thumb), 0, 'gain and offset only');
});
