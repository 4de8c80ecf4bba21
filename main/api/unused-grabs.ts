import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keyframeThumbFile } from '../../app/keyframes';
import type { Project } from '../../app/project';

/**
 * A grab this recent may still be wanted: the preview another window shows right now (its Add not pressed yet), or a
 * frame added and then undone in a window still open, whose Redo would bring it back. A day covers a working session.
 */
export const GRAB_GRACE_MS = 24 * 3600_000;

/** The name grabFrame gives a frame taken by hand (manual-000075.jpg). */
const GRAB = /^manual-\d+\.jpg$/;
/** project.json and the copies set aside beside it (project.json.damaged-TIME, .replaced-TIME), kept for the user. */
const PROJECT_FILES = /^project\.json(?:\..+)?$/;

/**
 * Removes the pictures taken for "add a frame by hand" that were previewed but never added: the frames/manual-N.jpg
 * (and its thumbnail) no key frame of the saved project uses, nor any project.json copy set aside beside it (read as
 * text: a damaged one may not parse), older than GRAB_GRACE_MS. Run when a project is opened. A picture any of them
 * names is never touched. Returns the names removed; a file that cannot be removed is left for the next time.
 */
export async function removeUnusedGrabs(projectDir: string, project: Project, now = Date.now()): Promise<string[]> {
  const framesDir = join(projectDir, 'frames');
  const names = (await readdir(framesDir).catch(() => [] as string[])).filter((n) => GRAB.test(n));
  if (!names.length) return [];
  const used = new Set(project.keyframes.map((k) => k.file));
  const setAside = await Promise.all(
    (await readdir(projectDir).catch(() => [] as string[])).filter((n) => PROJECT_FILES.test(n)).map((n) => readFile(join(projectDir, n), 'utf8').catch(() => '')),
  );
  const removed: string[] = [];
  for (const name of names) {
    if (used.has(name) || setAside.some((text) => text.includes(name))) continue;
    const path = join(framesDir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < GRAB_GRACE_MS) continue;
    if (await rm(path).then(() => true, () => false)) {
      removed.push(name);
      await rm(join(framesDir, keyframeThumbFile(name)), { force: true }).catch(() => undefined);
    }
  }
  return removed;
}
