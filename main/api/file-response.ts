import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { answerRange, rangeHeaders } from './byte-range';
import { imageContentType } from './image-roots';
import { fileValidators, isNotModified } from './validators';

/**
 * A served file as a fetch Response (what Electron's protocol handler returns), answering a Range header with 206
 * and the bytes asked for, or 416 when they are past the end. Plain Node: tested without Electron.
 */
export async function fileResponse(path: string, request: { method?: string; headers: { get(name: string): string | null } }): Promise<Response> {
  const st = await stat(path);
  const { size } = st;
  const validators = fileValidators(st);
  // The copy the renderer holds is current: no bytes (a range request always gets its bytes).
  if (!request.headers.get('range') && isNotModified(request.headers.get('if-none-match'), request.headers.get('if-modified-since'), st)) {
    return new Response(null, { status: 304, headers: { 'Cache-Control': 'no-cache', ...validators } });
  }
  const answer = answerRange(request.headers.get('range'), size);
  const headers = { 'Content-Type': imageContentType(path), 'Cache-Control': 'no-cache', ...validators, ...rangeHeaders(answer, size) };
  if (answer.status === 416 || request.method === 'HEAD' || size === 0) return new Response(null, { status: answer.status, headers });
  const body = Readable.toWeb(createReadStream(path, { start: answer.start, end: answer.end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: answer.status, headers });
}
