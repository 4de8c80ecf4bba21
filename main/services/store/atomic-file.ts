import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { failpoint } from './failpoints';
import { WriteError } from './fs-words';

/**
 * A temporary name beside `target` (same folder, so the final rename is atomic on every platform). The pattern
 * `.NAME.PID-HEX.tmp` is what cleanStaleTemps recognises after a crash.
 */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Flushes a folder's entries (a rename inside it) to disk; a platform that cannot open folders (Windows) skips it. */
export async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch (err) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  try {
    failpoint('fsync-dir', dir);
    await fh.sync();
  } catch (err) {
    // Some file systems refuse fsync on a folder (EINVAL): the rename is then as durable as they make it.
    if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
  } finally {
    await fh.close();
  }
}

/** Flushes a file's content to disk. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    failpoint('fsync', file);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Moves a complete file (already fsync'd or about to be) onto `target` durably: fsync, rename, fsync of the
 * folder. A failure leaves `target` as it was; `source` is left for the caller to remove.
 */
export async function renameDurable(source: string, target: string, opts: { sync?: boolean } = {}): Promise<void> {
  try {
    if (opts.sync !== false) await syncFile(source);
    failpoint('rename', target);
    await rename(source, target);
    await syncDir(dirname(target));
  } catch (err) {
    throw err instanceof WriteError ? err : new WriteError(target, err);
  }
}

/**
 * Writes a whole file so a reader sees the old content or the new one, never half of it, and the new one survives
 * a power cut once this resolves: a temporary file beside it, written and fsync'd, renamed over it, the folder
 * fsync'd. A failure at any step (full disk, no permission) leaves the previous file exactly as it was and no
 * temporary file; it throws a WriteError naming the file and the cause in words.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, opts: { sync?: boolean } = {}): Promise<void> {
  const tmp = tempPathBeside(target);
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      failpoint('write', tmp);
      await fh.writeFile(data);
      // sync: false for a file into a StagedFiles folder, whose commit syncs every file before the swap.
      if (opts.sync !== false) {
        failpoint('fsync', tmp);
        await fh.sync();
      }
    } finally {
      await fh.close();
    }
    await renameDurable(tmp, target, { sync: false });
  } catch (err) {
    await rm(tmp, { force: true });
    throw err instanceof WriteError ? err : new WriteError(target, err);
  }
}
