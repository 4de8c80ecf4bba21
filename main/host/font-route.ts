import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fontFilePath, isFontFile } from '../services/lettering';
import { BASE_HEADERS, sendError } from './responses';

const TYPES: Record<string, string> = { ttf: 'font/ttf', otf: 'font/otf', woff: 'font/woff', woff2: 'font/woff2' };

/**
 * GET /fonts/FILE: the lettering fonts the app ships (the same files the PDF embeds), by their served names only
 * (app/lettering/fonts.ts lists them); nothing else on disk can be named. Public like the UI's own files.
 */
export function sendFont(res: ServerResponse, name: string): void {
  let file: string;
  try {
    file = decodeURIComponent(name);
  } catch {
    return sendError(res, 404, 'NOT_FOUND', 'no such font');
  }
  if (!isFontFile(file)) return sendError(res, 404, 'NOT_FOUND', `no font ${file}`);
  let path: string;
  try {
    path = fontFilePath(file);
  } catch (err) {
    return sendError(res, 500, 'FONT_MISSING', (err as Error).message);
  }
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': TYPES[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'max-age=86400' });
  createReadStream(path).pipe(res);
}
