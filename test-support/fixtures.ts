import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { locateFfmpeg } from '../main/services/video/locate-ffmpeg';

/** Folder the suite's generated fixtures are cached in (per machine; safe to delete). */
export const FIXTURE_DIR = join(tmpdir(), 'your-cartoon-fixtures');

/** ../shared next to the repository, when this checkout has it (CI and developers' machines do). */
export const SHARED_DIR = resolve(__dirname, '..', '..', 'shared');
export const SHARED_VIDEOS = join(SHARED_DIR, 'videos');
export const SHARED_MODELS = join(SHARED_DIR, 'models');

export function sharedVideo(name: string): string | undefined {
  const p = join(SHARED_VIDEOS, name);
  return existsSync(p) ? p : undefined;
}

export function sharedModel(name: string): string | undefined {
  const p = join(SHARED_MODELS, name);
  return existsSync(p) ? p : undefined;
}

/**
 * Makes (once, then cached by its arguments) a file with ffmpeg, e.g. a lavfi clip with known cuts.
 * `args` are everything between `ffmpeg -y` and the output path. The cache is keyed by the arguments, so the same
 * arguments must make the same pixels: lavfi's `life` and `cellauto` fill their first grid from a seed drawn anew
 * on every run unless given `seed=N` (a fixture that passed on one machine failed on the next).
 */
export function makeWithFfmpeg(fileName: string, args: string[]): string {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const key = createHash('sha1').update(JSON.stringify(args)).digest('hex').slice(0, 10);
  const out = join(FIXTURE_DIR, `${key}-${fileName}`);
  if (existsSync(out)) return out;
  const tmp = join(FIXTURE_DIR, `${key}.partial-${process.pid}-${fileName}`);
  const r = spawnSync(locateFfmpeg().path, ['-y', '-hide_banner', '-loglevel', 'error', ...args, tmp], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`fixture ${fileName}: ffmpeg failed: ${r.stderr}`);
  renameSync(tmp, out);
  return out;
}
