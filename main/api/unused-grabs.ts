import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../../app/project';

/** A grab this recent may be the preview another window shows right now (its Add not pressed yet): it stays. */
export const GRAB_GRACE_MS = 10 * 60_000;

/** The name grabFrame gives a frame taken by hand (manual-000075.jpg). */
const GRAB = /^manual-\d+\.jpg$/;

/**
 * Removes the pictures taken for "add a frame by hand" that were previewed but never added: the frames/manual-N.jpg
 * no key frame of the saved project uses, older than GRAB_GRACE_MS. Run when a project is opened (the undo history
 * of an earlier session, which could have added one again, is gone by then). A picture the project uses is never
 * touched. Returns the names removed; a file that cannot be removed is left for the next time.
 */
export async function removeUnusedGrabs(projectDir: string, project: Project, now = Date.now()): Promise<string[]> {
  const framesDir = join(projectDir, 'frames');
  const used = new Set(project.keyframes.map((k) => k.file));
  const names = await readdir(framesDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!GRAB.test(name) || used.has(name)) continue;
    const path = join(framesDir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < GRAB_GRACE_MS) continue;
    if (await rm(path).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}
