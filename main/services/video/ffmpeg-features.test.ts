import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { decodableCodecs, ffmpegFeatures, passthroughArgs, showinfoHasChecksumOption } from './ffmpeg-features';
import { locateFfmpeg } from './locate-ffmpeg';

test('frame-rate passthrough: -fps_mode where the build has it (5.1+), -vsync on older builds', async () => {
  const modern = 'Per-stream options:\n-fps_mode[:<stream_spec>] <mode>  set framerate mode for matching video streams\n-vsync  <strategy>  set video sync method globally; deprecated, use -fps_mode\n';
  const old = '-vsync              video sync method\n-frames             set the number of frames to output\n';
  assert.deepEqual(passthroughArgs(modern), ['-fps_mode', 'passthrough']);
  assert.deepEqual(passthroughArgs(old), ['-vsync', 'passthrough']);
  // The located build: whatever it is, the detected flag must be one it accepts.
  const { passthrough } = await ffmpegFeatures();
  const r = spawnSync(locateFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=32x32:duration=0.2', ...passthrough, '-f', 'null', '-']);
  assert.equal(r.status, 0, r.stderr?.toString());
});

test('decodable codecs are read from ffmpeg -codecs (D flag), encoder-only codecs excluded', async () => {
  const sample = [
    ' DEV.LS h264                 H.264 / AVC (decoders: h264 h264_v4l2m2m ) (encoders: libx264 )',
    ' .EVIL. a64_multi            Multicolor charset for Commodore 64 (encoders: a64multi )',
    ' D.V.L. 4xm                  4X Movie',
    ' D..... = Decoding supported',
  ].join('\n');
  assert.deepEqual([...decodableCodecs(sample)].sort(), ['4xm', 'h264']);
  const { decodableCodecs: here } = await ffmpegFeatures();
  for (const c of ['h264', 'mpeg4', 'png', 'mjpeg']) assert.ok(here.has(c), c);
  assert.equal(here.has('a64_multi'), false);
});

test('showinfo without checksums where the build has the option; the detected filter runs and reports pts', async () => {
  const modern = 'showinfo AVOptions:\n  checksum          <boolean>    ..FV....... calculate checksums (default true)\n  udu_sei_as_ascii  <boolean>    ..FV....... try to print user data unregistered SEI as ascii character when possible (default false)\n\nshowpalette AVOptions:\n';
  const old = 'showcqt AVOptions:\n  checksum   <boolean> ..FV..... (not showinfo)\n\nshowpalette AVOptions:\n  stats_mode <int> ..FV.....\n';
  assert.equal(showinfoHasChecksumOption(modern), true);
  assert.equal(showinfoHasChecksumOption(modern.replace(/\r?\n/g, '\r\n')), true);
  assert.equal(showinfoHasChecksumOption(old), false, 'another filter\'s checksum option does not count');
  assert.equal(showinfoHasChecksumOption(''), false);
  const { showinfo } = await ffmpegFeatures();
  const args = ['-hide_banner', '-f', 'lavfi', '-i', 'testsrc=size=32x32:rate=10:duration=0.3', '-vf', showinfo, '-f', 'null', '-'];
  const r = spawnSync(locateFfmpeg().path, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stderr.match(/\] n:\s*\d+ pts:\s*\d+ pts_time:/g) ?? []).length, 3, r.stderr);
  if (showinfo.includes('checksum=0')) assert.doesNotMatch(r.stderr, /plane_checksum/);
});
