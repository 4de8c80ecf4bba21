// Electron entry (package.json "main" → dist/main/electron/main.js): the desktop shell over the same ComicApi service
// the browser host uses. Everything here is glue; the work happens in main/services through main/api.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { createComicApi, PickedExports } from '../api';
import { dataDir } from '../services/store';
import { declareAppSchemes, serveAppFiles } from './app-protocol';
import { openServedDocument, serveImages } from './image-protocol';
import { serveFonts } from './font-protocol';
import { registerDesktopIpc } from './desktop-ipc';
import { registerComicIpc } from './ipc';
import { createMainWindow, isAppPageUrl } from './main-window';

/** dist/main/electron → dist/renderer, where `npm run build` bundles the UI. */
const rendererDir = join(__dirname, '..', '..', 'renderer');

app.enableSandbox();
declareAppSchemes();
// One instance: a second launch focuses this one's window (two processes would each save the same projects).
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
// The API writes only into the data folder (where the editor keeps every project); exports go where the user picks
// them in the Export dialog (each path admitted for that one export).
const pickedExports = new PickedExports();
const service = createComicApi({ host: 'electron', pickedExports, allowedFolders: () => [dataDir()] });

app.whenReady().then(() => {
  // The page asks for nothing (camera, notifications, ...): refuse every permission.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, grant) => grant(false));
  serveAppFiles(rendererDir);
  serveImages(service);
  serveFonts();
  registerComicIpc(service, (url) => isAppPageUrl(rendererDir, url));
  registerDesktopIpc((url) => isAppPageUrl(rendererDir, url), pickedExports);
  const openDocument = (url: string) => openServedDocument(service, url);
  createMainWindow(rendererDir, openDocument);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererDir, openDocument);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting waits for the running jobs to stop: their ffmpeg children are killed and half-written files removed.
let stopped = false;
app.on('before-quit', (event) => {
  if (stopped) return;
  event.preventDefault();
  service
    .dispose()
    .catch((err: Error) => console.error(`your-cartoon: stopping jobs on quit: ${err.message}`))
    .finally(() => {
      stopped = true;
      app.quit();
    });
});
