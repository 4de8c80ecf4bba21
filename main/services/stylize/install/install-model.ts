import { existsSync } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import type { CatalogEntry } from '../../../../app/stylize';
import type { JobContext } from '../../../../app/progress';
import { CancelledError, throwIfAborted } from '../../jobs';
import { bundledModelFile } from '../../store/bundled-paths';
import { installedModelPaths, installedModelsDir } from '../../store/data-paths';
import { downloadWithResume, type DownloadResult } from './download';
import { InstallError, writeFailure } from './install-error';
import { readInstallRecord, type InstallRecord } from './install-record';
import { moveIntoPlace } from './move-into-place';
import { validateModelFile } from './validate-model';

export interface InstallOptions extends JobContext {
  /** Tries per URL for retryable failures (each resumes the partial file). Default 3. */
  attemptsPerUrl?: number;
  /** Download again even when a good copy is installed. */
  force?: boolean;
  idleTimeoutMs?: number;
}

export interface InstalledModel {
  id: string;
  file: string;
  /** Absent for the built-in style, which is part of the app. */
  record?: InstallRecord;
  /** Nothing was downloaded: it was already there. */
  alreadyInstalled: boolean;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

const sentence = (s: string) => s.trim().replace(/\.+$/, '');

/** What to tell a user when the catalog has no URL for a model. */
function noDownloadMessage(entry: CatalogEntry): string {
  if (entry.sha256) {
    // The catalog knows its file: whoever has it installs it as it is; an export of one's own is another file.
    const exported = entry.export ? `; or export your own from the authors' weights with ${entry.export.script} (weights: ${entry.export.from}) and import that file (its sha256 differs: it is checked by its spec)` : '';
    return `"${entry.id}" (${entry.name}) has no download: get its file (sha256 ${entry.sha256}) and run "your-cartoon models import FILE" or, for a folder of models, "your-cartoon models install-dir DIR" (the catalog recognises it by its sha256)${exported}.`;
  }
  const how = entry.export
    ? `export it from the authors' weights with ${entry.export.script} (weights: ${entry.export.from})` +
      (entry.export.notes ? `. ${sentence(entry.export.notes)}` : '')
    : 'get its .onnx file (where from: the notes in "your-cartoon models list --json")';
  return `"${entry.id}" (${entry.name}) has no download: ${how}. Then run "your-cartoon models import FILE --id ${entry.id}".`;
}

async function checkFreeSpace(dir: string, needed: number): Promise<void> {
  try {
    const s = await statfs(dir);
    const free = s.bavail * s.bsize;
    if (free < needed) throw new InstallError('DISK_FULL', `${dir}: ${mb(needed)} needed but only ${mb(free)} free; free some space and try again`, dir);
  } catch (err) {
    if (err instanceof InstallError) throw err;
    // statfs is a courtesy check; the write itself reports a full disk too.
  }
}

function alreadyInstalled(entry: CatalogEntry, file: string, recordPath: string): InstallRecord | undefined {
  if (!existsSync(file)) return undefined;
  const record = readInstallRecord(recordPath);
  if (!record) return undefined;
  return !entry.sha256 || record.sha256 === entry.sha256 ? record : undefined;
}

function checksumProblem(entry: CatalogEntry, got: DownloadResult): string | undefined {
  if (entry.size && got.size !== entry.size) return `${got.size} bytes, expected ${entry.size}`;
  if (entry.sha256 && got.sha256 !== entry.sha256) return `sha256 ${got.sha256}, expected ${entry.sha256}`;
  return undefined;
}

function recordFor(entry: CatalogEntry, url: string, got: DownloadResult): InstallRecord {
  return {
    schemaVersion: 1,
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    source: { type: 'download', url },
    sha256: got.sha256,
    size: got.size,
    installedAt: new Date().toISOString(),
    spec: entry.spec,
    verified: entry.sha256 ? 'sha256' : 'loaded',
    catalogId: entry.id,
    licence: entry.licence,
  };
}

/**
 * Downloads a catalog model into <data>/models/<id>.onnx: URLs in order until one works, progress in bytes,
 * resume of an interrupted download, sha256 (and size) checked while streaming, then loaded in onnxruntime
 * against its spec, then renamed into place. A file that fails any check is never left at the final path.
 * An entry without sha256 is verified by loading only, and its record says so.
 */
export async function installModel(entry: CatalogEntry, ctx: InstallOptions = {}): Promise<InstalledModel> {
  if (entry.bundledFile) return { id: entry.id, file: bundledModelFile(entry.bundledFile), alreadyInstalled: true };
  const paths = installedModelPaths(entry.id);
  const existing = !ctx.force && alreadyInstalled(entry, paths.file, paths.record);
  if (existing) return { id: entry.id, file: paths.file, record: existing, alreadyInstalled: true };
  if (!entry.urls.length) throw new InstallError('NO_DOWNLOAD', noDownloadMessage(entry));
  throwIfAborted(ctx.signal);
  const dir = installedModelsDir();
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw writeFailure(err, dir, 'creating the models folder');
  }
  if (entry.size) await checkFreeSpace(dir, entry.size);

  const failures: string[] = [];
  let worst: 'DOWNLOAD_FAILED' | 'MODEL_INVALID' | 'CHECKSUM_MISMATCH' = 'DOWNLOAD_FAILED';
  const report = (done: number, total = entry.size) =>
    ctx.onProgress?.({
      stage: 'download',
      done,
      total,
      fraction: total ? done / total : undefined,
      message: total ? `${mb(done)} of ${mb(total)}` : mb(done),
    });
  for (const url of entry.urls) {
    for (let fresh = false; ; fresh = true) {
      let result;
      try {
        result = await downloadWithResume(url, paths.partial, {
          signal: ctx.signal,
          attempts: ctx.attemptsPerUrl,
          idleTimeoutMs: ctx.idleTimeoutMs,
          onBytes: report,
        });
      } catch (err) {
        if (err instanceof CancelledError || (err instanceof InstallError && err.code !== 'DOWNLOAD_FAILED')) throw err;
        failures.push(`${url}: ${(err as Error).message}`);
        break;
      }
      ctx.onProgress?.({ stage: 'verify', done: 0, total: 1, message: 'checking the file' });
      const mismatch = checksumProblem(entry, result);
      if (mismatch) {
        await rm(paths.partial, { force: true });
        // Bytes kept from an earlier download may be what is wrong: one fresh download before giving up on the URL.
        if (result.resumedFrom > 0 && !fresh) continue;
        worst = 'CHECKSUM_MISMATCH';
        failures.push(`${url}: the file is not the one the catalog names (${mismatch})`);
        break;
      }
      try {
        await validateModelFile(paths.partial, entry.spec, `${entry.id} from ${url}`);
      } catch (err) {
        await rm(paths.partial, { force: true });
        if (!(err instanceof InstallError)) throw err;
        if (worst !== 'CHECKSUM_MISMATCH') worst = 'MODEL_INVALID';
        failures.push(err.message);
        break;
      }
      throwIfAborted(ctx.signal);
      const record = recordFor(entry, url, result);
      await moveIntoPlace(paths.partial, paths, record);
      ctx.onProgress?.({ stage: 'verify', done: 1, total: 1, fraction: 1 });
      return { id: entry.id, file: paths.file, record, alreadyInstalled: false };
    }
  }
  throw new InstallError(worst, `could not install "${entry.id}", nothing was installed: ${failures.join('; ')}`);
}
