import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { APP_PAGE_URL } from './app-files';
import { isAllowedExternalUrl } from './external-links';

/**
 * The editor window: isolated, sandboxed, no Node in the page, loaded from app:// (never file://); it may not
 * navigate away or open windows. `rendererDir` is served by serveAppFiles.
 */
export function createMainWindow(_rendererDir: string, openDocument: (url: string) => boolean = () => false): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Your Cartoon Is',
    webPreferences: {
      preload: join(__dirname, 'preload.js'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
      // The preload tells the page the system's language (app.getLocale) and platform (⌘ or Ctrl in shortcuts).
      additionalArguments: [`--ycis-locale=${app.getLocale()}`],
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (url.split(/[?#]/)[0] !== APP_PAGE_URL) event.preventDefault();
  });
  // Links to the web (licences, docs) open in the user's browser, the exported PDF in the user's viewer; never
  // inside the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else if (!openDocument(url)) console.error(`your-cartoon: refused to open ${url}`);
    return { action: 'deny' };
  });
  void win.loadURL(APP_PAGE_URL);
  return win;
}

/** Whether an ipc sender is the app's own page (app://bundle/index.html, any hash or query). */
export function isAppPageUrl(_rendererDir: string, url: string): boolean {
  return url.split(/[?#]/)[0] === APP_PAGE_URL;
}
