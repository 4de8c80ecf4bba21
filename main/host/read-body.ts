import type { IncomingMessage } from 'node:http';

/**
 * The largest request body: a project.json with many brush regions is a few MB (strokes are capped in length, see
 * app/masks), so this is far above any real one and still bounded.
 */
export const MAX_BODY = 16 << 20;
/** Past this much of an oversized body the connection is cut instead of drained. */
const MAX_DRAIN = 4 * MAX_BODY;

export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(size: number) {
    const mb = (n: number) => `${(n / (1 << 20)).toFixed(1)} MB`;
    super(`the request is too large (${size > 0 ? mb(size) : 'over the limit'}; the limit is ${mb(MAX_BODY)})`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body up to MAX_BODY. A larger one is refused with BodyTooLargeError: said at once when its
 * Content-Length tells, else once its end arrives; the rest is read and dropped (not reset), so the client gets
 * the 413 answer and its message instead of a broken connection.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? -1);
    let size = 0;
    let tooLarge = declared > MAX_BODY;
    const chunks: Buffer[] = [];
    const refuse = () => fail(new BodyTooLargeError(Math.max(declared, size)));
    if (tooLarge) {
      refuse();
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_DRAIN) req.destroy();
      });
      req.resume();
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      if (size > MAX_DRAIN) req.destroy();
      else if (!tooLarge) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => (tooLarge ? refuse() : done(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', fail);
  });
}
