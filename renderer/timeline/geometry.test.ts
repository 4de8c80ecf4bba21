import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bandLayout,
  clampView,
  frameAt,
  maxZoom,
  placeThumbnails,
  revealTime,
  rulerTicks,
  scrollByPixels,
  thumbnailWidth,
  timeToX,
  visibleRange,
  xToTime,
  zoomAround,
  type TimelineView,
} from './geometry';

const whole: TimelineView = { duration: 60, width: 1200, zoom: 1, start: 0 };
const near = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} ≠ ${b}`);

test('time ↔ pixels: inverse of each other at every zoom and scroll, the whole video across the strip at zoom 1', () => {
  assert.equal(timeToX(whole, 0), 0);
  assert.equal(timeToX(whole, 60), 1200);
  assert.equal(timeToX(whole, 15), 300);
  for (const zoom of [1, 1.5, 2, 10, 37.5, 100, 900]) {
    for (const frac of [0, 0.2, 0.5, 0.99]) {
      const v = clampView({ ...whole, zoom, start: frac * 60 });
      for (const x of [0, 1, 333.3, 600, 1199.5]) near(timeToX(v, xToTime(v, x)), x, 1e-6);
      const [a, b] = visibleRange(v);
      near(b - a, 60 / zoom);
      near(timeToX(v, a), 0);
      near(timeToX(v, b), 1200, 1e-6);
    }
  }
  assert.equal(xToTime(whole, -50), 0, 'clamped to the video');
  assert.equal(xToTime(whole, 5000), 60);
});

test('zoom around the cursor keeps the moment under it in place; bounded by 1 and by a few frames per screen', () => {
  const most = maxZoom(60, 25);
  assert.equal(most, 60 / (4 / 25), 'four frames across the screen at the most');
  let v = whole;
  const x = 900;
  const t = xToTime(v, x);
  for (let i = 0; i < 40; i++) {
    v = zoomAround(v, 1.25, x, most);
    near(xToTime(v, x), t, 1e-6);
  }
  assert.equal(v.zoom, most, 'stops at the most');
  near(visibleRange(v)[1] - visibleRange(v)[0], 4 / 25);
  // Zooming out past 1 shows the whole video again, from its start.
  for (let i = 0; i < 80; i++) v = zoomAround(v, 0.8, 100, most);
  assert.deepEqual([v.zoom, v.start], [1, 0]);
  // Near an end the anchor cannot stay (the view would leave the video): the view stops at the end instead.
  const atEnd = zoomAround({ ...whole, zoom: 2, start: 30 }, 0.5, 1190, most);
  assert.deepEqual([atEnd.zoom, atEnd.start], [1, 0]);
});

test('scrolling stays inside the video; reveal scrolls the least that shows a moment', () => {
  const v = { ...whole, zoom: 4, start: 0 };
  assert.equal(scrollByPixels(v, -100).start, 0);
  assert.equal(scrollByPixels(v, 1e9).start, 45, 'the last quarter shows');
  near(scrollByPixels(v, 300).start, 300 / 80);
  assert.equal(revealTime(v, 5), v, 'on screen already: unchanged');
  const later = revealTime(v, 40, 40);
  near(timeToX(later, 40), 1200 - 40);
  const earlier = revealTime({ ...v, start: 30 }, 10, 40);
  near(timeToX(earlier, 10), 40);
});

test('frames: the frame at a time, clamped to the video', () => {
  assert.equal(frameAt(0, 25, 100), 0);
  assert.equal(frameAt(0.039, 25, 100), 0);
  assert.equal(frameAt(0.04, 25, 100), 1, 'a frame starts at index / fps');
  assert.equal(frameAt(3.9999999999, 25, 100), 99);
  assert.equal(frameAt(10, 25, 100), 99);
});

test('bands: each as wide as its span lasts, tiling the strip; off-screen ones left out', () => {
  const shots = [
    { start: 0, end: 6 },
    { start: 6, end: 30 },
    { start: 30, end: 31 },
    { start: 31, end: 60 },
  ];
  const bands = bandLayout(shots, whole);
  assert.deepEqual(bands.map((b) => [b.index, b.x, b.width]), [[0, 0, 120], [1, 120, 480], [2, 600, 20], [3, 620, 580]]);
  assert.equal(bands.reduce((s, b) => s + b.width, 0), 1200, 'they tile the strip');
  const zoomed = { ...whole, zoom: 10, start: 28 };
  const onScreen = bandLayout(shots, zoomed);
  assert.deepEqual(onScreen.map((b) => b.index), [1, 2, 3]);
  assert.deepEqual(onScreen.map((b) => [b.x, b.width]), [[-4400, 4800], [400, 200], [600, 29 * 200]]);
  for (const b of onScreen) near(b.width / 200, shots[b.index].end - shots[b.index].start);
});

test('thumbnails: at their moments when there is room, never overlapping, in time order, not moving as the view scrolls', () => {
  const spread = placeThumbnails([5, 20, 40], whole, 80);
  assert.deepEqual(spread.map((p) => [p.index, p.x]), [[0, 60], [1, 360], [2, 760]], 'centred on their moments');
  // Crowded: 6 frames within a second of each other at zoom 1 (20 px per second).
  const times = [30, 30.2, 30.4, 30.5, 30.8, 31];
  const crowded = placeThumbnails(times, whole, 80, 4);
  assert.equal(crowded.length, 6);
  for (let i = 1; i < crowded.length; i++) assert.ok(crowded[i].x - crowded[i - 1].x >= 84 - 1e-9, 'no overlap');
  assert.deepEqual(crowded.map((p) => p.index), [0, 1, 2, 3, 4, 5]);
  const centre = (crowded[0].x + crowded[5].x + 80) / 2;
  const mean = (times.reduce((s, t) => s + t, 0) / times.length) * 20;
  near(centre, mean, 1e-6);
  for (const p of crowded) near(p.anchor, times[p.index] * 20);
  // Out of order input keeps its indices.
  assert.deepEqual(placeThumbnails([40, 5], whole, 80).map((p) => p.index), [1, 0]);
  // Pinned to the video's ends instead of hanging off them.
  const ends = placeThumbnails([0, 60], whole, 80);
  assert.deepEqual(ends.map((p) => p.x), [0, 1120]);
  // Zoomed and scrolled: the same content positions, shifted; off-screen ones left out.
  const v = { ...whole, zoom: 8, start: 29 };
  const zoomed = placeThumbnails(times, v, 80, 4);
  const again = placeThumbnails(times, { ...v, start: 29.5 }, 80, 4);
  for (const p of again) near(p.x, zoomed.find((q) => q.index === p.index)!.x - 0.5 * 160);
  assert.ok(placeThumbnails([5, 50], v, 80).length === 0, 'none on screen');
  assert.equal(placeThumbnails([5, 50], v, 80, 4, false).length, 2, 'unless all are asked for');
  assert.equal(bandLayout([{ start: 0, end: 1 }], v, false).length, 1);
});

test('thumbnail width shrinks when many key frames share the strip, within limits', () => {
  assert.equal(thumbnailWidth(whole, 5, 120), 120);
  assert.equal(thumbnailWidth(whole, 40, 120), 26);
  assert.equal(thumbnailWidth(whole, 400, 120), 24, 'never under the least');
  assert.equal(thumbnailWidth({ ...whole, zoom: 10 }, 40, 120), 120, 'zoomed in: room again');
});

test('ruler: ticks at a readable spacing, down to single frames at the most zoom', () => {
  const { step, ticks } = rulerTicks(whole, 25);
  assert.equal(step, 5, '20 px a second: 5 s is the first step ≥ 80 px');
  assert.deepEqual(ticks.slice(0, 3), [0, 5, 10]);
  assert.equal(ticks.at(-1), 60);
  const most = clampView({ ...whole, zoom: maxZoom(60, 25), start: 12 }, maxZoom(60, 25));
  const fine = rulerTicks(most, 25);
  near(fine.step, 1 / 25);
  assert.ok(fine.ticks.length >= 4 && fine.ticks.length <= 6, `${fine.ticks}`);
});
