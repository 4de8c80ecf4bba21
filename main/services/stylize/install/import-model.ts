import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CatalogEntry, ModelKind, ModelSpec } from '../../../../app/stylize';
import { throwIfAborted } from '../../jobs';
import { bundledModelFile } from '../../store/bundled-paths';
import { installedModelPaths, installedModelsDir } from '../../store/data-paths';
import { tempPathBeside } from '../../store/atomic-file';
import { findModelBySha256, loadCatalog, sha256File } from '../catalog';
import { InstallError, writeFailure } from './install-error';
import type { InstallRecord } from './install-record';
import { moveIntoPlace } from './move-into-place';
import type { InstalledModel } from './install-model';
import { describeModelIo, entriesMatchingFile, validateModelFile } from './validate-model';

export interface ImportOptions {
  /** Id to install it under (default: the file name). A file the catalog knows by its sha256 takes the catalog id. */
  id?: string;
  /** How to feed it, for a file the catalog does not know. */
  spec?: ModelSpec;
  /** Or: use the spec of the catalog's models of this kind. */
  kind?: ModelKind;
  name?: string;
  signal?: AbortSignal;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

function idFromFileName(file: string): string {
  return basename(file).replace(/\.onnx$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model';
}

/** A kind for a model described only by its spec (the kind groups models in lists; the spec drives inference). */
function kindOfSpec(spec: ModelSpec): ModelKind {
  if (spec.maskInput) return 'instagan';
  if (spec.output.meaning === 'logits') return 'segmentation';
  return 'cartoongan';
}

/** A file the catalog does not know: its spec from the options, or from the catalog entries its graph fits. */
async function specForUnknown(file: string, opts: ImportOptions, catalog: CatalogEntry[]): Promise<{ spec: ModelSpec; kind: ModelKind }> {
  if (opts.spec) {
    await validateModelFile(file, opts.spec);
    return { spec: opts.spec, kind: opts.kind ?? kindOfSpec(opts.spec) };
  }
  const pool = opts.kind ? catalog.filter((e) => e.kind === opts.kind) : catalog;
  if (opts.kind && !pool.length) throw new InstallError('SPEC_UNKNOWN', `${file}: the catalog has no model of kind "${opts.kind}" to take a spec from`, file);
  const fits = await entriesMatchingFile(file, pool);
  // Entries that feed the graph the same way count as one, whatever processing size each recommends
  // (the two InstaGAN checkpoints differ only there).
  const specs = new Map(fits.map((e) => [JSON.stringify({ ...e.spec, recommendedLongSide: undefined }), e]));
  if (specs.size === 1) return { spec: fits[0].spec, kind: opts.kind ?? fits[0].kind };
  const io = await describeModelIo(file);
  if (!specs.size) {
    throw new InstallError('SPEC_UNKNOWN',
      `${file}: not in the model catalog (its sha256 matches no entry) and its inputs/outputs (${io}) fit no known ` +
        `model${opts.kind ? ` of kind "${opts.kind}"` : ''}; give its spec (--spec FILE.json) so the app knows how to feed it`, file);
  }
  throw new InstallError('SPEC_UNKNOWN',
    `${file}: its inputs/outputs (${io}) fit several known specs (${fits.map((e) => e.id).join(', ')}); choose one with --kind or --spec`, file);
}

/**
 * Installs a local .onnx file into <data>/models: it must load in onnxruntime; its sha256 may name a catalog entry
 * (whose id and spec it then takes, checksum-verified); or its id names a catalog entry that has no checksum (a
 * model users export themselves); else its graph must fit a known spec, or the caller gives a spec or kind.
 * Copied under a temporary name, checked there and renamed, so a failed import leaves nothing behind.
 */
export async function importModel(file: string, opts: ImportOptions = {}): Promise<InstalledModel> {
  const source = resolve(file);
  const st = await stat(source).catch(() => undefined);
  if (st?.isDirectory()) throw new InstallError('FILE_NOT_FOUND', `${source}: is a folder; give the .onnx file inside it`, source);
  if (!st?.isFile()) throw new InstallError('FILE_NOT_FOUND', `${source}: no such model file`, source);
  const catalog = loadCatalog().models;
  const sha256 = await sha256File(source);
  const known = findModelBySha256(sha256, { schemaVersion: 1, models: catalog });
  if (known?.bundledFile) return { id: known.id, file: bundledModelFile(known.bundledFile), alreadyInstalled: true };
  throwIfAborted(opts.signal);

  const id = known?.id ?? opts.id ?? idFromFileName(source);
  if (!ID_PATTERN.test(id)) throw new InstallError('ID_INVALID', `"${id}" is not a valid model id: use lower-case letters, digits, ".", "_" or "-"`);
  // A catalog id without a checksum (an export-only model) accepts the user's export; one with a checksum only its own bytes.
  const named = known ? undefined : catalog.find((e) => e.id === id);
  if (named?.sha256 || named?.bundledFile) {
    throw new InstallError('ID_INVALID', `${source}: "${id}" is a catalog model and this file is not its file (sha256 differs); import it under another --id`, source);
  }
  const target = known ?? named;
  const { spec, kind } = target ? { spec: opts.spec ?? target.spec, kind: target.kind } : await specForUnknown(source, opts, catalog);

  const paths = installedModelPaths(id);
  try {
    await mkdir(installedModelsDir(), { recursive: true });
  } catch (err) {
    throw writeFailure(err, installedModelsDir(), 'creating the models folder');
  }
  const tmp = tempPathBeside(paths.file);
  try {
    try {
      await copyFile(source, tmp);
    } catch (err) {
      throw writeFailure(err, paths.file, `copying ${source}`);
    }
    // The copy is what gets installed: check it, not the source (which may change under us).
    if ((await sha256File(tmp)) !== sha256) throw new InstallError('CHECKSUM_MISMATCH', `${source}: the file changed while it was being copied`, source);
    await validateModelFile(tmp, spec, source);
    throwIfAborted(opts.signal);
    const record: InstallRecord = {
      schemaVersion: 1,
      id,
      name: opts.name ?? target?.name ?? id,
      kind,
      source: { type: 'import', path: source },
      sha256,
      size: st.size,
      installedAt: new Date().toISOString(),
      spec,
      verified: known?.sha256 ? 'sha256' : 'loaded',
      ...(target ? { catalogId: target.id, licence: target.licence } : {}),
    };
    await moveIntoPlace(tmp, paths, record);
    return { id, file: paths.file, record, alreadyInstalled: false };
  } finally {
    await rm(tmp, { force: true });
  }
}
