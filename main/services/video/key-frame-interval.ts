import { locateFfprobe } from './locate-ffmpeg';
import { inputArg, runTool } from './run-tool';

/** How much of the video's start is read (demuxed only, no decoding: about 20 ms). */
const LOOK_SECONDS = 12;

/**
 * The spacing of the stream's key frames (its GOP) in seconds, from the packets of its first LOOK_SECONDS: the
 * median gap between key packets, or at least LOOK_SECONDS when only one is there. Undefined when it cannot be
 * told (no ffprobe, a file ffprobe fails on): the caller then assumes nothing about it.
 */
export async function keyFrameInterval(path: string, signal?: AbortSignal): Promise<number | undefined> {
  const ffprobe = locateFfprobe();
  if (!ffprobe) return undefined;
  const args = ['-v', 'error', '-select_streams', 'V:0', '-read_intervals', `%+${LOOK_SECONDS}`, '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', inputArg(path)];
  try {
    const r = await runTool(ffprobe.path, args, { signal, timeoutMs: 10_000 });
    if (r.code !== 0) return undefined;
    return intervalOfPackets(r.stdout.toString('utf8'));
  } catch (err) {
    if ((err as Error).name === 'CancelledError') throw err;
    return undefined;
  }
}

/** "0.000000,K__\n0.040000,___\n…" → the median gap between key packets, LOOK_SECONDS when there is one. */
export function intervalOfPackets(csv: string): number | undefined {
  const keys = csv
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .filter((f) => f.length >= 2 && f[1].startsWith('K') && Number.isFinite(Number(f[0])) && f[0] !== '')
    .map((f) => Number(f[0]))
    .sort((a, b) => a - b);
  if (!keys.length) return undefined;
  if (keys.length === 1) return LOOK_SECONDS;
  const gaps = keys.slice(1).map((t, i) => t - keys[i]).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}
