import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CancelledError } from '../../jobs';
import { InstallError, writeFailure } from './install-error';

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Called as bytes arrive: bytes in the file so far (resumed ones included) and the total when known. */
  onBytes?: (done: number, total: number | undefined) => void;
  /** Tries for failures worth retrying (connection lost, 5xx, stalled); each one resumes where the last stopped. */
  attempts?: number;
  /** An attempt is given up when no byte arrives for this long. */
  idleTimeoutMs?: number;
}

export interface DownloadResult {
  sha256: string;
  size: number;
  /** Bytes that were already in the .partial file and were kept (0 for a fresh download). */
  resumedFrom: number;
}

/** A failure another attempt may get past; the partial file is kept. */
class RetryableError extends Error {}

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : 0;
  } catch {
    return 0;
  }
}

async function hashExisting(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** What an offline or blocked machine meets, in words a user acts on (fetch only says "fetch failed"). */
const UNREACHABLE: Record<string, string> = {
  ENOTFOUND: 'the server name does not resolve: no network, or no DNS',
  EAI_AGAIN: 'the server name does not resolve: no network, or no DNS',
  ECONNREFUSED: 'the server refused the connection',
  ENETUNREACH: 'no network route to the server',
  EHOSTUNREACH: 'no network route to the server',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
};

function describeNetworkError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const code = e.cause?.code;
  if (code && UNREACHABLE[code]) return `${UNREACHABLE[code]} (${code}); check the connection and try again`;
  const cause = code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : e.message;
}

/** One request: resumes the partial file with a Range request when it has bytes, and hashes while writing. */
async function attempt(url: string, partial: string, opts: DownloadOptions): Promise<DownloadResult> {
  const have = await fileSize(partial);
  const controller = new AbortController();
  const forward = () => controller.abort();
  opts.signal?.addEventListener('abort', forward, { once: true });
  let idle: NodeJS.Timeout | undefined;
  let stalled = false;
  const idleMs = opts.idleTimeoutMs ?? 60_000;
  const rearm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, idleMs);
  };
  const networkError = (err: unknown) => {
    if (opts.signal?.aborted) return new CancelledError();
    if (stalled) return new RetryableError(`no data for ${Math.round(idleMs / 1000)} s`);
    return new RetryableError(describeNetworkError(err));
  };
  try {
    rearm();
    // identity: byte counts, Range offsets and the checksum are all about the file itself, never a gzip of it.
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (have > 0) headers.range = `bytes=${have}-`;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (err) {
      throw networkError(err);
    }
    if (res.status === 416 && have > 0) {
      // The server will not serve from that offset (the file changed or the partial is bogus): start over.
      await res.body?.cancel();
      await rm(partial, { force: true });
      return await attempt(url, partial, opts);
    }
    if (!res.ok) {
      await res.body?.cancel();
      const msg = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      if (res.status >= 500 || res.status === 408 || res.status === 429) throw new RetryableError(msg);
      throw new InstallError('DOWNLOAD_FAILED', msg);
    }
    let offset = 0;
    let total: number | undefined;
    if (res.status === 206) {
      const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
      if (!m || Number(m[1]) !== have) {
        await res.body?.cancel();
        await rm(partial, { force: true });
        throw new RetryableError(`the server resumed at the wrong offset (${res.headers.get('content-range')})`);
      }
      offset = have;
      total = m[2] === '*' ? undefined : Number(m[2]);
    } else {
      const length = res.headers.get('content-length');
      total = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
    }
    const hash = createHash('sha256');
    if (offset > 0) await hashExisting(partial, hash);
    let done = offset;
    opts.onBytes?.(done, total);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, next) {
        hash.update(chunk);
        done += chunk.length;
        rearm();
        opts.onBytes?.(done, total);
        next(null, chunk);
      },
    });
    let writeError: unknown;
    const out = createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w' });
    out.on('error', (err) => (writeError ??= err));
    const body = res.body ? Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
    try {
      await pipeline(body, counter, out);
    } catch (err) {
      if (writeError) {
        // What was written may be cut anywhere: do not leave it to be resumed from.
        await rm(partial, { force: true });
        throw writeFailure(writeError, partial, 'downloading');
      }
      throw networkError(err);
    }
    if (total !== undefined && done !== total) throw new RetryableError(`the connection closed after ${done} of ${total} bytes`);
    return { sha256: hash.digest('hex'), size: done, resumedFrom: offset };
  } finally {
    clearTimeout(idle);
    opts.signal?.removeEventListener('abort', forward);
  }
}

/**
 * Downloads `url` into `partial`, resuming what an earlier, interrupted download left there (HTTP Range; a server
 * that ignores it sends the whole file, which then replaces the partial). The sha256 covers the whole file, resumed
 * bytes included. On failure or cancel the partial file is kept for the next try, except after a write error.
 */
export async function downloadWithResume(url: string, partial: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  for (let i = 1; ; i++) {
    try {
      return await attempt(url, partial, opts);
    } catch (err) {
      if (!(err instanceof RetryableError)) throw err;
      if (i >= attempts) throw new InstallError('DOWNLOAD_FAILED', `${err.message} (after ${attempts} attempt${attempts > 1 ? 's' : ''})`);
      try {
        await sleep(Math.min(4000, 500 * i), undefined, { signal: opts.signal });
      } catch {
        throw new CancelledError();
      }
    }
  }
}
