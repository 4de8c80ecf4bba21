import type { DesktopBridge } from '../../app/desktop';

declare global {
  interface Window {
    /** Set by the Electron preload (main/electron/preload.ts); absent in a browser. */
    comicDesktop?: DesktopBridge;
  }
}

/** The desktop additions when running in Electron; undefined in the browser host. */
export const desktop = (): DesktopBridge | undefined => window.comicDesktop;
