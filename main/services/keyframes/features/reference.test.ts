import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_PARAMS as P } from '../../../../app/keyframes';
import { hsvBin, luma8 } from './color';
import { significantClusters } from './cluster-shot';
import { decodeTestFrames, lavfi, quarterCells } from './test-frames';
import { colourThumbnail } from './thumbnail';
import { typescriptKernels as k } from './typescript-kernels';
import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH, KernelInputError, THUMB_HEIGHT, THUMB_WIDTH } from './types';

const bins = P.hsvBins;

test('HSV bins follow the OpenCV definition on known colours', () => {
  const bin = (r: number, g: number, b: number) => hsvBin(r, g, b, 360, 100, 100);
  const split = (i: number) => [Math.floor(i / 10000), Math.floor(i / 100) % 100, i % 100];
  assert.deepEqual(split(bin(255, 0, 0)), [0, 99, 99]); // red: H 0, S 1 and V 1 clamp to the last bin
  assert.deepEqual(split(bin(0, 255, 0)), [120, 99, 99]);
  assert.deepEqual(split(bin(0, 0, 255)), [240, 99, 99]);
  assert.deepEqual(split(bin(255, 255, 0)), [60, 99, 99]); // tie R = G: the R rule, H = 60
  assert.deepEqual(split(bin(255, 0, 1)), [359, 99, 99]); // just below 360 wraps into the last hue bin
  assert.deepEqual(split(bin(128, 64, 64)), [0, 50, 50]); // S = 64/128, V = 128/255 → floor(50.19)
  assert.deepEqual(split(bin(0, 0, 0)), [0, 0, 0]);
  assert.deepEqual(split(bin(200, 200, 200)), [0, 0, 78]);
  assert.equal(luma8(255, 255, 255), 255);
  assert.equal(luma8(255, 0, 0), 76); // 0.299 · 255 = 76.2
  assert.equal(luma8(0, 255, 0), 150); // 0.587 · 255 = 149.7
});

test('features of a real frame: normalised histogram, luma statistics, thumbnail', () => {
  const [f] = decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 256, 1);
  const x = k.frameFeatures(f.data, f.width, f.height, P);
  assert.equal(x.hsv.length, bins.h * bins.s * bins.v);
  assert.ok(Math.abs(x.hsv.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.ok(x.hsv.filter((v) => v > 0).length > 10, 'testsrc2 is colourful');
  assert.equal(x.thumb.length, THUMB_WIDTH * THUMB_HEIGHT);
  const thumbMean = x.thumb.reduce((a, b) => a + b, 0) / x.thumb.length / 255;
  assert.ok(Math.abs(thumbMean - x.meanLuma) < 0.01, `thumbnail mean ${thumbMean} vs frame mean ${x.meanLuma}`);
  assert.ok(x.stdLuma > 0.1);
  const [contrast, correlation, energy, homogeneity] = x.glcm;
  assert.ok(contrast > 0 && correlation > 0.5 && correlation <= 1 && energy > 0 && energy < 1 && homogeneity < 1);
});

test('colour thumbnail: rounded (half up) means of RGB cells, the same through frameFeatures', () => {
  const data = quarterCells();
  const t = colourThumbnail(data, 2 * COLOUR_THUMB_WIDTH, 2 * COLOUR_THUMB_HEIGHT);
  assert.equal(t.length, COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT * 3);
  for (let c = 0; c < COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT; c++) {
    const cell = (c % COLOUR_THUMB_WIDTH) + Math.floor(c / COLOUR_THUMB_WIDTH);
    assert.deepEqual([...t.subarray(3 * c, 3 * c + 3)], [[0, 0, 1, 1][cell % 4], 102, 11], `cell ${c}`); // 10.5 → 11
  }
  const f = k.frameFeatures(data, 2 * COLOUR_THUMB_WIDTH, 2 * COLOUR_THUMB_HEIGHT, P);
  assert.deepEqual(f.colourThumb, t);
  // Both thumbnails share one small buffer, apart from the histogram and texture (dropped together after shots).
  assert.equal(f.colourThumb.buffer, f.thumb.buffer);
  assert.notEqual(f.colourThumb.buffer, f.hsv.buffer);
});

test('uniform, 1x1 and odd-sized images', () => {
  const grey = new Uint8Array(7 * 5 * 3).fill(90);
  const u = k.frameFeatures(grey, 7, 5, P);
  assert.deepEqual([...u.glcm], [0, 1, 1, 1]); // correlation of a uniform image is 1, as in scikit-image
  assert.equal(u.hsv[Math.floor((90 * bins.v) / 255)], 1);
  assert.ok(u.thumb.every((v) => v === 90));
  assert.equal(u.stdLuma, 0);
  const one = k.frameFeatures(Uint8Array.of(10, 200, 30), 1, 1, P);
  assert.deepEqual([...one.glcm], [0, 1, 1, 1]); // no pixel pair at all: counts as uniform
  assert.equal(one.hsv.reduce((a, b) => a + b, 0), 1);
  assert.equal(one.thumb[0], luma8(10, 200, 30));
  assert.ok([0, 1, 2].every((ch) => one.colourThumb.every((v, i) => i % 3 !== ch || v === [10, 200, 30][ch])));
  const odd = new Uint8Array(33 * 19 * 3).map((_, i) => (i * 37) % 251);
  const o = k.frameFeatures(odd, 33, 19, P);
  assert.ok(o.glcm.every(Number.isFinite) && o.glcm[0] > 0);
});

test('similarities are symmetric, in [0, 1], and 1 for equal frames', () => {
  const a = decodeTestFrames(lavfi('testsrc2=size=320x180:rate=25'), 256, 1)[0];
  const b = decodeTestFrames(lavfi('mandelbrot=size=320x180:rate=25'), 256, 1)[0];
  const fa = k.frameFeatures(a.data, a.width, a.height, P);
  const fb = k.frameFeatures(b.data, b.width, b.height, P);
  assert.ok(Math.abs(k.frameSimilarity(fa, fa, P) - 1) < 1e-7);
  assert.equal(k.glcmSimilarity(fa.glcm, fa.glcm), 1);
  const ab = k.frameSimilarity(fa, fb, P);
  assert.equal(ab, k.frameSimilarity(fb, fa, P));
  assert.ok(ab >= 0 && ab < 0.6, `testsrc2 vs mandelbrot similarity ${ab}`);
  const g = k.glcmSimilarity(fa.glcm, fb.glcm);
  assert.ok(g >= 0 && g < 1);
  assert.equal(k.thumbDifference(fa.thumb, fa.thumb), 0);
  assert.equal(k.thumbDifference(new Uint8Array(4), new Uint8Array(4).fill(255)), 1);
});

test('clustering a shot made of two scenes gives two clusters with central key frames', () => {
  const a = decodeTestFrames(lavfi('testsrc2=size=320x180:rate=25'), 256, 12);
  const b = decodeTestFrames(lavfi('mandelbrot=size=320x180:rate=25'), 256, 8);
  const frames = [...a, ...b].map((f) => k.frameFeatures(f.data, f.width, f.height, P));
  const clusters = k.clusterShot(frames, P);
  assert.equal(clusters.length, 2, JSON.stringify(clusters));
  assert.deepEqual(clusters[0].members, Array.from({ length: 12 }, (_, i) => i));
  assert.deepEqual(clusters[1].members, Array.from({ length: 8 }, (_, i) => 12 + i));
  assert.ok(clusters.every((c) => c.members.includes(c.keyMember) && c.score > P.delta && c.score <= 1));
  // δ = 1 cannot be reached by different frames: every distinct frame opens its own cluster.
  const singletons = k.clusterShot(frames, { ...P, delta: 1 });
  assert.ok(singletons.length >= 15);
  const kept = significantClusters(singletons, frames.length, P.minClusterFraction);
  assert.equal(kept.length, 1, 'when no cluster is large enough, the largest one is kept');
  assert.deepEqual(significantClusters(clusters, 20, 0.5), [clusters[0]]);
});

test('frameFeaturesAsync of the reference resolves to the synchronous result', async () => {
  const [f] = decodeTestFrames(lavfi('testsrc2=size=320x180:rate=25'), 128, 1);
  const sync = k.frameFeatures(f.data, f.width, f.height, P);
  const async = await k.frameFeaturesAsync(f.data, f.width, f.height, P);
  assert.deepEqual(async, sync);
  await assert.rejects(k.frameFeaturesAsync(new Uint8Array(10), 4, 4, P), KernelInputError);
});

test('bad input gets a KernelInputError', () => {
  assert.throws(() => k.frameFeatures(new Uint8Array(10), 4, 4, P), KernelInputError);
  assert.throws(() => k.frameFeatures(new Uint8Array(48), 4, 4, { ...P, glcmLevels: 1 }), /glcmLevels/);
  assert.throws(() => k.frameFeatures(new Uint8Array(48), 4, 4, { ...P, glcmOffsets: [[0, 0]] }), /glcmOffsets/);
  assert.throws(() => k.frameFeatures(new Uint8Array(48), 4, 4, { ...P, hsvBins: { h: 64, s: 64, v: 64 } }), /hsvBins/);
  assert.throws(() => k.glcmProperties(Uint8Array.of(0, 16), 2, 1, 16, [[1, 0]]), /not below 16/);
  assert.throws(() => k.histogramIntersection(new Float32Array(3), new Float32Array(4)), /lengths differ/);
});

test('sharpness: the Laplacian variance of the luma falls with blur, is 0 on a flat frame, and matches a direct sum', () => {
  const [sharp] = decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25'), 256, 1);
  const [blurred] = decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25,boxblur=4'), 256, 1);
  const [motion] = decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25,avgblur=sizeX=8:sizeY=1'), 256, 1);
  const s = k.frameFeatures(sharp.data, sharp.width, sharp.height, P).sharpness;
  const b = k.frameFeatures(blurred.data, blurred.width, blurred.height, P).sharpness;
  const m = k.frameFeatures(motion.data, motion.width, motion.height, P).sharpness;
  assert.ok(s > 4 * b && s > 2 * m && b > 0, `sharp ${s}, blurred ${b}, motion-blurred ${m}`);
  assert.equal(k.frameFeatures(new Uint8Array(16 * 9 * 3).fill(90), 16, 9, P).sharpness, 0);
  assert.equal(k.frameFeatures(new Uint8Array(2 * 9 * 3).fill(90), 2, 9, P).sharpness, 0, 'no interior pixel');
  // 3 × 3 with a bright centre: one interior pixel, Laplacian 4 · 100, variance 0 (a single value).
  const tiny = new Uint8Array(27);
  tiny.set([100, 100, 100], 12);
  assert.equal(k.frameFeatures(tiny, 3, 3, P).sharpness, 0);
  // 4 × 3 with one bright pixel at (1, 1): interior Laplacians 4·L and −L, variance ((4L)² + L²)/2 − (3L/2)².
  const four = new Uint8Array(36);
  four.set([200, 200, 200], 15);
  const L = luma8(200, 200, 200);
  assert.equal(k.frameFeatures(four, 4, 3, P).sharpness, (16 * L * L + L * L) / 2 - (1.5 * L) ** 2);
});
