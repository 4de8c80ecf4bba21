import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CatalogEntry, ModelSpec } from '../../../app/stylize';
import { bundledModelFile } from '../store/bundled-paths';
import { dataDir } from '../store/data-paths';
import { entryProblems, findModel, findModelByFile, getModel, loadCatalog, sha256File } from './catalog';
import { StylizeError } from './errors';
import { entriesMatchingFile, InstallError, resolveInstalledModel } from './install';

/** A model ready to open: its ONNX file, its spec, and the catalog entry when it has one. */
export interface ResolvedModel {
  id: string;
  file: string;
  spec: ModelSpec;
  entry?: CatalogEntry;
}

/** What callers may pass as a model: a catalog id, a file path, a catalog entry, or a file with its spec. */
export type ModelRef = string | CatalogEntry | { file: string; spec: ModelSpec; id?: string };

/** The built-in style's catalog id (its graph is shipped in models/builtin/). */
export const DEFAULT_MODEL_ID = 'builtin-toon';

/** The install service's record of an installed or imported model (it owns the data folder layout). */
function installed(id: string): { file: string; entry: CatalogEntry } | undefined {
  try {
    return resolveInstalledModel(id);
  } catch {
    return undefined; // an unreadable data folder means "not installed" here; the caller says how to install
  }
}

/** Falls back to any .onnx under <data>/models whose sha256 is the entry's (so the folder layout does not matter). */
async function installedBySha(entry: CatalogEntry): Promise<string | undefined> {
  const root = join(dataDir(), 'models');
  const direct = join(root, `${entry.id}.onnx`);
  if (existsSync(direct) && (!entry.sha256 || (await sha256File(direct)) === entry.sha256)) return direct;
  if (!entry.sha256 || !existsSync(root)) return undefined;
  const candidates: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (st.isFile() && extname(name) === '.onnx' && (!entry.size || st.size === entry.size)) candidates.push(p);
    }
  };
  walk(root, 0);
  for (const c of candidates) if ((await sha256File(c)) === entry.sha256) return c;
  return undefined;
}

/** The ONNX file for a catalog entry: shipped with the app, or installed into the user's data folder. */
export async function modelFileFor(entry: CatalogEntry): Promise<string> {
  if (entry.bundledFile) {
    const file = bundledModelFile(entry.bundledFile);
    if (existsSync(file)) return file;
    throw new StylizeError('MODEL_NOT_FOUND', `${file}: the built-in model "${entry.id}" is missing from this installation`, file);
  }
  const file = installed(entry.id)?.file ?? (await installedBySha(entry));
  if (file) return file;
  const how = entry.urls.length
    ? `install it with "your-cartoon models install ${entry.id}"`
    : `import its file with "your-cartoon models import FILE" (a folder of models: "your-cartoon models install-dir DIR") or pass --model FILE${entry.export ? ` (no download exists: export it with ${entry.export.script})` : ''}`;
  throw new StylizeError('MODEL_NOT_FOUND', `model "${entry.id}" is not installed in ${join(dataDir(), 'models')}; ${how}`);
}

/** A spec beside a model file that is not in the catalog: FILE.json holding {"spec": {...}} or a spec itself. */
function sidecarSpec(file: string): ModelSpec | undefined {
  const side = [`${file}.json`, file.replace(/\.onnx$/i, '.json')].find((p) => p !== file && existsSync(p));
  if (!side) return undefined;
  let json: { spec?: unknown } & Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(side, 'utf8'));
  } catch (err) {
    throw new StylizeError('CATALOG_INVALID', `${side}: not valid JSON (${(err as Error).message})`, side);
  }
  const spec = (json.spec ?? json) as ModelSpec;
  const problems = entryProblems({ id: 'x', name: 'x', kind: 'cartoongan', description: '', urls: [], licence: { name: '?', commercialUse: false }, spec })
    .filter((p) => p.startsWith('spec'));
  if (problems.length) throw new StylizeError('CATALOG_INVALID', `${side}: ${problems.join('; ')}`, side);
  return spec;
}

/**
 * A file with neither a catalog sha256 nor a spec beside it (a model the user exported, such as CartoonGAN): the spec
 * of the catalog models its graph fits, when they all feed it alike (as `models import` does). Loading it also tells
 * a file that is no model at all from one that is merely unknown.
 */
async function fittedSpec(file: string): Promise<ModelSpec | undefined> {
  let fits: CatalogEntry[];
  try {
    fits = await entriesMatchingFile(file, loadCatalog().models);
  } catch (err) {
    if (err instanceof InstallError) throw new StylizeError('MODEL_CORRUPT', err.message, file);
    throw err;
  }
  const ways = new Set(fits.map((e) => JSON.stringify({ ...e.spec, recommendedLongSide: undefined })));
  return ways.size === 1 ? fits[0].spec : undefined;
}

const looksLikePath = (s: string) => s.includes('/') || s.includes('\\') || /\.onnx$/i.test(s) || existsSync(s);

/**
 * Turns what a user or caller names into a model file and spec:
 * a catalog id (the bundled or installed file), or a file path (its sha256 finds the catalog spec; else a
 * FILE.json sidecar spec; else the one way of feeding it that the catalog specs its graph fits agree on).
 */
export async function resolveModel(ref: ModelRef = DEFAULT_MODEL_ID): Promise<ResolvedModel> {
  if (typeof ref !== 'string') {
    if ('kind' in ref && 'licence' in ref) return { id: ref.id, file: await modelFileFor(ref), spec: ref.spec, entry: ref };
    return { id: ref.id ?? ref.file, file: ref.file, spec: ref.spec };
  }
  if (!looksLikePath(ref)) {
    const catalog = loadCatalog();
    const entry = findModel(ref, catalog);
    if (entry) return { id: entry.id, file: await modelFileFor(entry), spec: entry.spec, entry };
    // Not in the catalog: a model the user imported under their own id.
    const imported = installed(ref);
    if (imported) return { id: ref, file: imported.file, spec: imported.entry.spec, entry: imported.entry };
    getModel(ref, catalog); // throws MODEL_UNKNOWN listing the known ids
  }
  if (!existsSync(ref) || !statSync(ref).isFile()) throw new StylizeError('MODEL_NOT_FOUND', `${ref}: model file not found`, ref);
  const entry = await findModelByFile(ref);
  if (entry) return { id: entry.id, file: ref, spec: entry.spec, entry };
  const spec = sidecarSpec(ref) ?? (await fittedSpec(ref));
  if (spec) return { id: ref, file: ref, spec };
  throw new StylizeError(
    'MODEL_UNKNOWN',
    `${ref}: this file is not in the model catalog (its sha256 matches no entry), its inputs/outputs fit no known model ` +
      `and it has no spec beside it (${ref}.json); the app cannot tell how to feed it`,
    ref,
  );
}

