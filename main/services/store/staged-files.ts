import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { syncDir, syncFile, writeFileAtomic } from './atomic-file';
import { failpoint } from './failpoints';
import { WriteError } from './fs-words';
import { cleanStaleTemps } from './stale-temps';

/** The prefix of a staging folder: `.staging-PID-XXXXXX` inside the folder it stages for (see cleanStaleTemps). */
export const STAGING_PREFIX = '.staging-';

/**
 * The swap's journal, inside the staging folder. `.commit.json` (written atomically once every new file and every
 * backup is on disk, before the first rename) decides the swap: from then on it is completed, by this process or,
 * after a crash, by the next start (roll forward). `.rollback.json` (the same file renamed, when a rename fails part
 * way) decides the other way: the replaced files are put back. No journal: nothing was replaced yet.
 */
const COMMIT_JOURNAL = '.commit.json';
const ROLLBACK_JOURNAL = '.rollback.json';
/** Hard links (or copies) of the files a swap replaces, for a rollback: `.previous/NAME` in the staging folder. */
const BACKUPS = '.previous';

interface Journal {
  schema: 1;
  /** Staged files (paths relative to the target folder, '/'-separated), and whether each replaced one (backed up). */
  files: Array<{ name: string; previous: boolean }>;
  /** Files of the target folder removed once every new one is in (what the new set no longer has). */
  remove: string[];
}

/** The swap's own files in a staging folder, and a writer's temporary file (writeFileAtomic): never staged files. */
const isInternal = (name: string) => name === COMMIT_JOURNAL || name === ROLLBACK_JOURNAL || name === BACKUPS || /^\..+\.\d+-[0-9a-f]{8}\.tmp$/.test(name);

/** Files under `dir` (relative, '/'-separated), leaving out the swap's own files. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (isInternal(entry.name)) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

const pathIn = (dir: string, name: string) => join(dir, ...name.split('/'));
/** The folders a set of names lands in, deepest first (for their fsyncs). */
const foldersOf = (dir: string, names: string[]) => [...new Set(names.map((n) => dirname(pathIn(dir, n))))].sort((a, b) => b.split(sep).length - a.split(sep).length);

/** Keeps the file at `target` as `backup` (a hard link; a copy where links are not possible); false if none is there. */
async function backUp(target: string, backup: string): Promise<boolean> {
  await mkdir(dirname(backup), { recursive: true });
  try {
    await link(target, backup);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
  }
  try {
    await copyFile(target, backup);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  await syncFile(backup);
  return true;
}

/** Moves every staged file still in the staging folder to its place, then removes what the journal says. */
async function rollForward(targetDir: string, stageDir: string, journal: Journal): Promise<void> {
  for (const { name } of journal.files) {
    const target = pathIn(targetDir, name);
    try {
      failpoint('commit', target);
      await mkdir(dirname(target), { recursive: true });
      await rename(pathIn(stageDir, name), target);
    } catch (err) {
      // ENOENT: moved already (before a crash, or by an earlier recovery).
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(target, err);
    }
  }
  if (journal.files.length) for (const dir of foldersOf(targetDir, journal.files.map((f) => f.name))) await syncDir(dir);
  for (const name of journal.remove) {
    try {
      failpoint('remove', pathIn(targetDir, name));
      await rm(pathIn(targetDir, name), { force: true });
    } catch {
      // What the new set no longer has stays if it cannot be removed: nothing lists it any more.
    }
  }
}

/** Puts back every replaced file from its backup and removes the new files that replaced nothing. */
async function rollBack(targetDir: string, stageDir: string, journal: Journal): Promise<void> {
  for (const { name, previous } of [...journal.files].reverse()) {
    const target = pathIn(targetDir, name);
    failpoint('undo', target);
    if (previous) {
      await rename(pathIn(pathIn(stageDir, BACKUPS), name), target).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err; // put back already
      });
    } else if (!(await stat(pathIn(stageDir, name)).then(() => true, () => false))) {
      // The new file was moved in (it is no longer staged) where there was none: take it away again.
      await rm(target, { force: true });
    }
  }
  for (const dir of foldersOf(targetDir, journal.files.map((f) => f.name))) await syncDir(dir);
}

/** A name relative to the target folder that stays inside it (a journal is read back from disk: trust no path). */
const insideName = (name: unknown) => typeof name === 'string' && !!name && !name.startsWith('/') && !/[\\\0:]/.test(name) && name.split('/').every((p) => p && p !== '.' && p !== '..');

async function readJournal(file: string): Promise<Journal | undefined> {
  try {
    const j = JSON.parse(await readFile(file, 'utf8')) as Journal;
    const sound = j && j.schema === 1 && Array.isArray(j.files) && Array.isArray(j.remove) && j.files.every((f) => f && insideName(f.name)) && j.remove.every(insideName);
    return sound ? j : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finishes what a killed swap into `targetDir` left in its staging folder `stageDir`, so the target holds exactly
 * the whole previous set or the whole new one: a commit journal is rolled forward, a rollback journal back; with
 * neither nothing had been replaced. The staging folder is removed after. Used by cleanStaleTemps.
 */
export async function recoverStage(targetDir: string, stageDir: string): Promise<void> {
  const back = await readJournal(join(stageDir, ROLLBACK_JOURNAL));
  const forward = back ? undefined : await readJournal(join(stageDir, COMMIT_JOURNAL));
  if (back) await rollBack(targetDir, stageDir, back);
  else if (forward) await rollForward(targetDir, stageDir, forward);
  await rm(stageDir, { recursive: true, force: true });
}

/**
 * A set of new files made beside the ones they replace, all swapped in only once every one is complete: a job
 * writes its results into `stage.dir` (with writeFileAtomic or anything else; sub-folders land in the same
 * sub-folders of the target), then `commit()` moves them into the target folder, or `discard()` throws them away.
 * Until commit the previous results are untouched. The swap itself is crash-consistent: a journal written before
 * the first rename lets the next start (cleanStaleTemps) finish a swap a kill interrupted, so the target folder
 * holds the whole previous set or the whole new one, never a mix; a staging folder whose swap had not begun is
 * simply removed.
 */
/**
 * The staging folders this process made and still works in. A folder named with this process's pid but not in here
 * was left by an earlier process that had the same pid (after a crash and a restart, in a container, after a reboot):
 * cleanStaleTemps finishes it like any other dead process's, before a new swap in that folder could be overtaken by it.
 */
const liveStages = new Set<string>();

/** Whether `path` is a staging folder this process is using now. */
export function isLiveStage(path: string): boolean {
  return liveStages.has(resolve(path));
}

export class StagedFiles {
  private constructor(
    readonly targetDir: string,
    readonly dir: string,
  ) {}

  /** A staging folder in `targetDir`, after finishing (or removing) any a killed run left there. */
  static async create(targetDir: string): Promise<StagedFiles> {
    try {
      await mkdir(targetDir, { recursive: true });
      await cleanStaleTemps(targetDir);
      const dir = await mkdtemp(join(targetDir, `${STAGING_PREFIX}${process.pid}-`));
      liveStages.add(resolve(dir));
      return new StagedFiles(targetDir, dir);
    } catch (err) {
      throw new WriteError(targetDir, err);
    }
  }

  /** Where to write the new file `name` (a name, or a path relative to the target folder with '/'). */
  path(name: string): string {
    return pathIn(this.dir, name);
  }

  /**
   * Moves every staged file into the target folder (replacing same-named ones), then removes `remove` (names in the
   * target folder the new set no longer has), and returns the staged names. A failure part way puts back what it
   * had replaced, so the target folder is as it was before; a kill at any moment is finished by the next start.
   */
  async commit(opts: { remove?: string[] } = {}): Promise<string[]> {
    const names = await listFiles(this.dir);
    const journal: Journal = { schema: 1, files: [], remove: (opts.remove ?? []).filter((n) => !names.includes(n)) };
    const commitFile = join(this.dir, COMMIT_JOURNAL);
    try {
      // Every new file and every backup is on disk before the journal says "swap": a roll forward after a power cut
      // finds them whole.
      for (const name of names) {
        await syncFile(this.path(name));
        journal.files.push({ name, previous: await backUp(pathIn(this.targetDir, name), pathIn(pathIn(this.dir, BACKUPS), name)) });
      }
      for (const dir of [...foldersOf(this.dir, names), ...foldersOf(pathIn(this.dir, BACKUPS), names)]) await syncDir(dir).catch(() => undefined);
      await writeFileAtomic(commitFile, `${JSON.stringify(journal)}\n`);
    } catch (err) {
      throw err instanceof WriteError ? err : new WriteError(this.targetDir, err);
    }
    try {
      await rollForward(this.targetDir, this.dir, { ...journal, remove: [] });
    } catch (err) {
      // Decided the other way: the rename of the journal (no space needed) says so before anything is put back. If
      // that rename fails the journal still says "forward", so nothing is put back: the next start rolls it forward.
      // If putting back fails, the rollback journal and the backups stay for the next start to finish.
      const undone = await rename(commitFile, join(this.dir, ROLLBACK_JOURNAL))
        .then(() => syncDir(this.dir))
        .then(() => rollBack(this.targetDir, this.dir, journal))
        .then(
          () => true,
          () => false,
        );
      if (!undone) this.leaveForRecovery();
      throw err instanceof WriteError ? err : new WriteError(this.targetDir, err);
    }
    await rollForward(this.targetDir, this.dir, { ...journal, files: [] });
    await this.discard();
    return names;
  }

  /** Whether a swap left part way must stay on disk (its journal and backups) for the next start to finish. */
  private unfinished = false;

  private leaveForRecovery(): void {
    this.unfinished = true;
    // No longer this process's to work in: the next cleanStaleTemps here (a new swap, opening the project) finishes it.
    liveStages.delete(resolve(this.dir));
  }

  /** Removes the staging folder, unless a swap in it could not be finished or undone (then recovery needs it). */
  async discard(): Promise<void> {
    if (this.unfinished) return;
    await rm(this.dir, { recursive: true, force: true });
    liveStages.delete(resolve(this.dir));
  }
}

/** Runs `fill` on a new staging folder for `targetDir`; commits when it resolves, discards when it throws. */
export async function withStagedFiles<T>(targetDir: string, fill: (stage: StagedFiles) => Promise<T>): Promise<T> {
  const stage = await StagedFiles.create(targetDir);
  try {
    const result = await fill(stage);
    await stage.commit();
    return result;
  } catch (err) {
    await stage.discard();
    throw err;
  }
}
