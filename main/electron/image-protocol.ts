import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { IMAGE_SCHEME } from '../../app/api';
import { imageRefFromUrlPath, type ComicService } from '../api';

/** Must run before the app is ready: the scheme behaves like https (standard URLs, secure context, fetch). */
export function declareImageScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * comic-image://ROOT/FILE serves the images the API handed out, and only those: the service resolves ROOT to a
 * job's output folder and refuses any path leaving it (the same check as the browser host's /images/ route).
 */
export function serveImages(service: ComicService): void {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    const url = new URL(request.url);
    try {
      const path = await service.resolveImage(imageRefFromUrlPath(url.hostname, url.pathname.slice(1)));
      return net.fetch(pathToFileURL(path).toString());
    } catch (err) {
      const code = (err as { code?: string }).code;
      return new Response((err as Error).message, { status: code === 'IMAGE_FORBIDDEN' ? 403 : 404 });
    }
  });
}
