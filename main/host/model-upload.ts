import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dispatchCommand, type ComicService } from '../api';
import { dataDir } from '../services/store';
import { sendError, sendJson } from './responses';

/** A model file larger than this is refused (the styles are 5 to 50 MB). */
export const MODEL_UPLOAD_LIMIT = 1024 ** 3;

/**
 * POST /api/upload-model?name=FILE.onnx (the browser host's way to take a dropped model): the body is streamed into
 * a temporary file in the data folder (constant memory, at most MODEL_UPLOAD_LIMIT bytes), imported as
 * `models import` does (recognised by sha256, or fitted to a known spec, checked to load), and removed; the reply is
 * the importModel command's (the model as listModels shows it, or the reason it was refused).
 */
export async function uploadModel(req: IncomingMessage, res: ServerResponse, service: ComicService, url: URL): Promise<void> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'a model upload is application/octet-stream');
  }
  const name = url.searchParams.get('name') ?? '';
  if (!/\.onnx$/i.test(name)) return sendError(res, 400, 'BAD_REQUEST', `${name || 'the file'}: not a model (.onnx)`);
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MODEL_UPLOAD_LIMIT) return sendError(res, 413, 'TOO_LARGE', `${name}: ${length} bytes is more than a model file can be (${MODEL_UPLOAD_LIMIT})`);
  const dir = join(dataDir(), 'models', '.incoming');
  const tmp = join(dir, `${randomBytes(6).toString('hex')}.onnx`);
  try {
    await mkdir(dir, { recursive: true });
    let seen = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, next) {
        seen += chunk.length;
        next(seen > MODEL_UPLOAD_LIMIT ? Object.assign(new Error('too large'), { status: 413 }) : null, chunk);
      },
    });
    try {
      await pipeline(req, limit, createWriteStream(tmp));
    } catch (err) {
      if ((err as { status?: number }).status === 413) return sendError(res, 413, 'TOO_LARGE', `${name}: more than ${MODEL_UPLOAD_LIMIT} bytes`);
      return sendError(res, 400, 'UPLOAD_FAILED', `${name}: the upload did not arrive whole (${(err as Error).message}); nothing was installed`);
    }
    // The id a file the catalog does not know is installed under: its own name, as `models import` names it.
    const id = name.replace(/\.onnx$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model';
    const reply = await dispatchCommand(service, 'importModel', [{ file: tmp, id }]);
    if (!reply.ok) reply.error.message = reply.error.message.split(tmp).join(name);
    sendJson(res, 200, reply);
  } finally {
    await rm(tmp, { force: true });
  }
}
