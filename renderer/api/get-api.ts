import type { ComicApi, ComicTransport } from '../../app/api';
import { createApiClient } from '../../app/api-client';
import { httpTransport } from './http-transport';
import { startSession } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload (main/electron/preload.ts); absent in a browser. */
    comicBridge?: ComicTransport;
  }
}

let api: ComicApi | undefined;

/** The one ComicApi of this page: over Electron's preload bridge when there is one, else over HTTP to the host. */
export function getApi(): ComicApi {
  api ??= createApiClient(window.comicBridge ?? httpTransport(window.location.origin, startSession(window.location.origin)));
  return api;
}
