import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VideoInfo } from '../../../app/video';
import { makeWithFfmpeg, sharedVideo } from '../../../test-support/fixtures';
import { locateFfmpeg, locateFfprobe, resetFfmpegLocator } from './locate-ffmpeg';
import { probeVideo } from './probe';
import { parseFfmpegInputReport } from './probe-ffmpeg-report';
import { parseFfprobeJson } from './probe-ffprobe';
import { anamorphicClip, audioOnlyClip, rotatedClip, vfrClip } from './video-fixtures';
import { runTool } from './run-tool';
import { streamFrames } from './stream-frames';

/** Probes with ffprobe hidden, so the `ffmpeg -i` report parser does the work. */
async function probeWithoutFfprobe(path: string): Promise<VideoInfo> {
  const saved = process.env.FFPROBE_PATH;
  process.env.FFPROBE_PATH = '/nonexistent/ffprobe';
  resetFfmpegLocator();
  try {
    assert.equal(locateFfprobe(), null);
    return await probeVideo(path);
  } finally {
    if (saved === undefined) delete process.env.FFPROBE_PATH;
    else process.env.FFPROBE_PATH = saved;
    resetFfmpegLocator();
  }
}

test('shared clips: sizes, rates, frame counts, start times and streams as the README lists them', async (t) => {
  const counter = sharedVideo('counter.mp4');
  if (!counter) return t.skip('../shared/videos not present');
  const c = await probeVideo(counter);
  assert.equal(c.container, 'mov,mp4,m4a,3gp,3g2,mj2');
  assert.deepEqual([c.codec, c.codedWidth, c.codedHeight, c.width, c.height, c.fps, c.frameCount], ['h264', 1920, 1080, 1920, 1080, 10, 30]);
  assert.deepEqual([c.rotation, c.sampleAspectRatio, c.variableFrameRate, c.frameCountIsEstimate, c.hasAudio], [0, 1, false, false, false]);
  assert.equal(c.duration, 3);

  const d = await probeVideo(sharedVideo('delayed_start.mp4') as string);
  assert.deepEqual([d.codec, d.width, d.height, d.fps, d.frameCount, d.startTime], ['mpeg4', 480, 320, 25, 24, 1.075]);
  assert.ok(Math.abs(d.duration - 0.96) < 0.01, `duration ${d.duration}`);

  const m = await probeVideo(sharedVideo('issue-236-split-copy.mkv') as string);
  assert.equal(m.container, 'matroska,webm');
  assert.deepEqual([m.codec, m.width, m.height, m.frameCount, m.hasAudio], ['h264', 1920, 1080, 48, true]);
  assert.equal(m.fps, 24000 / 1001);
  assert.ok(Math.abs(m.duration - 2.002) < 0.02, `duration ${m.duration}`);

  const v = await probeVideo(sharedVideo('testvideo.mp4') as string);
  assert.deepEqual([v.width, v.height, v.frameCount, v.fps], [1280, 720, 720, 30000 / 1001]);
});

test('rotate metadata: display size is swapped and the rotation is a quarter turn', async () => {
  const { plain, rotated } = rotatedClip();
  assert.equal((await probeVideo(plain)).rotation, 0);
  const r = await probeVideo(rotated);
  assert.ok(r.rotation === 90 || r.rotation === 270, `rotation ${r.rotation}`);
  assert.deepEqual([r.codedWidth, r.codedHeight, r.width, r.height], [320, 180, 180, 320]);
});

test('non-square pixels: SAR 16:11 widens the display size', async () => {
  const a = await probeVideo(anamorphicClip());
  assert.equal(a.sampleAspectRatio, 16 / 11);
  assert.deepEqual([a.codedWidth, a.codedHeight, a.width, a.height], [320, 180, 465, 180]);
});

test('variable frame rate is flagged when the average rate differs from the nominal one', async () => {
  const v = await probeVideo(vfrClip());
  assert.equal(v.variableFrameRate, true);
  assert.ok(v.averageFps < v.fps * 0.6, `average ${v.averageFps} vs nominal ${v.fps}`);
  assert.ok(Math.abs(v.startTime - 0.05) < 1e-6, `start ${v.startTime}`);
});

test('without ffprobe, the ffmpeg -i report gives the same geometry, codec, rate and streams', async (t) => {
  const clips = [rotatedClip().rotated, anamorphicClip(), vfrClip(), sharedVideo('issue-236-split-copy.mkv'), sharedVideo('counter.mp4')];
  for (const clip of clips) {
    if (!clip) continue;
    const a = await probeVideo(clip);
    const b = await probeWithoutFfprobe(clip);
    const pick = (i: VideoInfo) => [i.container, i.codec, i.codedWidth, i.codedHeight, i.width, i.height, i.rotation, i.hasAudio];
    assert.deepEqual(pick(b), pick(a), clip);
    assert.ok(Math.abs(b.sampleAspectRatio - a.sampleAspectRatio) < 1e-9, clip);
    assert.ok(Math.abs(b.fps - a.fps) / a.fps < 0.001, `${clip}: fps ${b.fps} vs ${a.fps}`);
    assert.ok(Math.abs(b.averageFps - a.averageFps) / a.averageFps < 0.01, `${clip}: average ${b.averageFps} vs ${a.averageFps}`);
    assert.equal(b.variableFrameRate, a.variableFrameRate, clip);
    assert.ok(Math.abs(b.frameCount - a.frameCount) <= Math.max(2, a.frameCount * 0.05), `${clip}: ${b.frameCount} vs ${a.frameCount}`);
  }
  if (!sharedVideo('counter.mp4')) t.diagnostic('shared clips absent: compared lavfi fixtures only');
});

test('the ffmpeg -i fallback reports an audio-only file as having no video stream', async () => {
  await assert.rejects(probeWithoutFfprobe(audioOnlyClip()), { name: 'VideoError', code: 'NO_VIDEO_STREAM' });
});

test('the fallback parser reads a modern (ffmpeg 6/7) report line too', () => {
  const report = [
    "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'phone.mp4':",
    '  Duration: 00:00:10.01, start: 0.000000, bitrate: 17000 kb/s',
    '  Stream #0:0[0x1](eng): Video: hevc (Main) (hvc1 / 0x31637668), yuv420p(tv, bt709), 1920x1080, 16000 kb/s, 29.97 fps, 29.97 tbr, 600 tbn (default)',
    '      Metadata:',
    '        handler_name    : Core Media Video',
    '      Side data:',
    '        displaymatrix: rotation of -90.00 degrees',
    '  Stream #0:1[0x2](eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 256 kb/s (default)',
    'At least one output file must be specified',
  ].join('\n');
  const i = parseFfmpegInputReport(report, 'phone.mp4');
  assert.deepEqual([i.codec, i.codedWidth, i.codedHeight, i.width, i.height, i.rotation, i.hasAudio], ['hevc', 1920, 1080, 1080, 1920, 90, true]);
  assert.equal(i.fps, 30000 / 1001);
  assert.equal(i.frameCount, Math.round(10.01 * (30000 / 1001)));
  assert.equal(i.frameCountIsEstimate, true);
  assert.deepEqual([i.pixelFormat, i.colorSpace, i.colorRange], ['yuv420p', 'bt709', 'tv']);
});

test('the pixel format and colour tags, from ffprobe and from the report, tagged and untagged alike', async () => {
  const line = (video: string) =>
    parseFfmpegInputReport(
      ["Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.mp4':", '  Duration: 00:00:01.00, start: 0.000000, bitrate: 1 kb/s', `    Stream #0:0(und): Video: ${video}`].join('\n'),
      'a.mp4',
    );
  const colour = (i: ReturnType<typeof line>) => [i.pixelFormat, i.colorSpace, i.colorRange];
  assert.deepEqual(colour(line('h264 (High) (avc1 / 0x31637661), yuv420p, 320x180 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 12800 tbn')), ['yuv420p', undefined, undefined]);
  assert.deepEqual(colour(line('h264 (High) (avc1 / 0x31637661), yuvj420p(pc), 320x180, 25 fps, 25 tbr')), ['yuvj420p', undefined, 'pc']);
  assert.deepEqual(colour(line('h264 (High 10), yuv420p10le(tv, bt2020nc/bt2020/arib-std-b67, progressive), 3840x2160, 50 fps')), ['yuv420p10le', 'bt2020nc', 'tv']);
  assert.deepEqual(colour(line('rawvideo (I420 / 0x30323449), yuv420p, 64x64, 25 fps')), ['yuv420p', undefined, undefined]);
  const json = parseFfprobeJson({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 64, height: 64, pix_fmt: 'yuv420p', color_space: 'bt709', color_range: 'tv' }] }, 'b.mp4');
  assert.deepEqual([json.pixelFormat, json.colorSpace, json.colorRange], ['yuv420p', 'bt709', 'tv']);
  const bare = parseFfprobeJson({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 64, height: 64, pix_fmt: 'yuv420p', color_space: 'unknown' }] }, 'c.mp4');
  assert.deepEqual([bare.pixelFormat, bare.colorSpace, bare.colorRange], ['yuv420p', undefined, undefined]);
  // A real tagged file, through whichever prober is installed.
  const tagged = makeWithFfmpeg('bt709-tagged.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10:duration=0.5', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-colorspace', 'bt709', '-color_range', 'tv']);
  const probed = await probeVideo(tagged);
  assert.deepEqual([probed.pixelFormat, probed.colorSpace, probed.colorRange], ['yuv420p', 'bt709', 'tv']);
});

test('the rotation sign: a display matrix of -90 (ffprobe 5+) and a rotate tag of 90 both mean 90° clockwise', () => {
  const base = { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, r_frame_rate: '30/1', avg_frame_rate: '30/1' };
  const matrix = parseFfprobeJson({ streams: [{ ...base, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }] }, 'a.mp4');
  const tagged = parseFfprobeJson({ streams: [{ ...base, tags: { rotate: '90' } }] }, 'b.mp4');
  assert.equal(matrix.rotation, 90);
  assert.equal(tagged.rotation, 90);
  // Cover art is a "video" stream too, but not a video.
  const cover = { ...base, codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
  assert.throws(() => parseFfprobeJson({ streams: [{ codec_type: 'audio' }, cover] }, 'song.m4a'), { code: 'NO_VIDEO_STREAM' });
});

test('ffprobe -count_frames agrees with the frame count probeVideo reports for the lavfi clips', async (t) => {
  const ffprobe = locateFfprobe();
  if (!ffprobe) return t.skip('no ffprobe installed');
  for (const clip of [anamorphicClip(), rotatedClip().rotated]) {
    const r = await runTool(ffprobe.path, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'json', clip]);
    const counted = Number((JSON.parse(r.stdout.toString()) as { streams: Array<{ nb_read_frames: string }> }).streams[0].nb_read_frames);
    assert.equal((await probeVideo(clip)).frameCount, counted, clip);
  }
  assert.ok(locateFfmpeg().path);
});

test('an MPEG-TS clip probes and decodes even where ffprobe crashes on it (ffmpeg\'s report is used then)', async () => {
  // @ffprobe-installer's static ffprobe segfaults on every MPEG-TS file; camera and broadcast footage is often .ts/.mts.
  const ts = makeWithFfmpeg('clip.ts', ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mpegts']);
  const info = await probeVideo(ts);
  assert.deepEqual([info.container, info.codec, info.width, info.height, info.fps], ['mpegts', 'h264', 160, 90, 10]);
  assert.ok(Math.abs(info.frameCount - 20) <= 1, `frameCount ${info.frameCount}`);
  let frames = 0;
  for await (const f of streamFrames(ts, { width: 32, info })) assert.equal(f.index, frames++);
  assert.equal(frames, 20);
});
