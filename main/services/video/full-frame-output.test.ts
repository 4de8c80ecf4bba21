import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import assert from 'node:assert/strict';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { locateFfmpeg } from './locate-ffmpeg';
import { probeVideo } from './probe';
import { inputArg, runTool } from './run-tool';
import { readFullFrames } from './full-frame-output';
import { streamFrames } from './stream-frames';
import { rotatedClip } from './video-fixtures';
import { yuv420Bytes, yuv420ToRgb, yuv420ToRgbAsync, yuvColourOf } from './yuv-native';

const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast'];

/** The decoded frames as ffmpeg itself writes them (autorotated), in the stream's own 4:2:0 bytes. */
async function ffmpegYuv(path: string, pixFmt: string): Promise<Buffer> {
  const r = await runTool(locateFfmpeg().path, ['-v', 'error', '-i', inputArg(path), '-map', '0:V:0', '-vsync', 'passthrough', '-f', 'rawvideo', '-pix_fmt', pixFmt, 'pipe:1']);
  return r.stdout;
}

/** What the second-pass extraction makes of frame `n`: ffmpeg's scale filter to RGB24, bilinear chroma, accurate rounding. */
async function ffmpegRgb(path: string, n: number): Promise<Buffer> {
  const vf = `select='eq(n\\,${n})',scale=iw:ih,setsar=1,format=rgb24`;
  const args = ['-v', 'error', '-i', inputArg(path), '-map', '0:V:0', '-vf', vf, '-vsync', '0', '-frames:v', '1'];
  const r = await runTool(locateFfmpeg().path, [...args, '-sws_flags', 'bilinear+accurate_rnd+full_chroma_int', '-f', 'rawvideo', 'pipe:1']);
  return r.stdout;
}

async function fullFramesOf(path: string, every: number, width: number, height: number, pixelFormat: 'yuv420p' | 'yuvj420p') {
  const got = new Map<number, Buffer>();
  const size = yuv420Bytes(width, height);
  const stream = streamFrames(path, {
    width: 64,
    fullFrames: { every, width, height, pixelFormat, buffer: (i) => (i === 3 * every ? undefined : Buffer.alloc(size)), frame: (i, data) => got.set(i, data) },
  });
  let analysed = 0;
  for await (const f of stream) assert.equal(f.index, analysed++);
  return { got, analysed, warnings: stream.warnings };
}

test('full-size frames from the analysis decode: every n-th frame, byte for byte what ffmpeg decodes, skipped ones left out', async () => {
  const clip = makeWithFfmpeg('full-frames-601.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=322x182:rate=25:duration=1', ...x264, '-pix_fmt', 'yuv420p']);
  const { got, analysed, warnings } = await fullFramesOf(clip, 4, 322, 182, 'yuv420p');
  assert.equal(analysed, 25);
  assert.deepEqual(warnings, []);
  assert.deepEqual([...got.keys()], [0, 4, 8, 16, 20, 24], 'frames 0, 4, … 24; frame 12 was skipped (no buffer)');
  const all = await ffmpegYuv(clip, 'yuv420p');
  const size = yuv420Bytes(322, 182);
  for (const [i, data] of got) assert.ok(data.equals(all.subarray(i * size, (i + 1) * size)), `frame ${i}`);
});

test('full-size frames of a rotated phone clip come upright, at the turned size', async () => {
  const { rotated } = rotatedClip();
  const info = await probeVideo(rotated);
  assert.deepEqual([info.width, info.height], [180, 320]);
  const { got } = await fullFramesOf(rotated, 5, 180, 320, 'yuv420p');
  const all = await ffmpegYuv(rotated, 'yuv420p');
  const size = yuv420Bytes(180, 320);
  assert.equal(all.length, 10 * size, 'ffmpeg decodes 10 upright frames');
  assert.deepEqual([...got.keys()], [0, 5]);
  for (const [i, data] of got) assert.ok(data.equals(all.subarray(i * size, (i + 1) * size)), `frame ${i}`);
});

test('the native 4:2:0 → RGB conversion matches ffmpeg\'s own (BT.601, BT.709, full range), as the extraction converts', async (t) => {
  const cases = [
    { name: 'untagged (BT.601)', file: 'yuv-601.mp4', extra: ['-pix_fmt', 'yuv420p'] },
    { name: 'BT.709', file: 'yuv-709.mp4', extra: ['-pix_fmt', 'yuv420p', '-colorspace', 'bt709', '-color_range', 'tv'] },
    { name: 'full range (yuvj420p)', file: 'yuv-j.mp4', extra: ['-pix_fmt', 'yuvj420p'] },
    { name: 'odd size', file: 'yuv-odd.mp4', extra: ['-pix_fmt', 'yuv420p', '-vf', 'crop=319:179:0:0'] },
  ];
  for (const c of cases) {
    const clip = makeWithFfmpeg(c.file, ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=0.2', ...x264, ...c.extra]);
    const info = await probeVideo(clip);
    const colour = yuvColourOf(info);
    if (!colour) return t.skip('the native kernels are not built');
    const { width, height } = info;
    const fmt = info.pixelFormat === 'yuvj420p' ? 'yuvj420p' : 'yuv420p';
    const yuv = (await ffmpegYuv(clip, fmt)).subarray(0, yuv420Bytes(width, height));
    const ours = yuv420ToRgb(yuv, width, height, colour);
    // The pass converts on the thread pool: the same bytes.
    assert.ok(Buffer.from(ours).equals(await yuv420ToRgbAsync(yuv, width, height, colour)), `${c.name}: async = sync`);
    const theirs = await ffmpegRgb(clip, 0);
    assert.equal(ours.length, theirs.length, c.name);
    let sum = 0;
    let max = 0;
    for (let i = 0; i < ours.length; i++) {
      const d = Math.abs(ours[i] - theirs[i]);
      sum += d;
      max = Math.max(max, d);
    }
    const mean = sum / ours.length;
    // testsrc2's saturated colour bars give hard chroma edges: a misplaced chroma tap would show as mean ≥ 0.5 there.
    assert.ok(mean < 0.05 && max <= 3, `${c.name}: mean ${mean.toFixed(4)}, max ${max}`);
    t.diagnostic(`${c.name}: mean ${mean.toFixed(4)}, max ${max}`);
  }
});

test('formats the converter does not take are left to the second pass', () => {
  assert.equal(yuvColourOf({ pixelFormat: 'yuv420p10le' }), undefined);
  assert.equal(yuvColourOf({ pixelFormat: 'yuv422p' }), undefined);
  assert.equal(yuvColourOf({ pixelFormat: 'yuv420p', colorSpace: 'bt2020nc' }), undefined);
  assert.equal(yuvColourOf({}), undefined);
});

test('a failure while taking the full-size frames fails the decode (never a shorter video that looks complete)', async () => {
  const clip = makeWithFfmpeg('full-frames-601.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=322x182:rate=25:duration=1', ...x264, '-pix_fmt', 'yuv420p']);
  let calls = 0;
  const stream = streamFrames(clip, {
    width: 64,
    fullFrames: {
      every: 2,
      width: 322,
      height: 182,
      pixelFormat: 'yuv420p',
      buffer: () => {
        if (++calls === 3) throw new Error('out of pool');
        return Buffer.alloc(yuv420Bytes(322, 182));
      },
      frame: () => undefined,
    },
  });
  await assert.rejects(async () => {
    for await (const f of stream) void f;
  }, /out of pool/);
});

test('a stream that changes size part-way: its full-size frames are declared untrustworthy (their numbering restarts)', async () => {
  const part = (size: string, name: string) =>
    makeWithFfmpeg(name, ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=2`, ...x264, '-pix_fmt', 'yuv420p', '-f', 'mpegts']);
  const joined = makeWithFfmpeg('size-change.ts', ['-i', `concat:${part('320x180', 'size-a.ts')}|${part('640x360', 'size-b.ts')}`, '-c', 'copy', '-f', 'mpegts']);
  const reasons: string[] = [];
  let analysed = 0;
  const stream = streamFrames(joined, {
    width: 64,
    fullFrames: { every: 8, width: 320, height: 180, pixelFormat: 'yuv420p', buffer: () => Buffer.alloc(yuv420Bytes(320, 180)), frame: () => undefined, invalid: (r) => reasons.push(r) },
  });
  for await (const f of stream) assert.equal(f.index, analysed++);
  assert.ok(analysed >= 99, `${analysed} frames`);
  assert.deepEqual(reasons, ['the video changes size or format part-way']);
});

test('process.exit() during a decode with full-size frames exits at once (ffmpeg is killed, no worker left blocked on its pipe)', async () => {
  const clip = makeWithFfmpeg('full-frames-long.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=20', ...x264, '-pix_fmt', 'yuv420p']);
  const script = `const { streamFrames } = require(${JSON.stringify(join(__dirname, 'stream-frames.ts'))});
    (async () => {
      let n = 0;
      const s = streamFrames(${JSON.stringify(clip)}, { width: 64, fullFrames: { every: 2, width: 640, height: 360, pixelFormat: 'yuv420p', buffer: () => Buffer.alloc(${yuv420Bytes(640, 360)}), frame: () => undefined } });
      // Stops reading first, so the analysis pipe fills, ffmpeg waits on it and no more full-size bytes come: a
      // worker blocked reading them would keep the exit waiting for ever.
      for await (const f of s) if (++n === 20) { await new Promise((r) => setTimeout(r, 1500)); console.log('exiting'); process.exit(0); }
    })();`;
  const started = Date.now();
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  assert.match(out, /exiting/);
  assert.equal(code, 0, `exited with ${code} after ${Date.now() - started} ms`);
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
});

test('the stream reader (where no pipe of our own can be made: Windows) cuts frames across chunks, skips, and reports a throw', async () => {
  const w = 5;
  const h = 3;
  const size = yuv420Bytes(w, h);
  assert.equal(size, 15 + 2 * 3 * 2);
  const bytes = Buffer.alloc(size * 4);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(i / size) * 10 + (i % 7);
  // Chunks that never line up with the frames.
  const chunks = (data: Buffer) => Readable.from([data.subarray(0, 7), data.subarray(7, 40), data.subarray(40, 41), data.subarray(41)]);
  const got = new Map<number, Buffer>();
  const out = { every: 3, width: w, height: h, pixelFormat: 'yuv420p' as const, buffer: (i: number) => (i === 3 ? undefined : Buffer.alloc(size)), frame: (i: number, d: Buffer) => got.set(i, Buffer.from(d)) };
  const end = await readFullFrames(chunks(bytes), out);
  assert.deepEqual(end, { leftoverBytes: 0, error: undefined });
  assert.deepEqual([...got.keys()], [0, 6, 9], 'ordinals 0, 2, 3 are frames 0, 6, 9; frame 3 skipped');
  for (const [i, d] of got) assert.ok(d.equals(bytes.subarray((i / 3) * size, (i / 3 + 1) * size)), `frame ${i}`);
  const cut = await readFullFrames(chunks(bytes.subarray(0, size + 5)), { ...out, frame: () => undefined });
  assert.equal(cut.leftoverBytes, 5, 'an unfinished last frame');
  const failing = await readFullFrames(chunks(bytes), { ...out, buffer: () => { throw new Error('pool broke'); } });
  assert.match(String(failing.error), /pool broke/);
});
