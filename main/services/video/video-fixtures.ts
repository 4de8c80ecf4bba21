/**
 * Small lavfi clips for the video service's tests, made once and cached (test-support/fixtures.ts).
 * Kept tiny (160x90..320x180, a few seconds) so the whole folder's tests stay fast.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FIXTURE_DIR, makeWithFfmpeg } from '../../../test-support/fixtures';
import { locateFfmpeg } from './locate-ffmpeg';

const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

/** testsrc2: its content moves every frame, so neighbouring frames differ clearly. 25 fps, 4 s, 100 frames. */
export function movingClip(): string {
  const src = ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=4'];
  return makeWithFfmpeg('moving.mp4', [...src, ...x264, '-g', '25', '-movflags', '+faststart']);
}

/** The frame times the VFR clip's setpts expression gives frame n (seconds, absolute). */
export function vfrTime(n: number): number {
  return n * 0.1 + (n % 3 === 0 ? 0.05 : 0) + (n > 20 ? 0.5 : 0);
}

/** Irregular timestamps (gaps of 0.05..0.6 s) in a 1 ms time base; 40 frames encoded. */
export function vfrClip(): string {
  const setpts = "setpts='(N*0.1+if(eq(mod(N\\,3)\\,0)\\,0.05\\,0)+if(gt(N\\,20)\\,0.5\\,0))/TB'";
  return makeWithFfmpeg('vfr.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=20:duration=2',
    '-vf', `settb=1/1000,${setpts}`, '-vsync', 'passthrough', ...x264, '-g', '5', '-video_track_timescale', '1000',
  ]);
}

/** An upright 320x180 clip and the same stream with rotate metadata (a phone held upright). */
export function rotatedClip(): { plain: string; rotated: string } {
  const plain = makeWithFfmpeg('unrotated.mp4', ['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10:duration=1', ...x264]);
  // ffmpeg ≤ 5 writes the display matrix from a "rotate" tag; ffmpeg 6+ dropped that for -display_rotation.
  let rotated = makeWithFfmpeg('rotated.mp4', ['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90']);
  const report = spawnSync(locateFfmpeg().path, ['-hide_banner', '-i', rotated], { encoding: 'utf8' }).stderr;
  if (!/rotation of|rotate\s*:/.test(report)) {
    rotated = makeWithFfmpeg('rotated-dr.mp4', ['-display_rotation:v:0', '-90', '-i', plain, '-c', 'copy']);
  }
  return { plain, rotated };
}

/** Anamorphic: 320x180 stored, SAR 16:11, shown 465x180. */
export function anamorphicClip(): string {
  return makeWithFfmpeg('sar16-11.mp4', ['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10:duration=1', '-vf', 'setsar=16/11', ...x264]);
}

/** A copy of a clip at a path with spaces and non-ASCII characters. */
export function awkwardlyNamedCopy(source: string): string {
  const dir = join(FIXTURE_DIR, 'dir with spaces ünï');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'vidéo 日本 #1 (copy).mp4');
  if (!existsSync(target)) copyFileSync(source, target);
  return target;
}

/** Audio only: a sine tone in an .m4a. */
export function audioOnlyClip(): string {
  return makeWithFfmpeg('sine.m4a', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac']);
}

/** A video stream whose codec ffmpeg does not know (a Commodore 64 charset codec tag in NUT). */
export function unknownCodecClip(): string {
  return makeWithFfmpeg('unknown-codec.nut', ['-f', 'lavfi', '-i', 'testsrc=size=320x200:rate=10:duration=1', '-c:v', 'a64multi', '-f', 'nut']);
}

/** Writes (once) a file of the given bytes in the fixture folder. */
export function fixtureFile(name: string, bytes: Uint8Array | string): string {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const path = join(FIXTURE_DIR, name);
  if (!existsSync(path)) writeFileSync(path, bytes);
  return path;
}

/** The first 40 % of the moving clip's bytes (its index is at the front, so the start still decodes). */
export function truncatedClip(): string {
  const whole = readFileSync(movingClip());
  return fixtureFile(`truncated-40pct-${basename(movingClip())}`, whole.subarray(0, Math.floor(whole.length * 0.4)));
}

/** Mean absolute difference per byte of two equally sized RGB buffers. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`sizes differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Mean of each channel of an RGB24 buffer. */
export function meanRgb(data: Uint8Array): [number, number, number] {
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) {
    sum[0] += data[i];
    sum[1] += data[i + 1];
    sum[2] += data[i + 2];
  }
  const n = data.length / 3;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/**
 * Each frame shows its own number: the left half's grey is 16 + 14·(n mod 16), the right half's 16 + 14·⌊n / 16⌋
 * (read back with frameNumberOf). 20 fps, 12 s, 240 frames, a key frame every 50 with B-frames between (decode
 * order differs from display order), lossless, so a picture is exactly one frame or visibly not.
 */
export function numberedClip(): string {
  const geq = "geq=lum='if(lt(X\\,W/2)\\,16+14*mod(N\\,16)\\,16+14*floor(N/16))':cb=128:cr=128";
  return makeWithFfmpeg('numbered.mp4', [
    '-f', 'lavfi', '-i', `nullsrc=size=160x90:rate=20:duration=12,format=yuv420p,${geq}`,
    '-c:v', 'libx264', '-preset', 'medium', '-qp', '0', '-g', '50', '-bf', '2', '-pix_fmt', 'yuv420p',
  ]);
}

/** The frame number a numberedClip picture (RGB24, any size) shows, from the middle of each half. */
export function frameNumberOf(data: Uint8Array, width: number, height: number): number {
  const grey = (x0: number) => {
    let sum = 0;
    let n = 0;
    for (let y = Math.floor(height * 0.3); y < height * 0.7; y++) {
      for (let x = Math.floor(x0 + width * 0.1); x < x0 + width * 0.4; x++, n++) sum += data[(y * width + x) * 3 + 1];
    }
    return sum / n;
  };
  // Limited-range luma 16 + 14k expands to full-range RGB 14k · 255/219.
  const step = (14 * 255) / 219;
  return Math.round(grey(0) / step) + 16 * Math.round(grey(width / 2) / step);
}
