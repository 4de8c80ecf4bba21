/**
 * Makes the built-in sample video from ffmpeg's own lavfi sources, so the demo
 * needs nothing downloaded: 5 shots with hard cuts, a fade through black, a cross-dissolve, a camera flash and
 * a pan, 1280×720, 25 fps, 20.8 s. Deterministic; made only when missing. The CLI's `sample` command and the demo use it, so
 * a new user sees the whole pipeline work without a video of their own.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { locateFfmpeg } from './locate-ffmpeg';
import { runTool } from './run-tool';

const W = 1280;
const H = 720;
const FPS = 25;

/** Each shot is a lavfi source normalised to the same size, rate, pixel format and time base. */
const shots = [
  `mandelbrot=size=640x360:rate=${FPS}:maxiter=256:start_scale=1.5:end_scale=0.3,scale=${W}:${H},trim=duration=4`,
  `testsrc2=size=${W}x${H}:rate=${FPS},hue=s=0.6,trim=duration=4`,
  // 7.8 s: shot 3 dissolves in over it from 3.8 s to 5.0 s and covers the rest.
  `life=size=320x180:rate=${FPS}:mold=10:ratio=0.2:seed=1:death_color=#1d3557:life_color=#f1c40f,scale=${W}:${H}:flags=neighbor,trim=duration=7.8`,
  `smptehdbars=size=${W}x${H}:rate=${FPS},trim=duration=4`,
  // A pan across a wide, detailed picture: the camera moves, the shot stays one.
  `mandelbrot=size=1280x360:rate=${FPS}:maxiter=256:start_scale=0.6:end_scale=0.6,scale=2560:${H},crop=${W}:${H}:'min(t*300,1280)':0,trim=duration=5`,
];

/** Shot starts (frame indices) by construction, for checking the detector on the sample: cut, fade, dissolve, cut. */
export const SAMPLE_SHOT_STARTS = { cut: [4 * FPS, 15.8 * FPS], fadeThroughBlack: [7.4 * FPS, 8.6 * FPS], dissolve: [11.8 * FPS, 13 * FPS] };

export function sampleFilterGraph(): string {
  const parts = shots.map((src, i) => `${src},format=yuv420p,settb=1/${FPS},setpts=PTS-STARTPTS[s${i}]`);
  return [
    ...parts,
    // A camera flash in the middle of shot 0 (three over-exposed frames): not a cut.
    `[s0]eq=brightness=0.6:enable='between(n,50,52)'[s0f]`,
    // Shot 1 → 2: fade out then in through black.
    `[s1]fade=t=out:st=3.4:d=0.6[s1f]`,
    `[s2]fade=t=in:st=0:d=0.6[s2f]`,
    // Shot 2 → 3: a 1.2 s cross-dissolve.
    `[s3]format=yuva420p,fade=t=in:st=0:d=1.2:alpha=1,setpts=PTS+3.8/TB[s3a]`,
    `[s2f][s3a]overlay=eof_action=pass,format=yuv420p[s23]`,
    // Shot 3 → 4: a hard cut.
    `[s0f][s1f][s23][s4]concat=n=4:v=1:a=0[v]`,
  ].join(';');
}

function sampleArgs(tmp: string): string[] {
  return ['-y', '-hide_banner', '-loglevel', 'error', '-filter_complex', sampleFilterGraph(), '-map', '[v]', '-r', String(FPS),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', tmp];
}

/**
 * A partial file of its own for each making: two processes (or two requests of one server) making the sample at once
 * must not write the same partial file, nor rename each other's away.
 */
function partialPath(path: string): string {
  return `${path}.partial-${process.pid}-${randomUUID().slice(0, 8)}.mp4`;
}

export function makeSampleVideo(path: string): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = partialPath(path);
  try {
    const r = spawnSync(locateFfmpeg().path, sampleArgs(tmp), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`could not make the sample video: ${r.stderr}`);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  return path;
}

/** makeSampleVideo without blocking the event loop (a server keeps answering meanwhile); cancellable. */
export async function makeSampleVideoAsync(path: string, signal?: AbortSignal): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = partialPath(path);
  try {
    const r = await runTool(locateFfmpeg().path, sampleArgs(tmp), { signal });
    if (r.code !== 0) throw new Error(`could not make the sample video: ${r.stderr}`);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  return path;
}
