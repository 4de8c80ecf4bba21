import { ApiError, type ApiReply, type ComicApi, type ModelSummary } from '../../app/api';
import { desktop } from '../api/desktop';

/**
 * Imports a model the user dropped or chose: in Electron from its own path (used in place); in the browser its bytes
 * are streamed to the host (POST /api/upload-model, the session cookie signs it), which checks and installs it as
 * `models import` does.
 */
export async function importModelFile(api: ComicApi, file: File): Promise<ModelSummary> {
  const path = desktop()?.pathForFile(file);
  if (path) return api.importModel({ file: path });
  const res = await fetch(`${window.location.origin}/api/upload-model?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  let reply: ApiReply<ModelSummary>;
  try {
    reply = (await res.json()) as ApiReply<ModelSummary>;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, `${file.name}: the app answered ${res.status} ${res.statusText}`);
  }
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.name);
  return reply.value;
}
