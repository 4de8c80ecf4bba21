import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbFrame } from '../../../app/video';
import { readFileSync, writeFileSync } from 'node:fs';
import { FIXTURE_DIR, makeWithFfmpeg, sharedVideo } from '../../../test-support/fixtures';
import { join } from 'node:path';
import { CancelledError } from '../jobs';
import { locateFfmpeg, locateFfprobe } from './locate-ffmpeg';
import { probeVideo } from './probe';
import { inputArg, runTool } from './run-tool';
import { streamFrames, type StreamFramesOptions } from './stream-frames';
import { anamorphicClip, awkwardlyNamedCopy, meanAbsDiff, meanRgb, movingClip, rotatedClip, vfrClip, vfrTime } from './video-fixtures';

async function collect(path: string, opts: StreamFramesOptions): Promise<{ frames: RgbFrame[]; warnings: string[] }> {
  const stream = streamFrames(path, opts);
  const frames: RgbFrame[] = [];
  for await (const f of stream) frames.push(f);
  return { frames, warnings: stream.warnings };
}

function assertIndexed(frames: RgbFrame[], width: number, height: number): void {
  frames.forEach((f, i) => {
    assert.equal(f.index, i);
    assert.equal(f.data.length, width * height * 3);
    assert.deepEqual([f.width, f.height], [width, height]);
    if (i > 0) assert.ok(f.time > frames[i - 1].time, `time goes back at ${i}`);
  });
}

test('counter.mp4: 30 frames at index/10 s, colours change exactly at 10 and 20', async (t) => {
  const path = sharedVideo('counter.mp4');
  if (!path) return t.skip('../shared/videos not present');
  const { frames, warnings } = await collect(path, { width: 256 });
  assert.equal(frames.length, 30);
  assertIndexed(frames, 256, 144);
  frames.forEach((f) => assert.ok(Math.abs(f.time - f.index / 10) < 1e-6, `frame ${f.index} at ${f.time}`));
  const colour = frames.map((f) => {
    const [r, g, b] = meanRgb(f.data);
    return r > g + 40 && r > b + 40 ? 'red' : g > r + 40 && g > b + 40 ? 'green' : 'grey';
  });
  assert.deepEqual(colour, [...Array(10).fill('grey'), ...Array(10).fill('red'), ...Array(10).fill('green')]);
  assert.deepEqual(warnings, []);
});

test('delayed_start.mp4: frame 0 is at time 0 (relative to the stream start at 1.075 s), 24 frames 40 ms apart', async (t) => {
  const path = sharedVideo('delayed_start.mp4');
  if (!path) return t.skip('../shared/videos not present');
  const { frames } = await collect(path, { width: 256 });
  assert.equal(frames.length, 24);
  assertIndexed(frames, 256, 170);
  frames.forEach((f) => assert.ok(Math.abs(f.time - f.index * 0.04) < 1e-6, `frame ${f.index} at ${f.time}`));
  // fades.mp4's first frames brighten: the stream really starts at its first (darkest) frame.
  assert.ok(meanRgb(frames[0].data)[0] < meanRgb(frames[23].data)[0]);
});

test('the mkv with audio, subtitles and font attachments decodes its 48 video frames', async (t) => {
  const path = sharedVideo('issue-236-split-copy.mkv');
  if (!path) return t.skip('../shared/videos not present');
  const { frames, warnings } = await collect(path, { width: 192 });
  assert.equal(frames.length, 48);
  assertIndexed(frames, 192, 108);
  assert.ok(Math.abs(frames[47].time - 47 * (1001 / 24000)) < 0.002, `last frame at ${frames[47].time}`);
  assert.deepEqual(warnings, []);
});

test('testvideo.mp4: 720 frames, and reports decode progress', async (t) => {
  const path = sharedVideo('testvideo.mp4');
  if (!path) return t.skip('../shared/videos not present');
  const progress: number[] = [];
  let n = 0;
  let last = -1;
  for await (const f of streamFrames(path, { width: 128, onProgress: (p) => progress.push(p.fraction ?? -1) })) {
    assert.equal(f.index, n++);
    last = f.time;
  }
  assert.equal(n, 720);
  assert.ok(Math.abs(last - 719 * (1001 / 30000)) < 1e-3, `last at ${last}`);
  assert.equal(progress[progress.length - 1], 1);
  assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]));
});

test('variable frame rate: every frame once, at its own timestamp, as many as ffprobe -count_frames counts', async () => {
  const path = vfrClip();
  const { frames, warnings } = await collect(path, { width: 160 });
  const ffprobe = locateFfprobe();
  if (ffprobe) {
    const r = await runTool(ffprobe.path, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'json', path]);
    const counted = Number((JSON.parse(r.stdout.toString()) as { streams: Array<{ nb_read_frames: string }> }).streams[0].nb_read_frames);
    assert.equal(frames.length, counted);
  }
  assert.ok(frames.length >= 39 && frames.length <= 40, `${frames.length} frames`);
  assertIndexed(frames, 160, 90);
  for (const f of frames) assert.ok(Math.abs(f.time - (vfrTime(f.index) - vfrTime(0))) < 1e-3, `frame ${f.index}: ${f.time}`);
  // Not index / fps (0.05 s steps at the nominal 20 fps): the gap after frame 20 is 0.65 s.
  assert.ok(Math.abs(frames[21].time - frames[20].time - 0.65) < 1e-3);
  assert.deepEqual(warnings, []);
});

test('rotated clip: frames come out upright (display size, content turned as the metadata says)', async () => {
  const { plain, rotated } = rotatedClip();
  const info = await probeVideo(rotated);
  const { frames } = await collect(rotated, { width: 90, info });
  assert.equal(frames.length, 10);
  assertIndexed(frames, 90, 160);
  // Oracle: the unrotated clip turned explicitly with transpose (1 = 90° clockwise, 2 = 90° counter-clockwise).
  const turned = async (transpose: number) => {
    const args = ['-v', 'error', '-i', inputArg(plain), '-frames:v', '1', '-vf', `transpose=${transpose},scale=90:160,format=rgb24`];
    const r = await runTool(locateFfmpeg().path, [...args, '-sws_flags', 'fast_bilinear', '-f', 'rawvideo', 'pipe:1']);
    return r.stdout;
  };
  const [right, wrong] = info.rotation === 90 ? [await turned(1), await turned(2)] : [await turned(2), await turned(1)];
  const dRight = meanAbsDiff(frames[0].data, right);
  const dWrong = meanAbsDiff(frames[0].data, wrong);
  assert.ok(dRight < 3 && dWrong > 20, `rotation ${info.rotation}: ${dRight.toFixed(2)} vs wrong way ${dWrong.toFixed(2)}`);
});

test('non-square pixels: the analysis frame has the display aspect (SAR applied)', async () => {
  const { frames } = await collect(anamorphicClip(), { width: 256 });
  assert.equal(frames.length, 10);
  assertIndexed(frames, 256, 100); // 465x180 shown → 256 x 99.1, rounded to even
});

test('a path with spaces and non-ASCII characters decodes like the original', async () => {
  const original = movingClip();
  const copy = awkwardlyNamedCopy(original);
  const a = await collect(original, { width: 64 });
  const b = await collect(copy, { width: 64 });
  assert.equal(b.frames.length, 100);
  assert.equal(meanAbsDiff(a.frames[50].data, b.frames[50].data), 0);
});

test('aborting stops ffmpeg and rejects with CancelledError; breaking out early ends at once', async () => {
  const controller = new AbortController();
  let seen = 0;
  await assert.rejects(
    (async () => {
      for await (const f of streamFrames(movingClip(), { width: 64, signal: controller.signal })) {
        seen = f.index + 1;
        if (seen === 3) controller.abort();
      }
    })(),
    CancelledError,
  );
  assert.equal(seen, 3);
  const started = Date.now();
  for await (const f of streamFrames(movingClip(), { width: 64 })) if (f.index === 1) break;
  assert.ok(Date.now() - started < 5000);
});

test('two MPEG-TS recordings joined end to end (a clock that jumps back): times stay continuous, as ffmpeg repairs them', async () => {
  // As a camera's .mts files or stream segments joined with cat: the second part's clock starts far from the first's.
  const part = (name: string, offset: number) =>
    makeWithFfmpeg(name, ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-output_ts_offset', String(offset)]);
  const joined = join(FIXTURE_DIR, 'joined-clock-back.ts');
  writeFileSync(joined, Buffer.concat([readFileSync(part('clock-100.ts', 100)), readFileSync(part('clock-10.ts', 10))]));
  const times: number[] = [];
  for await (const f of streamFrames(joined, { width: 64 })) times.push(f.time);
  assert.equal(times.length, 100);
  const steps = times.slice(1).map((t, i) => t - times[i]);
  assert.ok(steps.every((d) => d > 0 && d < 0.2), `steps ${Math.min(...steps).toFixed(3)}..${Math.max(...steps).toFixed(3)} s`);
  assert.ok(times[99] < 5, `4 s of video end at ${times[99]} s`);
});
