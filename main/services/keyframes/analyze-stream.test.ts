// streamFeatures computes features off the JavaScript thread, either in the native module's reader (straight from
// ffmpeg's output) or, frame by frame, several at once: these tests check, on both paths, that the results are those
// of the one-frame-at-a-time computation, in order, that the number of frames in flight stays bounded, and that a
// failure or a cancellation stops ffmpeg and rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { CancelledError } from '../jobs';
import { probeVideo, streamFrames } from '../video';
import { FRAMES_IN_FLIGHT, streamFeatures } from './analyze-stream';
import { loadKernels, typescriptKernels, type FeatureKernels } from './features';
import { SHOT_FIXTURES } from './shots-fixtures';

const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };
const { kernels } = loadKernels();
/** The kernels as streamFeatures uses them, and without their reader (frames read in JavaScript) where they have one. */
const paths: Array<[string, FeatureKernels]> = kernels.featureSource
  ? [['native reader', kernels], ['frames in flight', { ...kernels, featureSource: undefined }]]
  : [['frames in flight', kernels]];

/**
 * The kernels without their reader, counting how many asynchronous computations are outstanding; `failAt` makes
 * that call reject.
 */
function watched(failAt = -1): FeatureKernels & { maxInFlight: number; calls: number } {
  let inFlight = 0;
  const w = {
    ...kernels,
    featureSource: undefined,
    maxInFlight: 0,
    calls: 0,
    async frameFeaturesAsync(rgb: Uint8Array, width: number, height: number, params: typeof PARAMS) {
      const call = w.calls++;
      w.maxInFlight = Math.max(w.maxInFlight, ++inFlight);
      try {
        if (call === failAt) throw new Error(`kernel failure at frame ${call}`);
        return await kernels.frameFeaturesAsync(rgb, width, height, params);
      } finally {
        inFlight--;
      }
    },
  };
  return w;
}

/** ffmpeg processes this process started that are still running (Linux: /proc; elsewhere undefined). */
function ffmpegChildren(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const [state, ppid] = (rest ?? '').split(' ');
      if (comm === 'ffmpeg' && Number(ppid) === process.pid && state !== 'Z') n++;
    } catch {
      /* gone meanwhile */
    }
  }
  return n;
}

async function noFfmpegLeft(): Promise<void> {
  for (let i = 0; i < 40 && ffmpegChildren(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(!ffmpegChildren(), 'ffmpeg still running');
}

async function sameAsFrameByFrame(path: string, k: FeatureKernels, what: string): Promise<void> {
  const info = await probeVideo(path);
  const r = await streamFeatures(path, info, PARAMS, k);
  assert.deepEqual(r.warnings, [], what);
  let i = 0;
  for await (const frame of streamFrames(path, { width: PARAMS.analysisWidth, info })) {
    const f = typescriptKernels.frameFeatures(frame.data, frame.width, frame.height, PARAMS);
    const s = r.signals[i];
    const at = `${what}, frame ${i}`;
    assert.equal(s.time, frame.time, at);
    assert.deepEqual([s.thumb, s.colourThumb, s.meanLuma, s.stdLuma], [f.thumb, f.colourThumb, f.meanLuma, f.stdLuma], at);
    assert.deepEqual([r.frames[i].features.hsv, r.frames[i].features.glcm], [f.hsv, f.glcm], at);
    i++;
  }
  assert.equal(r.signals.length, i, what);
}

for (const [name, k] of paths) {
  test(`streamFeatures (${name}): the reference's features of every frame, in frame order, with the frame times`, async () => {
    await sameAsFrameByFrame(SHOT_FIXTURES.cuts.make(), k, name);
    // An odd analysis size (rows not a multiple of anything), from a clip whose frames differ.
    const odd = { ...PARAMS, analysisWidth: 97 };
    const path = SHOT_FIXTURES.pan.make();
    const info = await probeVideo(path);
    const r = await streamFeatures(path, info, odd, k);
    let i = 0;
    for await (const frame of streamFrames(path, { width: odd.analysisWidth, info })) {
      const f = typescriptKernels.frameFeatures(frame.data, frame.width, frame.height, odd);
      assert.deepEqual([r.signals[i].thumb, r.frames[i].features.hsv], [f.thumb, f.hsv], `${name} at width 97, frame ${i}`);
      i++;
    }
    assert.equal(r.signals.length, i);
  });

  test(`streamFeatures (${name}): cancelling mid-stream rejects with CancelledError and stops ffmpeg`, async () => {
    const path = SHOT_FIXTURES.cuts.make();
    const info = await probeVideo(path);
    const controller = new AbortController();
    const started = Date.now();
    const run = streamFeatures(path, info, PARAMS, k, {
      signal: controller.signal,
      onProgress: (p) => p.done >= 10 && controller.abort(),
    });
    await assert.rejects(run, CancelledError);
    assert.ok(Date.now() - started < 5000);
    await noFfmpegLeft();
  });
}

test('streamFeatures (frames in flight): at most FRAMES_IN_FLIGHT frames are computed at once', async () => {
  const path = SHOT_FIXTURES.cuts.make();
  const k = watched();
  const r = await streamFeatures(path, await probeVideo(path), PARAMS, k);
  assert.equal(r.signals.length, SHOT_FIXTURES.cuts.frames);
  assert.equal(k.calls, SHOT_FIXTURES.cuts.frames);
  assert.ok(k.maxInFlight >= 1 && k.maxInFlight <= FRAMES_IN_FLIGHT, `${k.maxInFlight} frames in flight`);
});

test('streamFeatures (frames in flight): a kernel failure rejects with that error and stops ffmpeg', async () => {
  const path = SHOT_FIXTURES.cuts.make();
  const info = await probeVideo(path);
  const k = watched(20);
  await assert.rejects(streamFeatures(path, info, PARAMS, k), /kernel failure at frame 20/);
  assert.ok(k.calls <= 21 + FRAMES_IN_FLIGHT, `${k.calls} frames were started after the failure`);
  await noFfmpegLeft();
});
