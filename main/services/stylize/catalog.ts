import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, CatalogEntry, ModelKind } from '../../../app/stylize';
import { StylizeError } from './errors';

/** models/ of this checkout or package: walk up from here (source or dist/) until models/catalog.json appears. */
function findModelsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'models', 'catalog.json'))) return join(dir, 'models');
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '..', '..', '..', 'models');
}

export const MODELS_DIR = findModelsDir();
export const CATALOG_PATH = join(MODELS_DIR, 'catalog.json');

const KINDS: readonly ModelKind[] = ['builtin', 'cartoongan', 'animegan', 'whitebox', 'instagan', 'segmentation'];
const RANGES = ['-1,1', '0,1', '0,255'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one tensor spec; `where` names it in messages ("whitebox-cartoon: spec.input"). */
function checkTensor(t: unknown, where: string, problems: string[]): void {
  if (!isObject(t)) return void problems.push(`${where} is missing`);
  if (typeof t.name !== 'string' || !t.name) problems.push(`${where}.name must be the tensor's name in the graph`);
  if (t.layout !== 'NCHW' && t.layout !== 'NHWC') problems.push(`${where}.layout must be "NCHW" or "NHWC"`);
  if (t.channelOrder !== 'RGB' && t.channelOrder !== 'BGR') problems.push(`${where}.channelOrder must be "RGB" or "BGR"`);
  if (!Array.isArray(t.range) || t.range.length !== 2 || !RANGES.includes(t.range.join(','))) {
    problems.push(`${where}.range must be [-1, 1], [0, 1] or [0, 255]`);
  }
  if (t.meaning !== undefined && t.meaning !== 'image' && t.meaning !== 'logits') {
    problems.push(`${where}.meaning must be "image" or "logits"`);
  }
  if (t.channels !== undefined && !(Number.isInteger(t.channels) && (t.channels as number) > 0)) {
    problems.push(`${where}.channels must be a positive integer`);
  }
}

function checkSpec(s: unknown, where: string, problems: string[]): void {
  if (!isObject(s)) return void problems.push(`${where} is missing`);
  checkTensor(s.input, `${where}.input`, problems);
  checkTensor(s.output, `${where}.output`, problems);
  if (!Number.isInteger(s.sizeMultiple) || (s.sizeMultiple as number) < 1) {
    problems.push(`${where}.sizeMultiple must be a positive integer`);
  }
  if (s.fixedSize !== undefined) {
    const f = s.fixedSize as Json;
    if (!isObject(f) || !Number.isInteger(f.width) || !Number.isInteger(f.height)) {
      problems.push(`${where}.fixedSize must be {width, height} in pixels`);
    }
  }
  if (s.fit !== undefined && s.fit !== 'letterbox' && s.fit !== 'squash') problems.push(`${where}.fit must be "letterbox" or "squash"`);
}

/** Validates one parsed entry; returns the problems found (empty when it is good). */
export function entryProblems(e: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(e)) return ['is not an object'];
  if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(e.id)) problems.push('id must be lower-case letters, digits, ".", "_" or "-"');
  if (typeof e.name !== 'string' || !e.name) problems.push('name is missing');
  if (!KINDS.includes(e.kind as ModelKind)) problems.push(`kind must be one of ${KINDS.join(', ')}`);
  if (typeof e.description !== 'string') problems.push('description is missing');
  if (!Array.isArray(e.urls) || e.urls.some((u) => typeof u !== 'string' || !/^https?:\/\//.test(u))) {
    problems.push('urls must be a list of http(s) addresses (may be empty)');
  }
  if (e.sha256 !== undefined && (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))) {
    problems.push('sha256 must be 64 lower-case hex digits');
  }
  if (e.size !== undefined && !(Number.isInteger(e.size) && (e.size as number) > 0)) problems.push('size must be a byte count');
  const l = e.licence;
  if (!isObject(l) || typeof l.name !== 'string' || typeof l.commercialUse !== 'boolean') {
    problems.push('licence must have a name and commercialUse (true/false)');
  }
  if (e.export !== undefined && (!isObject(e.export) || typeof e.export.script !== 'string' || typeof e.export.from !== 'string')) {
    problems.push('export must have script and from');
  }
  if (e.bundledFile !== undefined && typeof e.bundledFile !== 'string') problems.push('bundledFile must be a path relative to models/');
  checkSpec(e.spec, 'spec', problems);
  if (e.kind === 'segmentation' && !Number.isInteger(e.personClass)) problems.push('a segmentation model needs personClass');
  return problems;
}

/** Validates a parsed catalog; throws CATALOG_INVALID naming the file, the entry and every problem. */
export function validateCatalog(json: unknown, source = 'catalog'): Catalog {
  if (!isObject(json) || json.schemaVersion !== 1 || !Array.isArray(json.models)) {
    throw new StylizeError('CATALOG_INVALID', `${source}: expected {"schemaVersion": 1, "models": [...]}`, source);
  }
  const seen = new Set<string>();
  json.models.forEach((e: unknown, i: number) => {
    const id = isObject(e) && typeof e.id === 'string' ? e.id : `#${i}`;
    const problems = entryProblems(e);
    if (seen.has(id)) problems.push('duplicate id');
    seen.add(id);
    if (problems.length) {
      throw new StylizeError('CATALOG_INVALID', `${source}: model "${id}": ${problems.join('; ')}`, source);
    }
  });
  return json as unknown as Catalog;
}

let cached: { path: string; catalog: Catalog } | undefined;

/** Reads and validates models/catalog.json (or `path`); cached per path. */
export function loadCatalog(path = CATALOG_PATH): Catalog {
  if (cached?.path === path) return cached.catalog;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new StylizeError('CATALOG_INVALID', `${path}: cannot read the model catalog (${(err as Error).message})`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StylizeError('CATALOG_INVALID', `${path}: not valid JSON (${(err as Error).message})`, path);
  }
  const catalog = validateCatalog(json, path);
  cached = { path, catalog };
  return catalog;
}

export function findModel(id: string, catalog = loadCatalog()): CatalogEntry | undefined {
  return catalog.models.find((m) => m.id === id);
}

export function getModel(id: string, catalog = loadCatalog()): CatalogEntry {
  const entry = findModel(id, catalog);
  if (!entry) {
    throw new StylizeError('MODEL_UNKNOWN', `no model "${id}" in the catalog (known: ${catalog.models.map((m) => m.id).join(', ')})`);
  }
  return entry;
}

export function findModelBySha256(sha256: string, catalog = loadCatalog()): CatalogEntry | undefined {
  const want = sha256.toLowerCase();
  return catalog.models.find((m) => m.sha256 === want);
}

/** Streams a file through SHA-256 (models are megabytes; never read whole into memory twice). */
export function sha256File(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** The catalog entry whose sha256 matches the file's, if any. */
export async function findModelByFile(path: string, catalog = loadCatalog()): Promise<CatalogEntry | undefined> {
  return findModelBySha256(await sha256File(path), catalog);
}

