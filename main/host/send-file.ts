import { open } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { fsErrorWords } from '../services/store';
import { answerRange, rangeHeaders } from '../api/byte-range';
import { fileValidators, isNotModified } from '../api/validators';
import { failpoint } from '../services/store/failpoints';
import { BASE_HEADERS, sendError } from './responses';

export type HostLog = (line: string) => void;

/**
 * Sends one file without ever letting a file-system error reach the process: it is opened first (a file that
 * cannot be opened is a 404/403/500 answer naming the cause), its size taken from the open handle, and streamed
 * from that handle, so a file replaced (renamed over) while it is served is sent whole as it was when opened. A
 * read error or a client that goes away mid-way ends that response only, with a log line. Range requests are
 * answered (206 with the bytes asked for, 416 past the end): a <video> seeks by asking for the bytes it needs.
 */
export async function sendFile(res: ServerResponse, path: string, headers: Record<string, string>, log: HostLog, name = path): Promise<void> {
  let fh;
  try {
    failpoint('open-read', path);
    fh = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const status = code === 'ENOENT' || code === 'ENOTDIR' ? 404 : code === 'EACCES' || code === 'EPERM' ? 403 : 500;
    if (status === 500) log(`serve: ${path}: cannot read it (${fsErrorWords(err)})`);
    return sendError(res, status, status === 404 ? 'NOT_FOUND' : 'FILE_UNREADABLE', `${name}: cannot read it (${fsErrorWords(err)})`);
  }
  let size: number;
  let validators: Record<string, string>;
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      return sendError(res, 404, 'NOT_FOUND', `${name}: not a file`);
    }
    size = st.size;
    validators = fileValidators(st);
    // The client's copy is current (it sent the ETag it has): 304, no bytes. A range request gets its bytes.
    const rq = res.req?.headers;
    if (rq && !rq.range && isNotModified(rq['if-none-match'], rq['if-modified-since'], st)) {
      await fh.close();
      res.writeHead(304, { ...BASE_HEADERS, ...(headers['Cache-Control'] ? { 'Cache-Control': headers['Cache-Control'] } : {}), ...validators });
      res.end();
      return;
    }
  } catch (err) {
    await fh.close().catch(() => undefined);
    log(`serve: ${path}: cannot read it (${fsErrorWords(err)})`);
    return sendError(res, 500, 'FILE_UNREADABLE', `${name}: cannot read it (${fsErrorWords(err)})`);
  }
  const answer = answerRange(res.req?.headers.range, size);
  res.writeHead(answer.status, { ...BASE_HEADERS, ...headers, ...validators, ...rangeHeaders(answer, size) });
  if (answer.status === 416 || res.req?.method === 'HEAD' || size === 0) {
    await fh.close();
    res.end();
    return;
  }
  try {
    await pipeline(fh.createReadStream({ start: answer.start, end: answer.end }), res);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The browser cancelled (a scrolled-away thumbnail, a closed tab): nothing to say.
    if (code !== 'ERR_STREAM_PREMATURE_CLOSE' && code !== 'ECONNRESET' && code !== 'EPIPE') {
      log(`serve: ${path}: stopped while sending it (${fsErrorWords(err)})`);
    }
    res.destroy();
  } finally {
    await fh.close().catch(() => undefined);
  }
}
