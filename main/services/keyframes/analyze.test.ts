import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import type { Progress } from '../../../app/progress';
import { makeWithFfmpeg, sharedVideo } from '../../../test-support/fixtures';
import { CancelledError } from '../jobs';
import { VideoError } from '../video';
import { analyzeVideo } from './analyze';
import { AnalysisParamsError } from './analyze-params';
import { featuresOf, SHOT_FIXTURES } from './shots-fixtures';

const PARAMS = { ...DEFAULT_ANALYSIS_PARAMS, analysisWidth: 160 };

test('analyzeVideo: a static shot gives one shot and one key frame', async () => {
  const r = await analyzeVideo(SHOT_FIXTURES.static.make(), PARAMS);
  assert.equal(r.shots.length, 1);
  assert.equal(r.keyframes.length, 1, JSON.stringify(r.keyframes));
  const [kf] = r.keyframes;
  assert.equal(kf.shot, 0);
  assert.ok(kf.clusterSize > 0.9 * SHOT_FIXTURES.static.frames, `cluster of ${kf.clusterSize}`);
  assert.ok(kf.score > 0.9 && kf.score <= 1);
  assert.ok(Math.abs(kf.time - kf.frame / 25) < 1e-6, `time ${kf.time} of frame ${kf.frame}`);
  assert.equal(r.info.frameCount, SHOT_FIXTURES.static.frames);
  assert.ok(r.timing.decodeSeconds > 0 && r.timing.analysisSeconds > 0);
  assert.ok(r.kernels === 'native' || r.kernels === 'typescript');
});

test('analyzeVideo: a shot with a lot of change (a fast pan across a colourful picture) gives several key frames', async () => {
  const r = await analyzeVideo(SHOT_FIXTURES.pan.make(), PARAMS);
  assert.equal(r.shots.length, 1);
  assert.ok(r.keyframes.length > 1, JSON.stringify(r.keyframes));
  const frames = r.keyframes.map((k) => k.frame);
  assert.deepEqual(frames, [...frames].sort((a, b) => a - b), 'in time order');
});

test('analyzeVideo: key frames of each shot; a shot that returns keeps one key frame (mutual comparison)', async () => {
  const fixture = SHOT_FIXTURES.repeat; // bars | fractal | bars
  const r = await analyzeVideo(fixture.make(), PARAMS);
  assert.deepEqual(r.shots.map((s) => s.startFrame), [0, ...fixture.cuts]);
  assert.deepEqual([...new Set(r.keyframes.map((k) => k.shot))], [0, 1, 2], JSON.stringify(r.keyframes));
  assert.equal(r.keyframes.filter((k) => k.shot === 2).length, 1, 'the returning shot: one key frame, not all of them');
  assert.deepEqual(r.boundaries?.map((b) => [b.frame, b.kind]), fixture.cuts.map((c) => [c, 'cut']), 'with reasons');
  for (const b of r.boundaries ?? []) assert.ok(b.value >= b.threshold && b.signal.length > 0, JSON.stringify(b));
  for (const kf of r.keyframes) {
    const shot = r.shots[kf.shot];
    assert.ok(kf.frame >= shot.startFrame && kf.frame <= shot.endFrame);
  }
  const all = await analyzeVideo(fixture.make(), { ...PARAMS, duplicateSimilarity: 1 });
  assert.deepEqual([...new Set(all.keyframes.map((k) => k.shot))], [0, 1, 2], 'without the mutual comparison');
  assert.ok(all.keyframes.length >= r.keyframes.length);
});

test('analyzeVideo: progress counts frames up to the total, then the later stages, ending at fraction 1', async () => {
  const events: Progress[] = [];
  await analyzeVideo(SHOT_FIXTURES.cuts.make(), PARAMS, { onProgress: (p) => events.push(p) });
  const decode = events.filter((e) => e.stage === 'analyse');
  assert.ok(decode.length >= 1);
  decode.forEach((e, i) => {
    assert.equal(e.total, SHOT_FIXTURES.cuts.frames);
    if (i) assert.ok(e.done >= decode[i - 1].done);
  });
  assert.equal(decode[decode.length - 1].done, SHOT_FIXTURES.cuts.frames);
  assert.deepEqual(events.slice(-3).map((e) => e.stage), ['shots', 'cluster', 'done']);
  assert.equal(events[events.length - 1].fraction, 1);
  events.forEach((e, i) => i && assert.ok((e.fraction ?? 0) >= (events[i - 1].fraction ?? 0), 'fraction never goes back'));
});

test('analyzeVideo: cancelling stops it with CancelledError', async () => {
  const controller = new AbortController();
  const started = Date.now();
  await assert.rejects(
    analyzeVideo(SHOT_FIXTURES.cuts.make(), PARAMS, {
      signal: controller.signal,
      onProgress: (p) => p.stage === 'analyse' && controller.abort(),
    }),
    CancelledError,
  );
  assert.ok(Date.now() - started < 5000);
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(analyzeVideo(SHOT_FIXTURES.cuts.make(), PARAMS, { signal: aborted.signal }), CancelledError);
});

test('analyzeVideo: bad parameters and unreadable files are clear errors', async () => {
  await assert.rejects(analyzeVideo(SHOT_FIXTURES.static.make(), { ...PARAMS, delta: 2 }), (e: unknown) => {
    assert.ok(e instanceof AnalysisParamsError);
    assert.equal(e.code, 'E_ANALYSIS_PARAMS');
    assert.match(e.message, /delta.*2/);
    return true;
  });
  await assert.rejects(analyzeVideo(SHOT_FIXTURES.static.make(), { ...PARAMS, analysisWidth: 0 }), AnalysisParamsError);
  const missing = join(tmpdir(), 'no-such-video-here.mp4');
  await assert.rejects(analyzeVideo(missing, PARAMS), (e: unknown) => {
    assert.ok(e instanceof VideoError, String(e));
    assert.match(e.message, /no-such-video-here\.mp4/);
    return true;
  });
});

test('analyzeVideo keeps features, not frames: per-frame buffers stay small', async () => {
  const { signals, frames } = await featuresOf(SHOT_FIXTURES.static.make(), PARAMS);
  const frameBytes = 160 * 90 * 3;
  for (let i = 0; i < signals.length; i += 10) {
    for (const view of [signals[i].thumb, signals[i].colourThumb, frames[i].features.hsv, frames[i].features.glcm]) {
      assert.ok(view.buffer.byteLength < frameBytes / 4, `frame ${i}: a ${view.buffer.byteLength}-byte buffer is kept`);
    }
  }
});

test('analyzeVideo on testvideo.mp4 (shared clip): its five shots, key frames in each shot with pictures', async (t) => {
  const path = sharedVideo('testvideo.mp4');
  if (!path) return t.skip('testvideo.mp4 is not in ../shared/videos');
  const r = await analyzeVideo(path, DEFAULT_ANALYSIS_PARAMS);
  assert.equal(r.info.frameCount, 720);
  assert.equal(r.shots.length, 5, JSON.stringify(r.shots));
  // Shot 0 is the black leader: no key frame. Every other shot has at least one.
  assert.deepEqual([...new Set(r.keyframes.map((k) => k.shot))], [1, 2, 3, 4]);
  for (const k of r.keyframes) assert.ok(Math.abs(k.time - k.frame * (1001 / 30000)) < 0.002);
  // The README's fades: deer 214-~240 in, ~330-356 out; rock ~396-~425 in; metal ~662-690 out. None is a key frame.
  // (The deer's fade-out starts at 331: frames 327-330 have the same contrast and sharpness, 329 and 330 alike.)
  const fades: Array<[number, number]> = [[214, 240], [331, 356], [396, 425], [662, 690]];
  for (const k of r.keyframes) assert.ok(!fades.some(([a, b]) => k.frame >= a && k.frame <= b), `key frame ${k.frame} is in a fade`);
});

/** Black, then a picture fading in over 30 frames, held, fading out over 25 frames, then black again. */
function fadeInOutClip(): string {
  const black = 'color=c=black:s=320x180:r=25,trim=end_frame=15,setpts=N/25/TB,format=yuv420p';
  const picture = 'smptebars=s=320x180:r=25,trim=end_frame=100,setpts=N/25/TB,noise=alls=12:allf=t,' +
    'fade=t=in:s=0:n=30,fade=t=out:s=75:n=25,format=yuv420p';
  return makeWithFfmpeg('kf-fade-in-out.mp4', [
    '-filter_complex', `${black}[a];${picture}[b];${black}[c];[a][b][c]concat=n=3:v=1:a=0[out]`,
    '-map', '[out]', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p',
  ]);
}

test('analyzeVideo: a picture fading in from black and out again gives one key frame, at full brightness', async () => {
  const r = await analyzeVideo(fadeInOutClip(), PARAMS);
  assert.equal(r.keyframes.length, 1, JSON.stringify(r.keyframes));
  const [kf] = r.keyframes;
  assert.ok(kf.frame >= 15 + 30 && kf.frame < 15 + 75, `key frame ${kf.frame} is outside the steady part (45-89)`);
  // With fadeMaxSeconds 0 the fading frames are clustered like any other: the dimmed copies come back as clusters of
  // their own, and the mutual comparison drops them as the same picture as the full-brightness one (a fade is a gain).
  const kept = await analyzeVideo(fadeInOutClip(), { ...PARAMS, fadeMaxSeconds: 0 });
  const dimmed = kept.duplicates ?? [];
  assert.ok(dimmed.length > 0, JSON.stringify(kept.keyframes));
  assert.equal(kept.keyframes.length, 1, JSON.stringify(kept.keyframes));
  assert.ok(kept.keyframes[0].frame >= 45 && kept.keyframes[0].frame < 90, JSON.stringify(kept.keyframes));
  for (const d of dimmed) {
    assert.equal(d.reason, 'same picture', JSON.stringify(d));
    assert.equal(d.duplicateOf.frame, kept.keyframes[0].frame);
  }
});

/** One flat grey field whose brightness ramps black → white → black twice (as ../shared/videos/fades.mp4 does). */
function flatRampClip(): string {
  return makeWithFfmpeg('kf-flat-ramps.mp4', [
    '-f', 'lavfi', '-i', "nullsrc=s=320x180:r=25:d=6.4,geq=lum='255*(1-abs(mod(N\\,80)-40)/40)':cb=128:cr=128",
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p',
  ]);
}

test('analyzeVideo: a flat field ramping between black and white is one shot with one key frame, not one per grey', async (t) => {
  const r = await analyzeVideo(flatRampClip(), PARAMS);
  assert.equal(r.info.frameCount, 160);
  assert.deepEqual(r.shots.map((s) => [s.startFrame, s.endFrame]), [[0, 159]]);
  assert.equal(r.keyframes.length, 1, JSON.stringify(r.keyframes));
  const shared = sharedVideo('fades.mp4');
  if (!shared) return t.diagnostic('../shared/videos/fades.mp4 is absent: checked on the generated clip only');
  const fades = await analyzeVideo(shared, DEFAULT_ANALYSIS_PARAMS);
  assert.equal(fades.shots.length, 1, JSON.stringify(fades.shots));
  assert.equal(fades.keyframes.length, 1, JSON.stringify(fades.keyframes));
});

test('analyzeVideo: a picture fading in from a grey card: no key frame is flat grey, none in the ramp of its shot', async () => {
  const clip = makeWithFfmpeg('kf-grey-fade-in.mp4', [
    '-f', 'lavfi', '-i', 'smptebars=s=320x180:r=25:d=5,noise=alls=10:allf=t,fade=t=in:st=0:d=2:color=0x808080',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p',
  ]);
  const r = await analyzeVideo(clip, PARAMS);
  // A fade from a flat colour is a dissolve from a colour card: the card may count as a shot of its own (one key
  // frame at most). The picture's shot is not given its dimmed copies from the ramp (frames up to 50).
  const last = r.shots.at(-1)!;
  const inLast = r.keyframes.filter((k) => k.shot === last.index);
  assert.equal(inLast.length, 1, JSON.stringify(r.keyframes));
  assert.ok(inLast[0].frame >= 50, `key frame ${inLast[0].frame} is in the fade (0-49)`);
  assert.ok(r.keyframes.length <= r.shots.length, JSON.stringify({ shots: r.shots, keyframes: r.keyframes }));
  for (const k of r.keyframes) assert.ok(k.frame >= 8, `key frame ${k.frame} is flat grey`);
});

test('analyzeVideo: the key frame is a sharp member of its cluster, not a motion-blurred one closer to the mean', async () => {
  // One still picture; two frames of every three are motion-blurred (a horizontal smear), the third is sharp.
  const path = makeWithFfmpeg('kf-blur-mix.mp4', [
    '-f', 'lavfi', '-i', 'mandelbrot=s=320x180:r=25,trim=end_frame=1,loop=loop=74:size=1:start=0,setpts=N/25/TB',
    '-vf', "avgblur=sizeX=7:sizeY=1:enable='lt(mod(n\\,3)\\,2)',format=yuv420p", '-frames:v', '75',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '14', '-g', '25',
  ]);
  const r = await analyzeVideo(path, PARAMS);
  assert.equal(r.shots.length, 1);
  assert.equal(r.keyframes.length, 1, JSON.stringify(r.keyframes));
  assert.equal(r.keyframes[0].frame % 3, 2, `key frame ${r.keyframes[0].frame} is one of the blurred ones`);
});

test('analyzeVideo: a few frames of another picture at the very end join the shot before, which keeps its key frame', async () => {
  const path = makeWithFfmpeg('kf-short-tail.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25:d=2.4', '-f', 'lavfi', '-i', 'smptebars=s=320x180:r=25:d=0.2',
    '-filter_complex', '[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[out]', '-map', '[out]', '-frames:v', '65',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18',
  ]);
  const r = await analyzeVideo(path, PARAMS);
  assert.equal(r.info.frameCount, 65);
  assert.deepEqual(r.shots.map((s) => [s.startFrame, s.endFrame]), [[0, 64]], 'the 5-frame tail is no shot of its own');
  assert.ok(r.keyframes.length >= 1 && r.keyframes.every((k) => k.shot === 0));
  // Given a minimum shot shorter than the tail, the tail is a shot, and it has a key frame too.
  const short = await analyzeVideo(path, { ...PARAMS, minShotSeconds: 0.1 });
  assert.deepEqual(short.shots.map((s) => s.startFrame), [0, 60]);
  assert.deepEqual([...new Set(short.keyframes.map((k) => k.shot))], [0, 1]);
});
