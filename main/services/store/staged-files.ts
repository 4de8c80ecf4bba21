import { link, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir } from './atomic-file';
import { failpoint } from './failpoints';
import { WriteError } from './fs-words';

/** The prefix of a staging folder: `.staging-PID-XXXXXX` inside the folder it stages for (see cleanStaleTemps). */
export const STAGING_PREFIX = '.staging-';

/**
 * A set of new files made beside the ones they replace, all swapped in only once every one is complete: a job
 * writes its results into `stage.dir` (with writeFileAtomic or anything else), then `commit()` moves each into the
 * target folder (one atomic rename each, the folder fsync'd), or `discard()` throws them away. Until commit the
 * previous results are untouched, so a cancel, a failure, a full disk or a kill leaves them exactly as they were;
 * a staging folder left by a kill is removed by cleanStaleTemps at the next start.
 */
export class StagedFiles {
  private constructor(
    readonly targetDir: string,
    readonly dir: string,
  ) {}

  static async create(targetDir: string): Promise<StagedFiles> {
    try {
      await mkdir(targetDir, { recursive: true });
      return new StagedFiles(targetDir, await mkdtemp(join(targetDir, `${STAGING_PREFIX}${process.pid}-`)));
    } catch (err) {
      throw new WriteError(targetDir, err);
    }
  }

  /** Where to write the new file `name` (a plain name, no folders). */
  path(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Moves every staged file into the target folder (replacing same-named ones) and returns their names. A failure
   * part way puts back what it had replaced (the previous files are kept as hard links until the end), so the
   * target folder is as it was before; only a kill inside this short loop can leave a mix of old and new files.
   */
  async commit(): Promise<string[]> {
    const names = (await readdir(this.dir)).filter((n) => !n.startsWith('.'));
    // Each file was fsync'd by its writer (writeFileAtomic); the staging folder's entries are flushed before any
    // rename, so what lands in the target is on disk.
    await syncDir(this.dir);
    const done: Array<{ target: string; backup?: string }> = [];
    try {
      for (const name of names) {
        const target = join(this.targetDir, name);
        const backup = join(this.dir, `.previous-${name}`);
        // A hard link keeps the file it replaces; a file system without links (or no file there) has no backup.
        const kept = await link(target, backup).then(() => true, () => false);
        try {
          failpoint('commit', target);
          await rename(join(this.dir, name), target);
        } catch (err) {
          if (kept) await rm(backup, { force: true });
          throw new WriteError(target, err);
        }
        done.push({ target, ...(kept ? { backup } : {}) });
      }
      await syncDir(this.targetDir);
    } catch (err) {
      for (const { target, backup } of done.reverse()) {
        await (backup ? rename(backup, target) : rm(target, { force: true })).catch(() => undefined);
      }
      await syncDir(this.targetDir).catch(() => undefined);
      throw err;
    }
    await this.discard();
    return names;
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
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
