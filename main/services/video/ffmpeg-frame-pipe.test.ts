import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { FfmpegFramePipe } from './ffmpeg-frame-pipe';
import { bufferFrames } from './frame-source';
import { locateFfmpeg } from './locate-ffmpeg';
import { inputArg } from './run-tool';
import { movingClip } from './video-fixtures';

function openPipe(): FfmpegFramePipe {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', '-i', inputArg(movingClip())];
  args.push('-vf', 'scale=160:90,format=rgb24,showinfo', '-vsync', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  return new FfmpegFramePipe(locateFfmpeg().path, args, bufferFrames(160 * 90 * 3), undefined, 60_000);
}

test('backpressure: while nobody takes frames, ffmpeg is held back (a few frames buffered, not the whole clip)', async () => {
  const pipe = openPipe();
  try {
    await sleep(600); // ample time for ffmpeg to decode all 100 tiny frames if it were not paused
    assert.equal(pipe.ended, false);
    // The pause waits for each frame's showinfo time (stderr), which lags stdout on a busy machine: a few frames more
    // than HIGH_WATER may arrive first (7 seen under load). The whole clip would be 100.
    assert.ok(pipe.frames.length >= 1 && pipe.frames.length <= 16, `${pipe.frames.length} frames buffered`);
    let taken = 0;
    const times: number[] = [];
    for (;;) {
      if (pipe.ready()) {
        times.push(pipe.take().time ?? NaN);
        taken++;
      } else if (pipe.ended) break;
      else await pipe.waitForChange();
    }
    assert.equal(taken, 100);
    assert.equal(pipe.exitCode, 0);
    times.forEach((t, i) => assert.ok(Math.abs(t - i / 25) < 1e-6, `frame ${i} at ${t}`));
  } finally {
    pipe.stop();
  }
});
