import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { CancelledError } from '../jobs';
import { decodeImage, extractFrames, keyFrameInterval, probeVideo, yuvColourOf } from '../video';
import { intervalOfPackets } from '../video/key-frame-interval';
import { anamorphicClip } from '../video/video-fixtures';
import { analyzeVideo } from './analyze';
import { keyframeThumbName, runKeyframesJob } from './keyframes-job';
import { picturesAfterThePass, sampleEvery } from './inpass-pictures';
import { SHOT_FIXTURES } from './shots-fixtures';

const params = DEFAULT_ANALYSIS_PARAMS;

/** Ten shots of 4 s (320×180, 25 fps), hard cuts between moving lavfi sources: more held frames than a small pool. */
function tenShots(): string {
  const sources = ['testsrc2', 'mandelbrot', 'smptebars', 'life=mold=10:ratio=0.3:seed=1', 'cellauto=rule=110:seed=1', 'rgbtestsrc', 'mandelbrot=start_scale=0.5', 'testsrc', 'life=ratio=0.6:mold=20:seed=2', 'smptehdbars'];
  const parts = sources.map((s, i) => `${s.includes('=') ? `${s}:` : `${s}=`}s=320x180:r=25,trim=end_frame=100,setpts=N/25/TB,noise=alls=8:allf=t,hue=H=${i}+t,format=yuv420p,setsar=1[p${i}]`);
  const graph = `${parts.join(';')};${sources.map((_, i) => `[p${i}]`).join('')}concat=n=${sources.length}:v=1:a=0,format=yuv420p[out]`;
  return makeWithFfmpeg('inpass-ten-shots.mp4', ['-filter_complex', graph, '-map', '[out]', '-r', '25', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-g', '250', '-pix_fmt', 'yuv420p']);
}

/** Mean absolute difference of two pictures' decoded pixels (same size asserted). */
async function pictureDifference(a: string, b: string): Promise<number> {
  const [x, y] = await Promise.all([decodeImage(a), decodeImage(b)]);
  assert.deepEqual([x.width, x.height], [y.width, y.height], `${a} vs ${b}`);
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += Math.abs(x.data[i] - y.data[i]);
  return sum / x.data.length;
}

/** Each key frame's picture against the same frame taken by the second pass (extractFrames), by pixels. */
async function assertSamePictures(video: string, outDir: string, doc: Awaited<ReturnType<typeof runKeyframesJob>>) {
  const ref = mkdtempSync(join(tmpdir(), 'ycis-inpass-ref-'));
  const info = await probeVideo(video);
  const again = await extractFrames(video, doc.keyframes.map((k) => ({ frame: k.frame, time: k.time, outPath: join(ref, k.file) })), { format: 'jpeg', quality: 92, info });
  for (const [i, k] of doc.keyframes.entries()) {
    assert.ok(existsSync(join(outDir, k.thumb!)), `thumbnail of ${k.file}`);
    const d = await pictureDifference(join(outDir, k.file), again[i].path);
    // The same decoded frame converted the same way, each JPEG-encoded on its own: within JPEG rounding.
    assert.ok(d < 0.6, `${k.file}: differs from the second pass's picture of frame ${k.frame} by ${d.toFixed(2)} on average`);
  }
}

test('key-frame pictures from the analysis pass: most key frames, the same frames and pixels as the second pass gives', async (t) => {
  const video = tenShots();
  const gop = await keyFrameInterval(video);
  assert.ok(gop === undefined || !picturesAfterThePass(gop, sampleEvery(await probeVideo(video))), `x264's default GOP: key frames ${gop} s apart`);
  if (!yuvColourOf(await probeVideo(video))) return t.skip('the native kernels are not built: every picture comes from the second pass');
  const outDir = mkdtempSync(join(tmpdir(), 'ycis-inpass-'));
  const doc = await runKeyframesJob(video, { params, outDir });
  assert.ok(doc.pictures, 'keyframes.json says where the pictures came from');
  assert.equal(doc.pictures.fromAnalysis + doc.pictures.decodedAgain, doc.keyframes.length);
  assert.ok(doc.pictures.fromAnalysis >= doc.keyframes.length - 1, `${doc.pictures.fromAnalysis} of ${doc.keyframes.length} from the pass`);
  // The choice does not depend on whether pictures are kept: the plain analysis picks the same frames.
  const plain = await analyzeVideo(video, params);
  assert.deepEqual(doc.keyframes.map((k) => k.frame), plain.keyframes.map((k) => k.frame));
  await assertSamePictures(video, outDir, doc);
  // Only the key frames' files are left: no picture the pass wrote for nothing, no staging folder.
  const names = readdirSync(outDir).filter((f) => f !== 'thumbs' && f !== 'keyframes.json').sort();
  assert.deepEqual(names, doc.keyframes.map((k) => k.file).sort());
  assert.deepEqual(readdirSync(join(outDir, 'thumbs')).sort(), doc.keyframes.map((k) => keyframeThumbName(k.file).replace('thumbs/', '')).sort());
});

test('a pool smaller than the video: shots are settled as it fills, it never holds more, and the result is the same', async (t) => {
  const video = tenShots();
  const info = await probeVideo(video);
  if (!yuvColourOf(info)) return t.skip('the native kernels are not built');
  const dir = mkdtempSync(join(tmpdir(), 'ycis-inpass-pool-'));
  const frameBytes = 320 * 180 * 1.5;
  const r = await analyzeVideo(video, params, { pictures: { dir, thumbDir: join(dir, 'thumbs'), thumbWidth: 160, format: 'jpeg', poolBytes: 30 * frameBytes } });
  const stats = r.inPass as Exclude<typeof r.inPass, { reason: string } | undefined>;
  assert.ok(stats && 'held' in stats, JSON.stringify(r.inPass));
  t.diagnostic(JSON.stringify(stats));
  assert.equal(stats.every, sampleEvery(info));
  assert.ok(stats.held >= 1000 / stats.every - 1, `held ${stats.held}`);
  assert.ok(stats.settles >= 1, `the full pool settled shots (${stats.settles} times)`);
  assert.ok(stats.peakPoolFrames <= 30, `at most 30 frames held at once, ${stats.peakPoolFrames} were`);
  const plain = await analyzeVideo(video, params);
  assert.deepEqual(r.keyframes.map((k) => k.frame), plain.keyframes.map((k) => k.frame), 'the same key frames');
  assert.deepEqual(r.shots.map((s) => s.startFrame), plain.shots.map((s) => s.startFrame), 'the same shots');
  // The nine cuts of the fixture are found (its Life shot, whose random grid dies down over its first seconds, may
  // also read as a gradual change: the detector's business, tested in shots.test.ts, not the pool's).
  const starts = new Set(r.shots.map((s) => s.startFrame));
  for (let cut = 100; cut < 1000; cut += 100) assert.ok([cut - 1, cut, cut + 1].some((f) => starts.has(f)), `the cut at ${cut}: shots start at ${[...starts].join(', ')}`);
  const pictures = r.pictures!;
  assert.ok(pictures.size >= r.keyframes.length / 2, `${pictures.size} of ${r.keyframes.length} key frames written from the pass`);
  for (const [frame, p] of pictures) {
    assert.ok(r.keyframes.some((k) => k.frame === frame));
    const img = await decodeImage(p.path);
    assert.deepEqual([img.width, img.height], [320, 180]);
  }
  // The settling drops the repeats the final mutual comparison drops (the same code, a shot at a time): it wrote no
  // picture for nothing (here, as the shots it settled are the final ones).
  assert.equal(stats.written, stats.used, `${stats.written} written, ${stats.used} used`);
  // Pictures written for frames that did not end up key frames are gone again.
  const left = readdirSync(dir).filter((f) => f.startsWith('inpass-'));
  assert.equal(left.length, pictures.size, `${left.join(', ')}`);
});

test('key frames 1 s apart: the pictures are decoded again after the pass, which then costs less; 2 s apart: held', async (t) => {
  const twoSeconds = SHOT_FIXTURES.cuts.make();
  const gop2 = await keyFrameInterval(twoSeconds);
  if (gop2 === undefined) return t.skip('no ffprobe: the key-frame spacing is unknown');
  const oneSecond = makeWithFfmpeg('inpass-cuts-gop25.mp4', ['-i', twoSeconds, '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-pix_fmt', 'yuv420p']);
  const gop1 = await keyFrameInterval(oneSecond);
  assert.deepEqual([gop1, gop2], [1, 2], 'the fixtures\' key-frame spacing');
  const at = (fps: number, width: number, height: number) => sampleEvery({ fps, width, height });
  // 1080p: after the pass up to 1.25 s at 25 fps, 1 s at 30, 0.5 s at 60; 4K is held 4 times less often (0.3 s).
  assert.ok(picturesAfterThePass(1, at(25, 1920, 1080)) && !picturesAfterThePass(2, at(25, 1920, 1080)));
  assert.ok(picturesAfterThePass(0.9, at(30, 1920, 1080)) && !picturesAfterThePass(1.1, at(30, 1920, 1080)));
  assert.ok(!picturesAfterThePass(1, at(60, 1920, 1080)) && picturesAfterThePass(0.4, at(60, 1920, 1080)));
  assert.ok(!picturesAfterThePass(1, at(25, 3840, 2160)) && picturesAfterThePass(0.25, at(25, 3840, 2160)));
  assert.ok(picturesAfterThePass(1, at(25, 320, 180)) && !picturesAfterThePass(2, at(25, 320, 180)), 'the fixtures');
  const after = mkdtempSync(join(tmpdir(), 'ycis-inpass-gop-'));
  const doc = await runKeyframesJob(oneSecond, { params, outDir: after });
  assert.deepEqual([doc.pictures?.fromAnalysis, doc.pictures?.decodedAgain], [0, doc.keyframes.length]);
  assert.match(doc.pictures?.reason ?? '', /key frames every 1\.0 s/);
  for (const k of doc.keyframes) assert.ok(existsSync(join(after, k.file)));
  // Holding nothing, the choice prefers the stream's own key frames (every 25th frame here, -sc_threshold 0): each is
  // decoded again alone, not from the key frame before it. An analysis that keeps no pictures prefers the frames
  // the pass would hold (every sampleEvery-th) instead.
  const sync = doc.keyframes.filter((k) => k.frame % 25 === 0);
  assert.ok(sync.length >= doc.keyframes.length - 1, `key frames ${doc.keyframes.map((k) => k.frame).join(', ')}: ${sync.length} are the stream's`);
  const plain = await analyzeVideo(oneSecond, params);
  assert.ok(plain.keyframes.filter((k) => k.frame % 25 === 0).length < sync.length, `plain analysis: ${plain.keyframes.map((k) => k.frame).join(', ')}`);
  await assertSamePictures(oneSecond, after, doc);
  if (!yuvColourOf(await probeVideo(twoSeconds))) return t.skip('the native kernels are not built: nothing is held');
  const held = mkdtempSync(join(tmpdir(), 'ycis-inpass-gop-'));
  const doc2 = await runKeyframesJob(twoSeconds, { params, outDir: held });
  assert.ok(doc2.pictures && doc2.pictures.fromAnalysis >= doc2.keyframes.length - 1, JSON.stringify(doc2.pictures));
  await assertSamePictures(twoSeconds, held, doc2);
});

test('the key-frame spacing from the packets: the median gap, the look-ahead when only one key frame is there', () => {
  assert.equal(intervalOfPackets('0.000000,K__\n0.040000,___\n2.000000,K__\n4.000000,K_\n4.5,K__\n6.000000,K__\n'), 2);
  assert.equal(intervalOfPackets('0.000000,K__\n0.040000,___\n'), 12);
  assert.equal(intervalOfPackets(''), undefined);
  assert.equal(intervalOfPackets('N/A,K__\n'), undefined);
});

test('a video the pass cannot hold (non-square pixels): every picture from the second pass, and keyframes.json says why', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ycis-inpass-sar-'));
  const doc = await runKeyframesJob(anamorphicClip(), { params, outDir });
  assert.equal(doc.pictures?.fromAnalysis, 0);
  assert.equal(doc.pictures?.decodedAgain, doc.keyframes.length);
  assert.match(doc.pictures?.reason ?? '', /non-square pixels|native kernels/);
  const img = await decodeImage(join(outDir, doc.keyframes[0].file));
  assert.deepEqual([img.width, img.height], [465, 180], 'the display size, as before');
});

test('the key frames the pass does not hold are handed on while it writes its own; a failure waits for both', async (t) => {
  const video = tenShots();
  const info = await probeVideo(video);
  if (!yuvColourOf(info)) return t.skip('the native kernels are not built');
  const frameBytes = 320 * 180 * 1.5;
  const dir = mkdtempSync(join(tmpdir(), 'ycis-inpass-others-'));
  let asked: number[] = [];
  let total = 0;
  // A small pool gives up frames before their shots end: some key frames are not held.
  const r = await analyzeVideo(video, params, {
    pictures: { dir, thumbDir: join(dir, 'thumbs'), thumbWidth: 160, format: 'jpeg', poolBytes: 12 * frameBytes, others: async (ks, v) => {
      asked = ks.map((k) => k.frame);
      total = v.keyframes;
    } },
  });
  const held = [...r.pictures!.keys()];
  t.diagnostic(`held ${held.length}, handed on ${asked.length}`);
  assert.ok(held.length >= 1 && asked.length >= 1, `held ${held.join(',')}, handed on ${asked.join(',')}`);
  assert.deepEqual([...held, ...asked].sort((a, b) => a - b), r.keyframes.map((k) => k.frame).sort((a, b) => a - b), 'each key frame once, held or handed on');
  assert.equal(total, r.keyframes.length, 'told how many key frames there are in all');

  // The pass's own writing fails (its thumbnails' folder cannot be made) while the handed-on pictures are still
  // being taken: the failure goes up only once those have stopped too (the caller then discards the folder).
  const blocked = mkdtempSync(join(tmpdir(), 'ycis-inpass-fail-'));
  writeFileSync(join(blocked, 'file'), '');
  let othersDone = false;
  await assert.rejects(
    analyzeVideo(video, params, {
      pictures: { dir: blocked, thumbDir: join(blocked, 'file', 'thumbs'), thumbWidth: 160, format: 'jpeg', poolBytes: 12 * frameBytes, others: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        othersDone = true;
      } },
    }),
    (e: NodeJS.ErrnoException) => e.code === 'ENOTDIR' || e.code === 'EEXIST',
  );
  assert.ok(othersDone, 'the failure waited for the handed-on pictures');
});

test('cancelling while the pass writes pictures leaves no file and no staging folder', async () => {
  const video = tenShots();
  const outDir = mkdtempSync(join(tmpdir(), 'ycis-inpass-cancel-'));
  const ac = new AbortController();
  const job = runKeyframesJob(video, { params, outDir }, { signal: ac.signal, onProgress: (p) => p.stage === 'analyse' && p.fraction! > 0.5 && ac.abort() });
  await assert.rejects(job, (e: unknown) => e instanceof CancelledError);
  assert.deepEqual(readdirSync(outDir), [], 'nothing left');
});
