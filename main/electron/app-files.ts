import { extname, join } from 'node:path';

/** The origin of the app's own page in Electron: a custom scheme (not file://, which reaches the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * The file of the built renderer an app:// URL names, and its type; undefined for anything else (another host, a
 * path leaving the folder, an encoded separator, a type the UI does not ship). No Electron import: tested in Node.
 */
export function appFileFor(rendererDir: string, url: string): { path: string; type: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return undefined;
  let segments: string[];
  try {
    segments = parsed.pathname.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  if (!segments.length || segments.some((s) => !s || s === '.' || s === '..' || /[\\/\0]/.test(s))) return undefined;
  const type = TYPES[extname(segments[segments.length - 1]).toLowerCase()];
  return type ? { path: join(rendererDir, ...segments), type } : undefined;
}
