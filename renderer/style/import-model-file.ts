import type { ApiReply, ComicApi, ModelSummary } from '../../app/api';
import { takeToken } from '../api/token';

declare global {
  interface Window {
    /** Electron (when the preload offers it): the dropped file's own path, used in place. */
    comicFiles?: { pathForFile(file: File): string };
  }
}

/**
 * Imports a model the user dropped or chose: in Electron from its own path; in the browser its bytes are streamed
 * to the host (POST /api/upload-model), which checks and installs it as `models import` does.
 */
export async function importModelFile(api: ComicApi, file: File): Promise<ModelSummary> {
  const path = window.comicFiles?.pathForFile(file);
  if (path) return api.importModel({ file: path });
  if (window.comicBridge) throw new Error(`${file.name}: this window cannot read dropped files; install it with "your-cartoon models import FILE"`);
  const res = await fetch(`/api/upload-model?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${takeToken()}` },
    body: file,
  });
  const reply = (await res.json().catch(() => ({ ok: false, error: { message: `the app server answered ${res.status}`, code: 'HTTP', name: 'HttpError' } }))) as ApiReply;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as ModelSummary;
}
