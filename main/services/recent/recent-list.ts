import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { dataDir, writeFileAtomic } from '../store';

/** One project the user worked on: its folder and when it was last opened or analysed. */
export interface RecentEntry {
  projectDir: string;
  openedAt: string;
}

/** Enough for any start screen; older entries fall off the end (their folders stay). */
export const MAX_RECENT = 30;

/** <data>/recent-projects.json: the start screen's list, newest first. */
export function recentListFile(): string {
  return join(dataDir(), 'recent-projects.json');
}

/**
 * The list as saved; an absent or unreadable file is an empty list (it is only an index of folders that hold the
 * real work, so losing it loses nothing), and malformed entries are skipped.
 */
export async function readRecentList(file = recentListFile()): Promise<RecentEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  const list = (json as { projects?: unknown })?.projects;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is RecentEntry => !!e && typeof e.projectDir === 'string' && typeof e.openedAt === 'string' && !Number.isNaN(Date.parse(e.openedAt)),
  );
}

// Writes one at a time: two quick opens must not interleave their read-modify-write.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function writeRecentList(entries: RecentEntry[], file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ schema: 1, projects: entries }, null, 2)}\n`);
}

/** Puts a project at the top of the list (opened or analysed just now). */
export function rememberProject(projectDir: string, now = new Date(), file = recentListFile()): Promise<RecentEntry[]> {
  const dir = resolve(projectDir);
  return serial(async () => {
    const rest = (await readRecentList(file)).filter((e) => resolve(e.projectDir) !== dir);
    const entries = [{ projectDir: dir, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
    await writeRecentList(entries, file);
    return entries;
  });
}

/** Takes a project off the list; its folder is left as it is. */
export function forgetProject(projectDir: string, file = recentListFile()): Promise<RecentEntry[]> {
  const dir = resolve(projectDir);
  return serial(async () => {
    const entries = (await readRecentList(file)).filter((e) => resolve(e.projectDir) !== dir);
    await writeRecentList(entries, file);
    return entries;
  });
}
