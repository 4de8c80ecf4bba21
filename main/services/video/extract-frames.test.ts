import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RgbFrame } from '../../../app/video';
import { makeWithFfmpeg, sharedVideo } from '../../../test-support/fixtures';
import sharp from 'sharp';
import { directYuv, encodeFramePicture, extractFrames, groupsOf, halfChromaOf, swsFlagsFor } from './extract-frames';
import { yuvColourOf } from './yuv-native';
import type { VideoInfo } from '../../../app/video';
import { locateFfmpeg, locateFfprobe } from './locate-ffmpeg';
import { inputArg, runTool } from './run-tool';
import { decodeImage } from './image-io';
import { probeVideo } from './probe';
import { streamFrames } from './stream-frames';
import { anamorphicClip, frameNumberOf, meanAbsDiff, meanRgb, movingClip, numberedClip, rotatedClip, vfrClip } from './video-fixtures';

async function analysisFrames(path: string, width: number): Promise<RgbFrame[]> {
  const frames: RgbFrame[] = [];
  for await (const f of streamFrames(path, { width })) frames.push(f);
  return frames;
}

/**
 * The extracted still, shrunk to analysis size the way streamFrames shrinks (fast_bilinear aliases, so a
 * smoother scaler would not compare), must match its own analysis frame better than any of its ±2 neighbours.
 * `factor`: how much worse each neighbour must be (content that changes a lot every frame allows a wide margin).
 */
async function assertSameFrame(still: string, frames: RgbFrame[], index: number, factor = 2, maxOwn = 3): Promise<void> {
  const { width, height } = frames[index];
  const args = ['-v', 'error', '-i', inputArg(still), '-vf', `scale=${width}:${height}`, '-sws_flags', 'fast_bilinear'];
  const small = (await runTool(locateFfmpeg().path, [...args, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'])).stdout;
  const own = meanAbsDiff(small, frames[index].data);
  const others = [-2, -1, 1, 2].map((d) => frames[index + d]).filter(Boolean);
  const report = others.map((f) => `${f.index}: ${meanAbsDiff(small, f.data).toFixed(2)}`).join(', ');
  assert.ok(own < maxOwn, `frame ${index}: differs from its own analysis frame by ${own.toFixed(2)} (${report})`);
  for (const f of others) assert.ok(meanAbsDiff(small, f.data) > own * factor, `frame ${index}: own ${own.toFixed(2)} vs ${report}`);
}

const outDir = () => mkdtemp(join(tmpdir(), 'extract-'));

test('extracts exactly the requested frames (content changes every frame) at full resolution, png and jpeg', async () => {
  const path = movingClip();
  const frames = await analysisFrames(path, 160);
  const dir = await outDir();
  const wanted = [99, 0, 37, 50, 51];
  const got = await extractFrames(path, wanted.map((i) => ({ frame: i, time: frames[i].time })), { format: 'png', outDir: dir });
  assert.deepEqual(got.map((g) => g.frame), wanted);
  for (const g of got) {
    assert.deepEqual([g.width, g.height], [320, 180]);
    assert.ok(Math.abs(g.actualTime - g.time) < 1e-6);
    assert.equal((await decodeImage(g.path)).width, 320);
    await assertSameFrame(g.path, frames, g.frame);
  }
  const [jpeg] = await extractFrames(path, [{ frame: 63, time: frames[63].time, outPath: join(dir, 'k 63.jpg') }], { format: 'jpeg', quality: 90 });
  await assertSameFrame(jpeg.path, frames, 63, 1.5, 8); // jpeg adds its own error
});

test('variable frame rate: frames are found by their own timestamps, also with rounded request times', async () => {
  const path = vfrClip();
  const frames = await analysisFrames(path, 160);
  const dir = await outDir();
  const wanted = [1, 2, 20, 21, 30, frames.length - 1];
  const requests = wanted.map((i) => ({ frame: i, time: Math.round(frames[i].time * 1000) / 1000 }));
  const got = await extractFrames(path, requests, { format: 'png', outDir: dir });
  assert.deepEqual(got.map((g) => g.frame), wanted);
  // At 160x90 testsrc2's fine coloured detail makes chroma resampling differences large: a wider own-error bound.
  for (const g of got) await assertSameFrame(g.path, frames, g.frame, 1.5, 7);
});

test('counter.mp4: frames 9/10 and 19/20 straddle the colour changes; testvideo frame 675 is found after a seek', async (t) => {
  const counter = sharedVideo('counter.mp4');
  const testvideo = sharedVideo('testvideo.mp4');
  if (!counter || !testvideo) return t.skip('../shared/videos not present');
  const dir = await outDir();
  const got = await extractFrames(counter, [9, 10, 19, 20].map((i) => ({ frame: i, time: i / 10 })), { format: 'png', outDir: dir, maxWidth: 480 });
  const colours = await Promise.all(got.map(async (g) => meanRgb((await decodeImage(g.path)).data).map(Math.round)));
  const kind = colours.map(([r, g, b]) => (r > g + 40 && r > b + 40 ? 'red' : g > r + 40 && g > b + 40 ? 'green' : 'grey'));
  assert.deepEqual(kind, ['grey', 'red', 'red', 'green']);
  assert.deepEqual([got[0].width, got[0].height], [480, 270]);

  const frames = await analysisFrames(testvideo, 128);
  const [g] = await extractFrames(testvideo, [{ frame: 675, time: frames[675].time }], { format: 'png', outDir: dir });
  await assertSameFrame(g.path, frames, 675, 1.3); // inside the fade-out: each frame a little darker
  assert.equal(g.seeked, true, 'found after a seek, not by decoding the 22 s before it');
});

test('rotated and anamorphic clips come out upright at their display size', async () => {
  const dir = await outDir();
  const rotated = rotatedClip().rotated;
  const [r] = await extractFrames(rotated, [{ frame: 5, time: 0.5 }], { format: 'png', outDir: dir });
  assert.deepEqual([r.width, r.height], [180, 320]);
  await assertSameFrame(r.path, await analysisFrames(rotated, 90), 5, 1.3); // testsrc moves only a little per frame
  const info = await probeVideo(anamorphicClip());
  const [a] = await extractFrames(anamorphicClip(), [{ frame: 3, time: 0.3 }], { format: 'png', outDir: dir, info });
  const img = await decodeImage(a.path);
  assert.deepEqual([img.width, img.height], [465, 180]);
});

test('a time with no frame is an error naming the file, not a wrong frame', async () => {
  await assert.rejects(
    extractFrames(movingClip(), [{ frame: 500, time: 20 }], { format: 'png', outDir: await outDir() }),
    { name: 'VideoError', code: 'DECODE_FAILED', message: /moving\.mp4: no frame 500 at 20\.000 s/ },
  );
});

test('numbered frames: every picture is exactly the frame asked for, sparse or close together, with its thumbnail', async () => {
  const path = numberedClip();
  const frames = await analysisFrames(path, 160);
  assert.equal(frames.length, 240);
  assert.deepEqual([0, 1, 17, 239].map((i) => frameNumberOf(frames[i].data, frames[i].width, frames[i].height)), [0, 1, 17, 239], 'the clip shows its numbers');
  const dir = await outDir();
  const thumbs = join(dir, 'thumbs');
  // Close frames (one decoding run), a B-frame just before a key frame (49) and after it (50, 51), far ones.
  const wanted = [230, 3, 4, 5, 49, 50, 51, 120, 0, 239, 121];
  const got = await extractFrames(path, wanted.map((i) => ({ frame: i, time: frames[i].time })), { format: 'png', outDir: dir, thumbnails: { dir: thumbs, width: 80 } });
  assert.deepEqual(got.map((g) => g.frame), wanted, 'results in the order asked');
  for (const g of got) {
    const img = await decodeImage(g.path);
    assert.equal(frameNumberOf(img.data, img.width, img.height), g.frame, `${g.path} shows frame ${g.frame}`);
    const thumb = await decodeImage(g.thumbnail!);
    assert.deepEqual([thumb.width, thumb.height], [80, 45]);
    assert.equal(frameNumberOf(thumb.data, thumb.width, thumb.height), g.frame, 'the thumbnail is of the same frame');
  }
  assert.ok(got.find((g) => g.frame === 230)!.seeked, 'a frame far from the start is found after a seek');
});

test('a cancel stops the decoding run and leaves no partial picture', async () => {
  const path = numberedClip();
  const frames = await analysisFrames(path, 160);
  const dir = await outDir();
  const controller = new AbortController();
  const wanted = [10, 100, 200];
  const run = extractFrames(path, wanted.map((i) => ({ frame: i, time: frames[i].time })), {
    format: 'png', outDir: dir, signal: controller.signal,
    onProgress: (p) => p.done === 1 && controller.abort(),
  });
  await assert.rejects(run, { name: 'CancelledError' });
  // Two runs go side by side: the second may have finished its picture too. Never the last, never a partial file.
  const left = readdirSync(dir).sort();
  assert.ok(left.length >= 1 && !left.includes('frame-000200.png'), `the finished picture stays, the last is never reached (${left.join(', ')})`);
  assert.ok(left.every((f) => /^frame-\d{6}\.png$/.test(f)), `no temporary file (${left.join(', ')})`);
  for (const f of left) assert.equal((await decodeImage(join(dir, f))).width, 160, `${f} is whole`);
});

test("the stream's key frames, as the decoding pass saw them, plan the runs; every picture is still exactly its frame", async () => {
  const path = numberedClip(); // B-frames; x264 puts a key frame where the right half's grey steps (every 16)
  const frames = await analysisFrames(path, 160);
  const syncTimes = frames.filter((f) => f.key).map((f) => f.time);
  // The container's own sync samples, as ffprobe lists its packets ("K" flag), are the frames flagged.
  const probe = locateFfprobe();
  if (probe) {
    const r = await runTool(probe.path, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', inputArg(path)]);
    const keys = r.stdout.toString('utf8').split('\n').filter((l) => /,K/.test(l)).map((l) => Number(l.split(',')[0])).sort((a, b) => a - b);
    assert.deepEqual(syncTimes.map((t) => t.toFixed(3)), keys.map((t) => t.toFixed(3)));
  }
  assert.equal(syncTimes[0], 0, 'the first frame is a key frame');
  assert.ok(syncTimes.length > 5 && syncTimes.length < frames.length / 8, `only key frames are flagged (${syncTimes.join(', ')})`);
  const dir = await outDir();
  // 3 and 5 share the first key frame (one run); 15 | 16 straddle a key frame; 99 and 230 are far.
  const wanted = [3, 5, 15, 16, 17, 99, 230];
  const got = await extractFrames(path, wanted.map((i) => ({ frame: i, time: frames[i].time })), { format: 'png', outDir: dir, syncTimes });
  assert.deepEqual(got.map((g) => g.frame), wanted);
  for (const g of got) {
    const img = await decodeImage(g.path);
    assert.equal(frameNumberOf(img.data, img.width, img.height), g.frame, `${g.path} shows frame ${g.frame}`);
  }
});

test('runs are planned from the key frames: frames after the same one share a run, a run starts where that is cheaper', () => {
  const plan = (times: number[], exact: boolean, sync?: number[]) =>
    groupsOf(times.map((t) => ({ time: t, target: t + 1 })), exact, sync).map((g) => g.map((r) => r.time));
  // Key frames every 10 s (x264's default): 1 and 7 follow the one at 0, decoded once in one run; 10.1 starts
  // a run of its own at 10 rather than decoding on from 7; 19.9 follows the same key frame as 10.1.
  assert.deepEqual(plan([1, 7, 10.1, 19.9], true, [0, 10, 20]), [[1, 7], [10.1, 19.9]]);
  // A key frame every second (phones): 3.2 is 0.2 s after its own key frame, so a run of its own beats decoding
  // on 1.7 s from 1.5; 3.3 follows the same key frame as 3.2.
  assert.deepEqual(plan([1.5, 3.2, 3.3], true, [0, 1, 2, 3, 4]), [[1.5], [3.2, 3.3]]);
  // Key frames unknown: frames under 2 s apart share a run.
  assert.deepEqual(plan([1.5, 3.2, 7], true), [[1.5, 3.2], [7]]);
  // Any moment (a slider) takes the first frame at or after it: never shared.
  assert.deepEqual(plan([1, 1.1], false, [0]), [[1], [1.1]]);
});

test('the RGB conversion interpolates only the chroma at the decoded size, lanczos when the picture is resized', () => {
  const info = { codedWidth: 1920, codedHeight: 1080, rotation: 0 as const };
  assert.equal(swsFlagsFor(info, { width: 1920, height: 1080 }), 'bilinear+accurate_rnd+full_chroma_int');
  assert.equal(swsFlagsFor(info, { width: 960, height: 540 }), 'lanczos+accurate_rnd+full_chroma_int');
  assert.equal(swsFlagsFor({ ...info, rotation: 90 }, { width: 1080, height: 1920 }), 'bilinear+accurate_rnd+full_chroma_int');
  assert.equal(swsFlagsFor({ codedWidth: 720, codedHeight: 480, rotation: 0 }, { width: 853, height: 480 }), 'lanczos+accurate_rnd+full_chroma_int');
});

test('a file whose clock starts late (MPEG-TS, offset): every picture is exactly the frame the analysis counted', async () => {
  // MPEG-TS starts its clock at 1.4 s; the offset moves it further (8.65 s), as a recording cut from a broadcast would.
  const path = makeWithFfmpeg('numbered-late.ts', ['-i', numberedClip(), '-c', 'copy', '-output_ts_offset', '7.25']);
  const frames = await analysisFrames(path, 160);
  assert.equal(frames.length, 240);
  assert.equal(frames[0].time, 0, 'times count from the first frame');
  const wanted = [0, 17, 50, 121, 239];
  const got = await extractFrames(path, wanted.map((i) => ({ frame: i, time: frames[i].time })), { format: 'png', outDir: await outDir() });
  for (const g of got) {
    const img = await decodeImage(g.path);
    assert.equal(frameNumberOf(img.data, img.width, img.height), g.frame, `${g.path} shows frame ${g.frame}`);
  }
});

test("the stream's own 4:2:0 bytes are taken only for the decoded frame itself, at an even size, in a known matrix", (t) => {
  const base = { codedWidth: 1280, codedHeight: 720, width: 1280, height: 720, rotation: 0, pixelFormat: 'yuv420p', colorSpace: 'bt709' } as unknown as VideoInfo;
  if (!yuvColourOf(base)) return t.skip('the native kernels are not built: swscale converts every frame');
  const of = (over: Partial<VideoInfo>, size = { width: 1280, height: 720 }) => directYuv({ ...base, ...over } as VideoInfo, size);
  assert.deepEqual(of({}), { pixelFormat: 'yuv420p', colour: { bt709: true, fullRange: false } });
  assert.deepEqual(of({ pixelFormat: 'yuvj420p', colorSpace: undefined }), { pixelFormat: 'yuvj420p', colour: { bt709: false, fullRange: true } });
  assert.ok(of({ rotation: 90 as VideoInfo['rotation'], width: 720, height: 1280 }, { width: 720, height: 1280 }), 'rotated: the upright decoded size');
  assert.equal(of({}, { width: 960, height: 540 }), undefined, 'a width cap: swscale resamples');
  assert.equal(of({ codedWidth: 720, codedHeight: 480, width: 853, height: 480 }, { width: 853, height: 480 }), undefined, 'anamorphic');
  assert.equal(of({ codedWidth: 161, codedHeight: 91, width: 161, height: 91 }, { width: 161, height: 91 }), undefined, 'odd size');
  assert.equal(of({ pixelFormat: 'yuv420p10le' }), undefined, '10-bit');
  assert.equal(of({ colorSpace: 'bt2020nc' }), undefined, 'a matrix the converter does not know');
});

test("a 4:2:0 video's pictures are 4:2:0 JPEGs, as good as 4:4:4 ones; a 4:4:4 video and a scaled-down picture keep 4:4:4", async () => {
  const dir = await outDir();
  const path = movingClip(); // x264, yuv420p
  const frames = await analysisFrames(path, 160);
  const at = (f: number, name: string) => [{ frame: f, time: frames[f].time, outPath: join(dir, name) }];
  const [half] = await extractFrames(path, at(40, 'half.jpg'), { format: 'jpeg', quality: 92 });
  assert.equal((await sharp(half.path).metadata()).chromaSubsampling, '4:2:0');
  const [capped] = await extractFrames(path, at(40, 'capped.jpg'), { format: 'jpeg', quality: 92, maxWidth: 160 });
  assert.equal((await sharp(capped.path).metadata()).chromaSubsampling, '4:4:4', 'scaled down, the colour is at full resolution again');
  const full = makeWithFfmpeg('moving-444.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p']);
  const fullFrames = await analysisFrames(full, 160);
  const [own] = await extractFrames(full, [{ frame: 10, time: fullFrames[10].time, outPath: join(dir, 'full.jpg') }], { format: 'jpeg', quality: 92 });
  assert.equal((await sharp(own.path).metadata()).chromaSubsampling, '4:4:4');

  assert.deepEqual(
    [halfChromaOf({ pixelFormat: 'yuv420p10le', codedWidth: 320, codedHeight: 180, rotation: 90 } as VideoInfo, { width: 180, height: 320 }), halfChromaOf({ pixelFormat: 'yuv422p', codedWidth: 320, codedHeight: 180, rotation: 0 } as VideoInfo, { width: 320, height: 180 })],
    [true, false],
    'a rotated 10-bit 4:2:0 stream has half its colour; 4:2:2 does not',
  );
});

test("on real footage a key frame's 4:2:0 JPEG is as close to the decoded frame as a 4:4:4 one, and smaller", async (t) => {
  // Real camera footage: a synthetic test pattern's saturated one-pixel colour edges are no camera's (testsrc2 loses
  // 2.9 levels in 4:2:0 against 0.9, where testvideo loses 1.26 against 1.11, the hard-dev clips 0.34-0.63 against
  // 0.32-0.58: a fraction of a level more, invisible at quality 92).
  const real = sharedVideo('testvideo.mp4');
  if (!real) return t.skip('../shared/videos/testvideo.mp4 is not beside the repo');
  const dir = await outDir();
  const [exact] = await extractFrames(real, [{ frame: 300, time: 10, outPath: join(dir, 'exact.png') }], { format: 'png', exact: false });
  const rgb = await decodeImage(exact.path);
  const size = { width: rgb.width, height: rgb.height };
  const error = async (halfChroma: boolean) => {
    const { bytes } = await encodeFramePicture(rgb.data, size, 'jpeg', { quality: 92, halfChroma });
    const back = await sharp(bytes).raw().toBuffer();
    return { mad: meanAbsDiff(back, rgb.data), bytes: bytes.length };
  };
  const [sub, whole] = [await error(true), await error(false)];
  assert.ok(sub.mad < whole.mad + 0.3, `4:2:0 ${sub.mad.toFixed(2)} against 4:4:4 ${whole.mad.toFixed(2)} levels`);
  assert.ok(sub.bytes < whole.bytes * 0.9, `4:2:0 ${sub.bytes} bytes against 4:4:4 ${whole.bytes}`);
});
