import type { ServerResponse } from 'node:http';
import type { ApiReply } from '../../app/api';

/** Headers on every response: no sniffing, no framing, no referrer (URLs may carry the token). */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The page's CSP (the same policy renderer/index.html declares for Electron, plus what only a header can say). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const reply: ApiReply = { ok: false, error: { code, message, name: 'HostError' } };
  sendJson(res, status, reply);
}
