import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { fontFilePath, isFontFile } from '../services/lettering';

export const FONT_SCHEME = 'comic-font';

/**
 * comic-font://fonts/FILE serves the lettering fonts the app ships (from app.asar's node_modules in a packaged app:
 * net.fetch reads inside the archive), by their served names only, to the renderer's font loader.
 */
export function serveFonts(): void {
  protocol.handle(FONT_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = decodeURIComponent(url.pathname.slice(1));
    if (url.hostname !== 'fonts' || !isFontFile(file)) return new Response('no such font', { status: 404 });
    try {
      const res = await net.fetch(pathToFileURL(fontFilePath(file)).toString());
      return new Response(res.body, { status: res.status, headers: { 'Content-Type': 'application/octet-stream', 'Access-Control-Allow-Origin': '*' } });
    } catch (err) {
      return new Response((err as Error).message, { status: 500 });
    }
  });
}
