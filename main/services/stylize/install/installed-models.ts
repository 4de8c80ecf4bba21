import { existsSync, readdirSync, statSync } from 'node:fs';
import type { CatalogEntry } from '../../../../app/stylize';
import { bundledModelFile } from '../../store/bundled-paths';
import { installedModelPaths, installedModelsDir } from '../../store/data-paths';
import { loadCatalog } from '../catalog';
import { readInstallRecord, type InstallRecord } from './install-record';

/** One model as a list shows it: its catalog entry (or one made from an import's record) and whether it is here. */
export interface ModelListing {
  entry: CatalogEntry;
  /** bundled: shipped with the app; catalog: downloadable or importable catalog model; imported: a user's own file. */
  origin: 'bundled' | 'catalog' | 'imported';
  installed: boolean;
  file?: string;
  /** Bytes on disk when installed, else the catalog's size when known. */
  size?: number;
  record?: InstallRecord;
}

/** How a model's file is (or will be) checked: shipped with the app, against a sha256, or only by its spec. */
export type ModelCheck = 'app' | 'sha256' | 'spec';

/**
 * An entry without a sha256 (a model users export themselves) is verified only by loading it and matching its
 * spec; the CLI and the editor say so before it is used.
 */
export function modelCheck(l: ModelListing): ModelCheck {
  if (l.origin === 'bundled') return 'app';
  if (l.record) return l.record.verified === 'sha256' ? 'sha256' : 'spec';
  return l.entry.sha256 ? 'sha256' : 'spec';
}

/** The catalog entry standing for a model the user imported that the catalog does not know. */
function entryFromRecord(record: InstallRecord): CatalogEntry {
  const from = record.source.type === 'import' ? record.source.path : record.source.url;
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    description: `Imported from ${from}`,
    urls: [],
    sha256: record.sha256,
    size: record.size,
    licence: record.licence ?? { name: 'unknown (a file you imported: check its licence yourself)', commercialUse: false },
    spec: record.spec,
  };
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function listingFor(entry: CatalogEntry): ModelListing {
  if (entry.bundledFile) {
    const file = bundledModelFile(entry.bundledFile);
    const installed = existsSync(file);
    return { entry, origin: 'bundled', installed, file: installed ? file : undefined, size: sizeOf(file) ?? entry.size };
  }
  const paths = installedModelPaths(entry.id);
  const installed = existsSync(paths.file);
  return {
    entry,
    origin: 'catalog',
    installed,
    file: installed ? paths.file : undefined,
    size: installed ? sizeOf(paths.file) : entry.size,
    record: installed ? readInstallRecord(paths.record) : undefined,
  };
}

/** Models imported under ids the catalog does not have: each <id>.onnx with its <id>.json record. */
function importedListings(catalogIds: Set<string>): ModelListing[] {
  const dir = installedModelsDir();
  if (!existsSync(dir)) return [];
  const out: ModelListing[] = [];
  for (const name of readdirSync(dir).sort()) {
    const id = name.endsWith('.onnx') ? name.slice(0, -'.onnx'.length) : undefined;
    if (!id || catalogIds.has(id)) continue;
    const paths = installedModelPaths(id);
    const record = readInstallRecord(paths.record);
    if (!record || record.id !== id) continue; // without a record nobody knows how to feed it
    out.push({ entry: entryFromRecord(record), origin: 'imported', installed: true, file: paths.file, size: sizeOf(paths.file), record });
  }
  return out;
}

/** Every catalog model with its installed state (the built-in style is always installed), then the user's imports. */
export function listModels(catalog: CatalogEntry[] = loadCatalog().models): ModelListing[] {
  return [...catalog.map(listingFor), ...importedListings(new Set(catalog.map((e) => e.id)))];
}

/** The file and entry of an installed model by id (catalog, built-in or imported), or undefined when it is not here. */
export function resolveInstalledModel(id: string, catalog: CatalogEntry[] = loadCatalog().models): { file: string; entry: CatalogEntry } | undefined {
  const entry = catalog.find((e) => e.id === id);
  const listing = entry ? listingFor(entry) : importedListings(new Set(catalog.map((e) => e.id))).find((l) => l.entry.id === id);
  return listing?.installed && listing.file ? { file: listing.file, entry: listing.entry } : undefined;
}
