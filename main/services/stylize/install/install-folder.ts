import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { CatalogEntry } from '../../../../app/stylize';
import { CancelledError, throwIfAborted } from '../../jobs';
import { installedModelPaths } from '../../store/data-paths';
import { findModelBySha256, loadCatalog, sha256File } from '../catalog';
import { importModel } from './import-model';
import { InstallError } from './install-error';
import type { InstalledModel } from './install-model';
import { readInstallRecord } from './install-record';

export interface FolderInstallOptions {
  signal?: AbortSignal;
  /** Called before each file is checked: the file, how many are done, how many there are. */
  onFile?: (file: string, done: number, total: number) => void;
}

/** What one `install-dir` did with each .onnx file of the folder. */
export interface FolderInstallResult {
  folder: string;
  /** Catalog models recognised by their sha256 and installed (or already there). */
  installed: Array<InstalledModel & { source: string; entry: CatalogEntry }>;
  /** .onnx files whose sha256 matches no catalog entry: not installed (import them one by one, with a spec). */
  unknown: string[];
  /** Recognised files that could not be installed, with the reason (the others still were). */
  failed: Array<{ file: string; id: string; message: string; code?: string }>;
}

/**
 * Installs every catalog model found in a folder (and its sub-folders, two levels down), each recognised by its
 * sha256: a user who has the four CartoonGAN files installs all four in one step. Files the catalog does not know
 * are listed, never guessed at; one file that fails does not stop the others.
 */
export async function installModelsFromFolder(dir: string, opts: FolderInstallOptions = {}): Promise<FolderInstallResult> {
  const folder = resolve(dir);
  const st = await stat(folder).catch(() => undefined);
  if (!st) throw new InstallError('FILE_NOT_FOUND', `${folder}: no such folder`, folder);
  if (!st.isDirectory()) throw new InstallError('FILE_NOT_FOUND', `${folder}: not a folder (to add one file use "models import FILE")`, folder);
  const files: string[] = [];
  const walk = async (d: string, depth: number) => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      // A link counts as what it points to (a folder of links to where the models really are).
      const kind = e.isSymbolicLink() ? await stat(p).catch(() => undefined) : e;
      if (kind?.isDirectory() && depth < 2) await walk(p, depth + 1);
      else if (kind?.isFile() && extname(e.name).toLowerCase() === '.onnx') files.push(p);
    }
  };
  await walk(folder, 0);
  const catalog = loadCatalog();
  const result: FolderInstallResult = { folder, installed: [], unknown: [], failed: [] };
  for (const [i, file] of files.entries()) {
    throwIfAborted(opts.signal);
    opts.onFile?.(file, i, files.length);
    const sha256 = await sha256File(file);
    const entry = findModelBySha256(sha256, catalog);
    if (!entry) {
      result.unknown.push(file);
      continue;
    }
    if (result.installed.some((r) => r.entry.id === entry.id)) continue; // the same file twice in the folder
    const paths = installedModelPaths(entry.id);
    const record = readInstallRecord(paths.record);
    if (record?.sha256 === sha256 && (await stat(paths.file).catch(() => undefined))?.size === record.size) {
      result.installed.push({ id: entry.id, file: paths.file, record, alreadyInstalled: true, source: file, entry });
      continue;
    }
    try {
      const got = await importModel(file, { signal: opts.signal });
      result.installed.push({ ...got, source: file, entry });
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      result.failed.push({ file, id: entry.id, message: (err as Error).message, code: (err as InstallError).code });
    }
  }
  opts.onFile?.('', files.length, files.length);
  return result;
}
