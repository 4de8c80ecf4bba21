import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { IMAGE_SCHEME } from '../../app/api';
import { APP_SCHEME, appFileFor } from './app-files';
import { FONT_SCHEME } from './font-protocol';

/**
 * Must run before the app is ready, once for every scheme (a second call would replace the first): app:// (the
 * page itself), comic-image:// (the API's pictures) and comic-font:// (the lettering fonts) behave like https (standard URLs, secure context, fetch).
 */
export function declareAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    // comic-font://fonts/FILE: the lettering fonts (font-protocol.ts), fetched by the page for its @font-face rules.
    { scheme: FONT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** app://bundle/FILE serves the built renderer's files, and nothing else (see appFileFor). */
export function serveAppFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file.path), { headers: { 'Content-Type': file.type, 'X-Content-Type-Options': 'nosniff' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
