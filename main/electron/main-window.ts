import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The editor window: isolated, sandboxed, no Node in the page; it may not navigate away or open windows. */
export function createMainWindow(rendererDir: string, openDocument: (url: string) => boolean = () => false): BrowserWindow {
  const index = join(rendererDir, 'index.html');
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
  const appUrl = pathToFileURL(index).toString();
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  // Links to the web (licences, docs) open in the user's browser, the exported PDF in the user's viewer; never
  // inside the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    else openDocument(url);
    return { action: 'deny' };
  });
  void win.loadFile(index);
  return win;
}

/** Whether an ipc sender is the app's own page (file URL of the built renderer, any hash or query). */
export function isAppPageUrl(rendererDir: string, url: string): boolean {
  return url.split(/[?#]/)[0] === pathToFileURL(join(rendererDir, 'index.html')).toString();
}
