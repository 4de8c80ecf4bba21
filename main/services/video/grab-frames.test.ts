import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { seekPoint } from './extract-frames';
import { ffmpegFeatures } from './ffmpeg-features';
import { grabFrames } from './grab-frames';
import { probeVideo } from './probe';
import { frameNumberOf, meanAbsDiff, movingClip, numberedClip } from './video-fixtures';
import { yuvColourOf } from './yuv-native';

test('one run gives each window its frame and stops decoding after the last one (not at the end of the video)', async () => {
  const path = numberedClip(); // 20 fps: frame n at n / 20 s
  const at = (n: number) => ({ from: n / 20 - 0.02, to: n / 20 + 0.02 });
  const seen: number[] = [];
  const r = await grabFrames(path, [at(3), at(7), at(8)], {
    width: 160, height: 90,
    onFrame: async (k, f) => void seen.push(k, frameNumberOf(f.data, 160, 90)),
  });
  assert.deepEqual(seen, [0, 3, 1, 7, 2, 8], 'window, frame number: in decoding order');
  assert.deepEqual(r.found, [true, true, true]);
  assert.equal(r.code, 0);
  // Killed once every window had its frame: the sentinel frame after the last window is never even needed.
  assert.ok(r.passedEnd === undefined || r.passedEnd <= 9 / 20 + 1e-6, `decoded up to ${r.passedEnd}`);

  const missing = await grabFrames(path, [at(3), { from: 4.01 / 20, to: 4.02 / 20 }], { width: 160, height: 90 });
  assert.deepEqual(missing.found, [true, false], 'a window between two frames finds nothing');
  assert.ok(missing.passedEnd !== undefined && Math.abs(missing.passedEnd - 5 / 20) < 1e-6, `stopped at the first frame after it (${missing.passedEnd}), not at the end of the video`);
  assert.equal(frameNumberOf(missing.frames[0]!.data, 160, 90), 3);
});

test("a frame that is itself a key frame, sought at its window's end, is decoded alone (at its start, the GOP before it was)", async () => {
  // numberedClip's grey steps make x264 start a GOP every 16 frames: frame 48 (2.4 s) is a key frame.
  const path = numberedClip();
  const info = await probeVideo(path);
  const { showinfo } = await ffmpegFeatures();
  const w = { from: 48 / 20 - 0.02, to: 48 / 20 + 0.02 };
  const decodedFrom = async (seek: number) => {
    let number = -1;
    const r = await grabFrames(path, [w], { width: 160, height: 90, seek: seek - info.startTime, counting: showinfo, onFrame: async (_, f) => void (number = frameNumberOf(f.data, 160, 90)) });
    assert.equal(number, 48, 'the frame asked for, either way');
    return (r.firstDecoded as number) - info.startTime;
  };
  const alone = await decodedFrom(seekPoint(w, true));
  assert.ok(Math.abs(alone - 2.4) < 0.01, `decoding started at ${alone} s`);
  const before = await decodedFrom(w.from);
  assert.ok(before < 2.4 - 0.01, `aimed half a frame early, decoding started at ${before} s (the key frame before)`);
  assert.equal(seekPoint(w, false), w.from, 'any moment: from the moment itself');
});

/** movingClip re-encoded: tagged BT.709, or full range (yuvj420p). */
function colourClip(kind: 'bt709' | 'full'): string {
  const tags = kind === 'bt709' ? ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-pix_fmt', 'yuv420p'] : ['-pix_fmt', 'yuvj420p', '-color_range', 'pc'];
  return makeWithFfmpeg(`moving-${kind}.mp4`, ['-i', movingClip(), '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '10', ...tags]);
}

test("the stream's own 4:2:0 bytes, converted here, give swscale's picture (BT.601, BT.709, full range), kept or handed out", async (t) => {
  for (const path of [movingClip(), colourClip('bt709'), colourClip('full')]) {
    const info = await probeVideo(path);
    const colour = yuvColourOf(info);
    if (!colour) return t.skip('the native kernels are not built: swscale converts every frame');
    const yuv = { pixelFormat: info.pixelFormat as 'yuv420p' | 'yuvj420p', colour };
    const windows = [10, 47].map((n) => ({ from: n / 25 - 0.015, to: n / 25 + 0.015 }));
    const size = { width: 320, height: 180, swsFlags: 'bilinear+accurate_rnd+full_chroma_int' };
    const reference = await grabFrames(path, windows, size);
    const kept = await grabFrames(path, windows, { ...size, yuv });
    const handed: Buffer[] = [];
    await grabFrames(path, windows, { ...size, yuv, onFrame: async (_, f) => void handed.push(Buffer.from(f.data)) });
    for (const k of [0, 1]) {
      const want = reference.frames[k]!.data;
      for (const [how, got] of [['kept', kept.frames[k]!.data], ['handed out', handed[k]]] as const) {
        assert.equal(got.length, want.length);
        const d = meanAbsDiff(got, want);
        assert.ok(d < 0.25, `${basename(path)} (${info.pixelFormat}, ${info.colorSpace ?? 'untagged'}), frame ${k}, ${how}: differs from swscale's by ${d.toFixed(2)} on average`);
      }
    }
    // The two frames differ: the second is not the first one's buffer again.
    assert.ok(meanAbsDiff(handed[0], handed[1]) > 5);
  }
});
