// streamFeatures computes features of several frames at once off the JavaScript thread: these tests check that the
// results are those of the one-frame-at-a-time computation, in order, that the number of frames in flight stays
// bounded, and that a failure or a cancellation stops ffmpeg and rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { CancelledError } from '../jobs';
import { probeVideo, streamFrames } from '../video';
import { FRAMES_IN_FLIGHT, streamFeatures } from './analyze-stream';
import { loadKernels, type FeatureKernels } from './features';
import { SHOT_FIXTURES } from './shots-fixtures';

const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };
const { kernels } = loadKernels();

/** The kernels, counting how many asynchronous computations are outstanding; `failAt` makes that call reject. */
function watched(failAt = -1): FeatureKernels & { maxInFlight: number; calls: number } {
  let inFlight = 0;
  const w = {
    ...kernels,
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

test('streamFeatures: same features, in frame order, as computing each frame in turn; frames in flight bounded', async () => {
  const path = SHOT_FIXTURES.cuts.make();
  const info = await probeVideo(path);
  const k = watched();
  const r = await streamFeatures(path, info, PARAMS, k);
  assert.equal(r.signals.length, SHOT_FIXTURES.cuts.frames);
  assert.ok(k.maxInFlight <= FRAMES_IN_FLIGHT, `${k.maxInFlight} frames in flight`);
  let i = 0;
  for await (const frame of streamFrames(path, { width: PARAMS.analysisWidth, info })) {
    const f = kernels.frameFeatures(frame.data, frame.width, frame.height, PARAMS);
    const s = r.signals[i];
    const what = `frame ${i}`;
    assert.equal(s.time, frame.time, what);
    assert.deepEqual([s.thumb, s.colourThumb, s.meanLuma, s.stdLuma], [f.thumb, f.colourThumb, f.meanLuma, f.stdLuma], what);
    assert.deepEqual([r.frames[i].features.hsv, r.frames[i].features.glcm], [f.hsv, f.glcm], what);
    i++;
  }
  assert.equal(i, r.signals.length);
});

test('streamFeatures: a kernel failure rejects with that error and stops ffmpeg', async () => {
  const path = SHOT_FIXTURES.cuts.make();
  const info = await probeVideo(path);
  const k = watched(20);
  await assert.rejects(streamFeatures(path, info, PARAMS, k), /kernel failure at frame 20/);
  assert.ok(k.calls <= 21 + FRAMES_IN_FLIGHT, `${k.calls} frames were started after the failure`);
  await noFfmpegLeft();
});

test('streamFeatures: cancelling mid-stream rejects with CancelledError and stops ffmpeg', async () => {
  const path = SHOT_FIXTURES.cuts.make();
  const info = await probeVideo(path);
  const controller = new AbortController();
  const started = Date.now();
  const run = streamFeatures(path, info, PARAMS, kernels, {
    signal: controller.signal,
    onProgress: (p) => p.done >= 10 && controller.abort(),
  });
  await assert.rejects(run, CancelledError);
  assert.ok(Date.now() - started < 5000);
  await noFfmpegLeft();
});
