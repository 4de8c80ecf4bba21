import { readdirSync, readFileSync } from 'node:fs';
import type { ComicService } from './comic-api';
import type { JobEvent } from '../../app/api';
import { makeWithFfmpeg } from '../../test-support/fixtures';

/** Three 2 s shots with hard cuts at frames 50 and 100 (testsrc2 | smptebars | mandelbrot), 320x240, 25 fps. */
export function threeShotClip(): string {
  const src = (s: string) => ['-f', 'lavfi', '-t', '2', '-i', `${s}=size=320x240:rate=25`];
  return makeWithFfmpeg('api-three-shots.mp4', [
    ...src('testsrc2'),
    ...src('smptebars'),
    ...src('mandelbrot'),
    '-filter_complex', '[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]',
    '-map', '[v]', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '25',
  ]);
}

/** Every event of one job until it ends (done, failed or cancelled). */
export function eventsUntilEnd(api: ComicService, onEvent?: (e: JobEvent) => void) {
  const seen: JobEvent[] = [];
  let jobId: string | undefined;
  const ended = new Promise<JobEvent[]>((done) => {
    const stop = api.onJobEvent((e) => {
      seen.push(e);
      onEvent?.(e);
      if (e.type !== 'progress' && (jobId === undefined || e.job === jobId)) {
        stop();
        done(seen.filter((x) => x.job === e.job));
      }
    });
  });
  return { ended, forJob: (id: string) => (jobId = id) };
}

/**
 * ffmpeg processes still alive under this process after up to `waitMs` (a SIGKILLed child is gone once Node reaps
 * it, a moment after the job has already settled). Linux /proc; an empty list elsewhere.
 */
export async function ffmpegChildrenAfter(waitMs: number): Promise<number[]> {
  const until = Date.now() + waitMs;
  let left = ffmpegChildren();
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    left = ffmpegChildren();
  }
  return left;
}

function ffmpegChildren(): number[] {
  if (process.platform !== 'linux') return [];
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && comm.includes('ffmpeg')) out.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}
