import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './responses';
import { sendFile, type HostLog } from './send-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export class RendererNotBuiltError extends Error {
  readonly code = 'RENDERER_NOT_BUILT';
  constructor(dir: string) {
    super(`the UI is not built: ${join(dir, 'index.html')} is missing. Run "npm run build" first.`);
    this.name = 'RendererNotBuiltError';
  }
}

export function assertRendererBuilt(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) throw new RendererNotBuiltError(dir);
}

/** Sends a file of the built renderer, or false when the path names none (the caller answers 404). */
export async function sendRendererFile(res: ServerResponse, dir: string, pathname: string, log: HostLog): Promise<boolean> {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  } catch {
    return false; // malformed percent-encoding names no file
  }
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return false;
  const type = TYPES[extname(rel).toLowerCase()];
  if (!type) return false;
  const real = await realpath(join(dir, ...segments)).catch(() => undefined);
  const root = await realpath(dir).catch(() => undefined);
  if (!real || !root || !real.startsWith(root + sep)) return false;
  if (!(await stat(real).then((s) => s.isFile(), () => false))) return false;
  await sendFile(res, real, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
  }, log, pathname);
  return true;
}
