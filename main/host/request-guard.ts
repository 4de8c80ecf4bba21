import type { IncomingMessage } from 'node:http';

/** Why a request is refused, as an HTTP status and a message; undefined when it may go on. */
export type Refusal = { status: number; code: string; message: string } | undefined;

/**
 * Only this server's own page may talk to it. The Host header must name the loopback address we listen on (a web
 * page whose DNS name was rebound to 127.0.0.1 sends its own name), and a browser's Origin, when sent, must be ours
 * (another site's script is refused even before the token is checked).
 */
export function checkOrigin(req: IncomingMessage, port: number): Refusal {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowed.includes(String(req.headers.host))) {
    return { status: 403, code: 'FORBIDDEN_HOST', message: `refused: Host ${JSON.stringify(req.headers.host)} is not this server` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.some((a) => origin === `http://${a}`)) {
    return { status: 403, code: 'FORBIDDEN_ORIGIN', message: `refused: requests from ${origin} are not allowed` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { status: 403, code: 'FORBIDDEN_ORIGIN', message: 'refused: cross-site request' };
  }
  return undefined;
}

export const UNAUTHORIZED: Refusal = {
  status: 401,
  code: 'UNAUTHORIZED',
  message: 'a valid token is required: open the address "your-cartoon serve" printed (each works once; run serve again for a new one)',
};
