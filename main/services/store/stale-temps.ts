import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isLiveStage, recoverStage } from './staged-files';

/** `.NAME.PID-HEX.tmp` (tempPathBeside), `.staging-PID-XXXXXX` (StagedFiles). */
const TEMP_FILE = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;
const STAGING = /^\.staging-(\d+)-/;
/** Older than this, a temporary file is stale even if a process with its pid runs (the pid was reused). */
const MAX_AGE_MS = 24 * 3600 * 1000;
/**
 * What builds before 0.1.1 left beside a project's filmstrip after a crash: `filmstrip.partial-HEX` (being written) and
 * `filmstrip.old-HEX` (being swapped out). They carry no pid: one untouched for an hour is stale (such a build was
 * writing its partial folder a frame sheet at a time).
 */
const LEGACY_FILMSTRIP = /^filmstrip\.(?:partial|old)-[0-9a-f]{8}$/;
const LEGACY_MAX_AGE_MS = 3600 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a crashed or killed run left in `dir`: temporary files and staging folders whose process is gone
 * (or that are a day old). A staging folder whose swap had begun is finished first (recoverStage: its journal rolled
 * forward or back), so `dir` holds the whole previous set or the whole new one. Never touches anything else; a
 * folder that does not exist or cannot be read is skipped. Returns the names removed. `legacyFilmstrip` (a project's
 * own folder only, never a folder the user picked): also the filmstrip folders of earlier builds (LEGACY_FILMSTRIP).
 */
export async function cleanStaleTemps(dir: string, opts: { legacyFilmstrip?: boolean } = {}): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const staging = STAGING.exec(name);
    const m = TEMP_FILE.exec(name) ?? staging;
    const legacy = opts.legacyFilmstrip === true && LEGACY_FILMSTRIP.test(name);
    if (!m && !legacy) continue;
    const path = join(dir, name);
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    // A staging folder with this process's pid is kept exactly while this process works in it, however long; one it
    // is not using was left by an earlier process that had the same pid.
    const pid = m ? Number(m[1]) : 0;
    const keep = !m ? age <= LEGACY_MAX_AGE_MS : staging && pid === process.pid ? isLiveStage(path) : alive(pid) && age <= MAX_AGE_MS;
    if (keep) continue;
    try {
      if (staging) await recoverStage(dir, path);
      else await rm(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to fight over (permissions): leave it.
    }
  }
  return removed;
}
