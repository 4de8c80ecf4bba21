import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedVideo } from '../../app/api';
import { toErrorInfo } from '../api';
import { uploadMaxBytes } from '../api/upload-limit';
import { dataDir } from '../services/store';
import { probeVideo } from '../services/video';
import { sendError, sendJson } from './responses';

/** The folder uploads land in: <data>/uploads/<first 16 hex of the content's sha256>/<the file's own name>. */
export const uploadsDir = () => join(dataDir(), 'uploads');

/** A file name safe on every platform, kept recognisable ("My clip (1).mp4" stays itself). */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  return clean || 'video';
}

class UploadError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Counts and hashes the bytes going by; stops the stream at the limit. Memory: one chunk at a time. */
function meter(limit: number, name: string) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadError(413, 'TOO_LARGE', `${name}: larger than the ${formatBytes(limit)} this app accepts`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, size: () => size, digest: () => hash.digest('hex') };
}

const formatBytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);

/**
 * POST /api/upload?name=FILE (token-checked by the caller): the body is the file, streamed to a temporary file in
 * the data folder (constant memory), probed like any video, then kept under uploads/. A body over the limit, a
 * connection cut half-way or a file that is not a video leaves nothing behind.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'uploads are POST requests');
  const name = safeUploadName(url.searchParams.get('name') ?? '');
  const limit = uploadMaxBytes();
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Answered at once, and the connection closed: the body is never read.
    res.on('finish', () => req.destroy());
    return sendError(res, 413, 'TOO_LARGE', `${name}: ${formatBytes(declared)} is larger than the ${formatBytes(limit)} this app accepts`);
  }
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.upload-${randomBytes(8).toString('hex')}.part`);
  const counted = meter(limit, name);
  try {
    // A client that goes away mid-body makes the request stream fail ("aborted"): pipeline rejects, temp removed.
    await pipeline(req, counted.stream, createWriteStream(temp, { flags: 'wx' }));
    if (!req.complete) throw new UploadError(400, 'UPLOAD_INTERRUPTED', `${name}: the upload was cut off`);
    if (counted.size() === 0) throw new UploadError(400, 'EMPTY', `${name}: the file is empty (0 bytes)`);
    const info = await probeVideo(temp).catch((err: Error & { code?: string }) => {
      throw new UploadError(415, err.code ?? 'NOT_A_VIDEO', `${name}: ${err.message.replace(/^[^:]*: /, '')}`);
    });
    const folder = join(dir, counted.digest().slice(0, 16));
    await mkdir(folder, { recursive: true });
    const path = join(folder, name);
    // The same content sent again lands in the same place: its project is the one made before.
    await rename(temp, path);
    const reply: UploadedVideo = { path, name, size: (await stat(path)).size, info: { ...info, path } };
    sendJson(res, 200, { ok: true, value: reply });
  } catch (err) {
    await rm(temp, { force: true });
    if (res.headersSent || res.destroyed || req.destroyed && !req.complete) return void res.destroy();
    if (err instanceof UploadError) return sendError(res, err.status, err.code, err.message);
    const info = toErrorInfo(err);
    sendError(res, 500, info.code, `${name}: ${info.message}`);
  }
}
