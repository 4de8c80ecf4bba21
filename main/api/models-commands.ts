import type { ImportModelRequest, InstallModelsFolderRequest, InstallModelsFolderResult, ModelSummary } from '../../app/api';
import type { ModelKind } from '../../app/stylize';
import { importModel, installModelsFromFolder, listModels, modelCheck, type ModelListing } from '../services/stylize/install';
import { optionalString, requireObject, requireString } from './request-checks';

function summary(l: ModelListing): ModelSummary {
  const e = l.entry;
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    description: e.description,
    origin: l.origin,
    installed: l.installed,
    ...(l.size !== undefined ? { size: l.size } : {}),
    licence: e.licence,
    verifiedBy: modelCheck(l),
    ...(e.spec.recommendedLongSide ? { recommendedLongSide: e.spec.recommendedLongSide } : {}),
  };
}

export async function listModelSummaries(): Promise<ModelSummary[]> {
  return listModels().map(summary);
}

/** Imports a local .onnx (checked to load; recognised by sha256 or fitted to a known spec) and lists it. */
export async function importModelFile(request: ImportModelRequest): Promise<ModelSummary> {
  const req = requireObject(request, 'importModel');
  const file = requireString(req.file, 'file');
  const installed = await importModel(file, {
    id: optionalString(req.id, 'id'),
    kind: optionalString(req.kind, 'kind') as ModelKind | undefined,
  });
  const listing = listModels().find((l) => l.entry.id === installed.id);
  if (!listing) throw new Error(`${file}: imported as "${installed.id}" but the model list does not show it`);
  return summary(listing);
}

/** Installs every catalog model found in a folder (recognised by sha256), as `models install-dir` does. */
export async function installModelsFolder(request: InstallModelsFolderRequest): Promise<InstallModelsFolderResult> {
  const req = requireObject(request, 'installModelsFolder');
  const got = await installModelsFromFolder(requireString(req.folder, 'folder'));
  const listed = listModels();
  const installed = got.installed
    .map((m) => listed.find((l) => l.entry.id === m.id))
    .filter((l): l is ModelListing => !!l)
    .map(summary);
  return { folder: got.folder, installed, unknown: got.unknown, failed: got.failed };
}
