import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import type { RgbFrame } from '../../../app/video';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { extractFrames } from './extract-frames';
import { probeVideo } from './probe';
import { streamFrames, type StreamFramesOptions } from './stream-frames';
import { classifyFailure, VideoError } from './video-error';
import { audioOnlyClip, fixtureFile, movingClip, truncatedClip, unknownCodecClip } from './video-fixtures';

async function drain(path: string, opts: StreamFramesOptions = { width: 64 }): Promise<{ frames: RgbFrame[]; warnings: string[] }> {
  const stream = streamFrames(path, opts);
  const frames: RgbFrame[] = [];
  for await (const f of stream) frames.push(f);
  return { frames, warnings: stream.warnings };
}

/** Both entry points refuse the file with the same code, and the message names the file. */
async function assertRefused(path: string, code: string, message: RegExp): Promise<void> {
  await assert.rejects(probeVideo(path), (e: unknown) => e instanceof VideoError && e.code === code && message.test(e.message));
  await assert.rejects(drain(path), (e: unknown) => e instanceof VideoError && e.code === code && message.test(e.message));
}

test('a missing file: NOT_FOUND', async () => {
  await assertRefused('/nonexistent/holiday.mp4', 'NOT_FOUND', /^holiday\.mp4: file not found/);
});

test('a zero-length file: EMPTY', async () => {
  await assertRefused(fixtureFile('zero.mp4', ''), 'EMPTY', /^zero\.mp4: the file is empty/);
});

test('a text file named .mp4: NOT_A_VIDEO', async () => {
  const text = fixtureFile('notes.mp4', 'Meeting notes, definitely not a video.\n'.repeat(40));
  await assertRefused(text, 'NOT_A_VIDEO', /^notes\.mp4: not a video file/);
});

test('a still picture (PNG, JPEG): NOT_A_VIDEO, saying it is a picture; an animated GIF is a video', async () => {
  const png = makeWithFfmpeg('still.png', ['-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1']);
  await assertRefused(png, 'NOT_A_VIDEO', /still\.png: it is a still picture \(png\), not a video/);
  const jpeg = makeWithFfmpeg('still.jpg', ['-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1']);
  await assertRefused(jpeg, 'NOT_A_VIDEO', /still\.jpg: it is a still picture \(mjpeg\), not a video/);
  const gif = makeWithFfmpeg('moving.gif', ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=1']);
  assert.equal((await probeVideo(gif)).frameCount, 10);
});

test('audio only (.m4a and .mp4): NO_VIDEO_STREAM, saying what the file has', async () => {
  await assertRefused(audioOnlyClip(), 'NO_VIDEO_STREAM', /sine\.m4a: no video stream \(the file has only audio streams\)/);
  const mp4 = makeWithFfmpeg('sine.mp4', ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=1', '-c:a', 'aac']);
  await assertRefused(mp4, 'NO_VIDEO_STREAM', /sine\.mp4: no video stream/);
});

test('a video stream in a codec ffmpeg does not know: UNSUPPORTED_CODEC', async () => {
  await assertRefused(unknownCodecClip(), 'UNSUPPORTED_CODEC', /unknown-codec\.nut: its video codec "a64m" is unknown/);
  // ffmpeg's own wording when it has no decoder, as the classifier meets it in a decode run.
  const report = 'Stream mapping:\n  Stream #0:0 -> #0:0 (? (?) -> rawvideo (native))\nDecoder (codec none) not found for input stream #0:0\n';
  assert.equal(classifyFailure(report).code, 'UNSUPPORTED_CODEC');
});

test('a clip cut at 40 %: decodes what is there, warns about the rest, does not hang', async () => {
  const started = Date.now();
  const { frames, warnings } = await drain(truncatedClip());
  assert.ok(frames.length > 10 && frames.length < 100, `${frames.length} frames`);
  frames.forEach((f, i) => assert.equal(f.index, i));
  assert.ok(warnings.some((w) => w.includes(`decoded ${frames.length} of the 100 frames`)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /ffmpeg reported \d+ problem line\(s\).*(partial file|Invalid|corrupt)/.test(w)), warnings.join('\n'));
  assert.ok(Date.now() - started < 10_000);
});

test('a clip whose index is at the end, cut short: CORRUPT', async () => {
  const whole = makeWithFfmpeg('index-at-end.mp4', ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10:duration=2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
  const bytes = readFileSync(whole);
  const cut = fixtureFile(`cut-${bytes.length}-index-at-end.mp4`, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
  await assertRefused(cut, 'CORRUPT', /index-at-end\.mp4: the file is damaged or incomplete \(ffmpeg says "moov atom not found"\)/);
});

test('a Matroska clip cut inside its first frame: CORRUPT (not an unsupported codec), whatever the ffmpeg', async () => {
  const whole = makeWithFfmpeg('whole.mkv', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=10:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']);
  const cut = fixtureFile(`cut-800-${basename(whole)}`, readFileSync(whole).subarray(0, 800));
  await assert.rejects(drain(cut), (e: unknown) => {
    assert.ok(e instanceof VideoError);
    assert.equal(e.code, 'CORRUPT', e.message);
    assert.match(e.message, /^cut-800-\w+-whole\.mkv: the file is damaged or incomplete/);
    return true;
  });
});

test('damage in the middle: the stream ends, with ffmpeg\'s complaints in the warnings', async () => {
  const bytes = Buffer.from(readFileSync(movingClip()));
  for (let i = Math.floor(bytes.length * 0.45); i < bytes.length * 0.55; i++) bytes[i] = (i * 131) & 255;
  const { frames, warnings } = await drain(fixtureFile(`scrambled-${bytes.length}.mp4`, bytes));
  assert.ok(frames.length > 40, `${frames.length} frames`);
  assert.ok(warnings.some((w) => /ffmpeg reported \d+ problem line\(s\)/.test(w) && /h264/.test(w)), warnings.join('\n'));
});

test('when ffmpeg itself fails mid-job (file replaced after probing), the error carries its lines', async () => {
  const info = await probeVideo(movingClip());
  const text = fixtureFile('replaced.mp4', 'this used to be a video\n'.repeat(40));
  await assert.rejects(drain(text, { width: 64, info }), (e: unknown) => {
    assert.ok(e instanceof VideoError);
    assert.equal(e.code, 'NOT_A_VIDEO');
    assert.ok(e.details.some((l) => /moov atom not found|Invalid data/.test(l)), e.details.join('\n'));
    return true;
  });
  await assert.rejects(extractFrames(text, [{ frame: 1, time: 0.04 }], { format: 'png', outDir: tmpdir(), info }), { name: 'VideoError' });
});
