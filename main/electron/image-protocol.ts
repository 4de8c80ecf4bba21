import { protocol, shell } from 'electron';
import { IMAGE_SCHEME } from '../../app/api';
import { fileResponse, imageRefFromUrlPath, type ComicService } from '../api';

// The scheme is declared with the app's own (app-protocol.ts: declareAppSchemes), in one call.

/**
 * comic-image://ROOT/FILE serves the images the API handed out, and only those: the service resolves ROOT to a
 * job's output folder and refuses any path leaving it (the same check as the browser host's /images/ route). The
 * project's video is served the same way, with range requests (206 / 416) so the player can seek (`stream`).
 */
export function serveImages(service: ComicService): void {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    const url = new URL(request.url);
    try {
      const path = await service.resolveImage(imageRefFromUrlPath(url.hostname, url.pathname.slice(1)));
      return await fileResponse(path, request);
    } catch (err) {
      const code = (err as { code?: string }).code;
      return new Response((err as Error).message, { status: code === 'IMAGE_FORBIDDEN' ? 403 : 404 });
    }
  });
}

/**
 * A link to a document the API handed out (the exported comic PDF, comic-image://ROOT/FILE) opens in the user's own
 * viewer, after the same checks as the protocol; anything else is refused. Returns whether the URL was one.
 */
export function openServedDocument(service: ComicService, url: string): boolean {
  if (!url.startsWith(`${IMAGE_SCHEME}:`)) return false;
  const parsed = new URL(url);
  service
    .resolveImage(imageRefFromUrlPath(parsed.hostname, parsed.pathname.slice(1)))
    .then((path) => shell.openPath(path))
    .then((problem) => problem && console.error(`your-cartoon: cannot open ${url}: ${problem}`))
    .catch((err: Error) => console.error(`your-cartoon: refused to open ${url}: ${err.message}`));
  return true;
}
