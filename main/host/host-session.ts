import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How long the browser keeps the session cookie (it is worthless once this server stops: the token is per run). */
const COOKIE_MAX_AGE_S = 7 * 24 * 3600;

/**
 * Who may use this browser host. The secret token never leaves the process in a form a browser keeps in history or
 * another user can read: the printed address (and the one `--open` hands to the browser) carries a one-time code in
 * its fragment; the page exchanges it once for an HttpOnly, SameSite=Strict cookie holding the token, and takes
 * the code out of the address bar. A code works once. Non-browser clients (tests, scripts run by the same user
 * that started the server) may send the token as `Authorization: Bearer`.
 */
export class HostSessions {
  readonly token = randomBytes(24).toString('base64url');
  private readonly codes = new Set<string>();

  constructor(private readonly port: () => number) {}

  /** Cookies ignore ports: two servers on one machine each need their own name. */
  get cookieName(): string {
    return `ycis-${this.port()}`;
  }

  /** A new one-time code for an address to open. */
  newCode(): string {
    const code = randomBytes(18).toString('base64url');
    this.codes.add(code);
    return code;
  }

  /** The Set-Cookie value for a valid code (used up by this call), or undefined. */
  exchange(code: unknown): string | undefined {
    if (typeof code !== 'string' || !this.codes.delete(code)) return undefined;
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
  }

  /** Whether a request carries the token: the session cookie, or a Bearer header. */
  admits(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer !== undefined) return sameSecret(bearer, this.token);
    const cookies = String(req.headers.cookie ?? '').split(';').map((c) => c.trim());
    const mine = cookies.find((c) => c.startsWith(`${this.cookieName}=`))?.slice(this.cookieName.length + 1);
    return mine !== undefined && sameSecret(mine, this.token);
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
