// The native kernels against the TypeScript reference: same features (to 1e-6; in practice bit for bit), same
// similarities, identical clusters. Frames: lavfi sources always, the shared clips when present, edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, writeSync } from 'node:fs';
import { DEFAULT_ANALYSIS_PARAMS as P } from '../../../../app/keyframes';
import type { RgbFrame } from '../../../../app/video';
import { sharedVideo } from '../../../../test-support/fixtures';
import { featureDigest } from './feature-digest';
import { loadNativeKernels, nativeAddonCandidates } from './load-kernels';
import type { NativeAddon } from './native-kernels';
import { decodeTestFrames, lavfi, quarterCells } from './test-frames';
import { typescriptKernels as ts } from './typescript-kernels';
import { KernelInputError, type FeatureKernels, type FeatureParams, type FrameFeatures } from './types';

const loaded = loadNativeKernels();
const native = loaded.kernels as FeatureKernels;
const skip = native ? false : `native kernels unavailable: ${loaded.reason}`;

/** The module itself, without the TypeScript wrapper's checks. */
function loadAddonForTest(): NativeAddon {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(nativeAddonCandidates().find((p) => existsSync(p)) as string) as NativeAddon;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function assertSameFeatures(a: FrameFeatures, b: FrameFeatures, what: string): void {
  assert.ok(maxDiff(a.hsv, b.hsv) <= 1e-6, `${what}: hsv differs by ${maxDiff(a.hsv, b.hsv)}`);
  assert.ok(maxDiff(a.glcm, b.glcm) <= 1e-6, `${what}: glcm ${[...a.glcm]} vs ${[...b.glcm]}`);
  assert.deepEqual(b.thumb, a.thumb, `${what}: thumbnail`);
  assert.deepEqual(b.colourThumb, a.colourThumb, `${what}: colour thumbnail`);
  assert.ok(Math.abs(a.meanLuma - b.meanLuma) <= 1e-12 && Math.abs(a.stdLuma - b.stdLuma) <= 1e-12, `${what}: luma`);
  assert.equal(a.sharpness, b.sharpness, `${what}: sharpness`);
}

function compareOn(frames: RgbFrame[], params: FeatureParams, what: string): FrameFeatures[] {
  return frames.map((f, i) => {
    const a = ts.frameFeatures(f.data, f.width, f.height, params);
    const b = native.frameFeatures(f.data, f.width, f.height, params);
    assertSameFeatures(a, b, `${what} frame ${i} (${f.width}x${f.height})`);
    return a;
  });
}

function compareSimilaritiesAndClusters(features: FrameFeatures[], what: string): void {
  for (let i = 0; i < features.length; i += 3) {
    for (let j = 0; j < features.length; j += 5) {
      const [a, b] = [features[i], features[j]];
      const pairs: Array<[string, number, number]> = [
        ['histogramIntersection', ts.histogramIntersection(a.hsv, b.hsv), native.histogramIntersection(a.hsv, b.hsv)],
        ['glcmSimilarity', ts.glcmSimilarity(a.glcm, b.glcm), native.glcmSimilarity(a.glcm, b.glcm)],
        ['frameSimilarity', ts.frameSimilarity(a, b, P), native.frameSimilarity(a, b, P)],
        ['thumbDifference', ts.thumbDifference(a.thumb, b.thumb), native.thumbDifference(a.thumb, b.thumb)],
      ];
      for (const [name, x, y] of pairs) assert.ok(Math.abs(x - y) <= 1e-9, `${what} ${name}(${i}, ${j}): ${x} vs ${y}`);
    }
  }
  for (const delta of [0.6, P.delta, 0.95]) {
    const a = ts.clusterShot(features, { ...P, delta });
    const b = native.clusterShot(features, { ...P, delta });
    assert.deepEqual(b.map((c) => [c.members, c.keyMember]), a.map((c) => [c.members, c.keyMember]), `${what} δ=${delta}`);
    assert.ok(maxDiff(a.map((c) => c.score), b.map((c) => c.score)) <= 1e-9, `${what} δ=${delta}: scores`);
  }
}

test('native = reference on lavfi frames (testsrc2, mandelbrot, noise, life, fade), clusters included', { skip }, () => {
  const frames = [
    ...decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 256, 12),
    ...decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25'), 256, 10),
    ...decodeTestFrames(lavfi('color=c=0x806040:size=320x180:rate=25'), 256, 6, 'noise=alls=60:allf=t+u'),
    ...decodeTestFrames(lavfi('life=size=320x180:mold=10:rate=25:ratio=0.5:seed=1:death_color=#204080'), 256, 6),
    ...decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 256, 8, 'fade=out:0:8'),
  ];
  const features = compareOn(frames, P, 'lavfi');
  compareSimilaritiesAndClusters(features, 'lavfi');
  // Other parameters: odd bin counts, more levels (the general GLCM path), far and negative offsets.
  const few = frames.filter((_, i) => i % 4 === 0);
  compareOn(few, { hsvBins: { h: 7, s: 3, v: 5 }, glcmLevels: 8, glcmOffsets: [[3, 0], [0, -2], [-5, 5]] }, 'odd params');
  compareOn(few, { hsvBins: { h: 256, s: 16, v: 1 }, glcmLevels: 256, glcmOffsets: [[1, 0]] }, '256 levels');
  compareOn(few, { hsvBins: { h: 30, s: 8, v: 8 }, glcmLevels: 17, glcmOffsets: [[2, 1], [-1, 3]] }, '17 levels');
});

test('native = reference on the shared clips', (t) => {
  if (skip) return t.skip(skip);
  const clips = ['testvideo.mp4', 'issue-236-split-copy.mkv'].map((n) => [n, sharedVideo(n)] as const);
  const present = clips.filter(([, p]) => p !== undefined);
  if (present.length === 0) return t.skip('../shared/videos is not present');
  for (const [name, path] of present) {
    const frames = decodeTestFrames(['-i', path as string], 256, 40, 'select=not(mod(n\\,12))');
    assert.ok(frames.length >= 4, `${name}: decoded ${frames.length} frames`);
    compareSimilaritiesAndClusters(compareOn(frames, P, name), name);
  }
});

test('native = reference on edge cases: 1x1, uniform, odd and tiny sizes, halves to round', { skip }, () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
  const image = (w: number, h: number, fill?: number): RgbFrame => ({
    index: 0,
    time: 0,
    width: w,
    height: h,
    data: Uint8Array.from({ length: w * h * 3 }, () => fill ?? random()),
  });
  const frames = [image(1, 1), image(1, 1, 0), image(7, 5, 200), image(33, 19), image(31, 17), image(1, 40), image(300, 1)];
  frames.push({ index: 0, time: 0, width: 32, height: 18, data: quarterCells() }); // cell means on exact halves
  frames.push(...decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 33, 2, '', 19));
  frames.push(...decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25'), 255, 2, '', 143));
  const features = compareOn(frames, P, 'edge');
  assert.deepEqual([...features[2].glcm], [0, 1, 1, 1]);
  compareOn(frames, { ...P, glcmOffsets: [[40, 0], [0, 2]] }, 'edge, offset past the width');
  assert.deepEqual([...native.frameFeatures(Uint8Array.of(1, 2, 3), 1, 1, P).glcm], [0, 1, 1, 1]);
});

test('frameFeaturesAsync (on the thread pool, many frames at once) = frameFeatures = reference', { skip }, async () => {
  const frames = [
    ...decodeTestFrames(lavfi('testsrc2=size=640x360:rate=25'), 256, 16),
    ...decodeTestFrames(lavfi('mandelbrot=size=640x360:rate=25'), 200, 8),
    { index: 0, time: 0, width: 32, height: 18, data: quarterCells() },
    { index: 0, time: 0, width: 1, height: 1, data: Uint8Array.of(9, 99, 199) },
  ];
  const odd: FeatureParams = { hsvBins: { h: 7, s: 3, v: 5 }, glcmLevels: 8, glcmOffsets: [[3, 0], [0, -2]] };
  for (const params of [P, odd]) {
    // All queued before any is awaited: the pool's threads compute several at once, each with its own scratch.
    const pending = frames.map((f) => native.frameFeaturesAsync(f.data, f.width, f.height, params));
    const done = await Promise.all(pending);
    frames.forEach((f, i) => {
      const what = `async frame ${i} (${f.width}x${f.height})`;
      assertSameFeatures(ts.frameFeatures(f.data, f.width, f.height, params), done[i], what);
      assertSameFeatures(native.frameFeatures(f.data, f.width, f.height, params), done[i], what);
      assert.equal(done[i].colourThumb.buffer, done[i].thumb.buffer, `${what}: thumbnails share a buffer`);
      assert.equal(done[i].glcm.buffer, done[i].hsv.buffer, `${what}: glcm and hsv share a buffer`);
    });
  }
});

test('frameFeaturesAsync rejects bad input (never throws synchronously, never crashes)', { skip }, async () => {
  const call = (rgb: Uint8Array, w: number, h: number, p: FeatureParams) => native.frameFeaturesAsync(rgb, w, h, p);
  await assert.rejects(call(new Uint8Array(5), 2, 2, P), (e: unknown) => e instanceof KernelInputError && /needs 12/.test(e.message));
  await assert.rejects(call(new Uint8Array(12), 2, 2, { ...P, glcmLevels: 1 }), KernelInputError);
  await assert.rejects(ts.frameFeaturesAsync(new Uint8Array(5), 2, 2, P), KernelInputError);
  // The module's own checks, past the TypeScript ones: a TypeError, as for the synchronous call.
  const addon = loadAddonForTest();
  assert.throws(() => addon.frameFeaturesAsync(new Uint8Array(5), 2, 2, Int32Array.of(8, 4, 8), 16, Int32Array.of(1, 0)), TypeError);
});

test('the native frame reader: whole frames from a pipe, in order, features as frameFeatures; the unfinished rest counted', async (t) => {
  if (skip) return t.skip(skip);
  const addon = loadAddonForTest();
  const { createFramePipe, readFrameFeatures } = addon;
  if (!createFramePipe || !readFrameFeatures) return t.skip('this build of the native module has no frame reader (Windows)');
  const frames = decodeTestFrames(lavfi('testsrc2=size=320x180:rate=25'), 90, 5, '', 50);
  const [readFd, writeFd] = createFramePipe();
  const delivered: FrameFeatures[] = [];
  const ended = new Promise<[number, string | null]>((resolve) => {
    readFrameFeatures(readFd, 90, 50, Int32Array.of(P.hsvBins.h, P.hsvBins.s, P.hsvBins.v), P.glcmLevels,
      Int32Array.from(P.glcmOffsets.flat()), (f, leftoverBytes, error) => (f ? delivered.push(f) : resolve([leftoverBytes, error])));
  });
  // Written in odd-sized pieces (frames split across writes), then half a frame, then the end.
  const bytes = Buffer.concat([...frames.map((f) => f.data), frames[0].data.subarray(0, 6000)]);
  for (let at = 0; at < bytes.length; at += 7777) writeSync(writeFd, bytes.subarray(at, Math.min(bytes.length, at + 7777)));
  closeSync(writeFd);
  assert.deepEqual(await ended, [6000, null]);
  assert.equal(delivered.length, frames.length);
  frames.forEach((f, i) => assertSameFeatures(ts.frameFeatures(f.data, f.width, f.height, P), delivered[i], `read frame ${i}`));
  // Bad calls are TypeErrors, not crashes; the descriptor stays the caller's.
  const [r2, w2] = createFramePipe();
  const bins = Int32Array.of(8, 4, 4);
  assert.throws(() => readFrameFeatures(r2, 0, 2, bins, 16, Int32Array.of(1, 0), () => undefined), TypeError);
  assert.throws(() => readFrameFeatures(r2, 2, 2, bins, 1, Int32Array.of(1, 0), () => undefined), TypeError);
  closeSync(r2);
  closeSync(w2);
});

test('native bins every one of the 2^24 colours as the reference does', { skip }, () => {
  // 256 images of 256x256 colours (R fixed per image): a pixel binned differently moves a count.
  const size = 256;
  const data = new Uint8Array(size * size * 3);
  const paramsList: FeatureParams[] = [
    P,
    { ...P, hsvBins: { h: 256, s: 16, v: 1 } },
    { ...P, hsvBins: { h: 7, s: 11, v: 13 } },
  ];
  for (let r = 0; r < 256; r++) {
    for (let i = 0; i < size * size; i++) {
      data[3 * i] = r;
      data[3 * i + 1] = i >> 8;
      data[3 * i + 2] = i & 255;
    }
    for (const params of paramsList) {
      const a = ts.frameFeatures(data, size, size, params).hsv;
      const b = native.frameFeatures(data, size, size, params).hsv;
      if (maxDiff(a, b) !== 0) assert.fail(`R=${r} bins ${JSON.stringify(params.hsvBins)}: histograms differ`);
    }
  }
});

test('the native module rejects bad calls with an error instead of crashing', { skip }, () => {
  assert.throws(() => native.frameFeatures(new Uint8Array(5), 2, 2, P), /needs 12/);
  assert.throws(() => native.clusterShot([{ hsv: new Float32Array(4), glcm: new Float64Array(3) }], P), /glcm/);
  assert.throws(() => native.glcmProperties(Uint8Array.of(3, 20), 2, 1, 16, [[1, 0]]), /not below/);
});

test('the portable (baseline) native path gives the same features as the AVX2 one and the reference', (t) => {
  if (skip) return t.skip(skip);
  const script =
    "const { loadNativeKernels } = require('./load-kernels'); const { featureDigest } = require('./feature-digest');" +
    'const n = loadNativeKernels(); console.log(n.simd, featureDigest(n.kernels));';
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: __dirname,
    env: { ...process.env, YOUR_CARTOON_NATIVE_SIMD: 'baseline' },
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.equal(r.status, 0, r.stderr);
  const [simd, digest] = r.stdout.trim().split(/\s+/);
  assert.equal(simd, 'baseline');
  const reference = featureDigest(ts);
  assert.equal(digest, reference, 'baseline native vs reference');
  assert.equal(featureDigest(native), reference, 'default native path vs reference');
});
