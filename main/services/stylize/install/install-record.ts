import { existsSync, readFileSync } from 'node:fs';
import type { CatalogEntry, ModelKind, ModelSpec } from '../../../../app/stylize';
import { writeFileAtomic } from '../../store/atomic-file';

/** How an installed model's bytes were checked. */
export type Verification = 'sha256' | 'loaded';

/** <data>/models/<id>.json: what was installed, from where, and how it was verified. */
export interface InstallRecord {
  schemaVersion: 1;
  id: string;
  name: string;
  kind: ModelKind;
  source: { type: 'download'; url: string } | { type: 'import'; path: string };
  sha256: string;
  size: number;
  installedAt: string;
  spec: ModelSpec;
  /**
   * 'sha256': the bytes are the catalog's (checksum) and the graph loaded with this spec; 'loaded': there was no
   * checksum to compare with, so it is only known to load in onnxruntime and to match the spec.
   */
  verified: Verification;
  /** The catalog entry it is (or was matched to), when there is one. */
  catalogId?: string;
  licence?: CatalogEntry['licence'];
}

export function verificationText(v: Verification): string {
  return v === 'sha256'
    ? 'checksum-verified (sha256 matches the catalog) and loaded in onnxruntime'
    : 'not checksum-verified (no sha256 to compare with): checked only by loading it in onnxruntime and matching its spec';
}

/** The record, or undefined when it is missing or unreadable (the model file alone still counts as installed). */
export function readInstallRecord(path: string): InstallRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as InstallRecord;
    return json && json.schemaVersion === 1 && typeof json.id === 'string' && json.spec ? json : undefined;
  } catch {
    return undefined;
  }
}

export function writeInstallRecord(path: string, record: InstallRecord): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
}
