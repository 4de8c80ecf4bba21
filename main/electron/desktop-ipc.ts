import { BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNELS, VIDEO_EXTENSIONS } from '../../app/desktop';
import { buildAppMenu, checkMenuItems } from './app-menu';

/**
 * The desktop additions over ipc: the native Open dialog (a path, used in place) and the application menu the
 * renderer describes. Only the app's own page may ask.
 */
export function registerDesktopIpc(isAppPage: (url: string) => boolean): () => void {
  const fromApp = (e: IpcMainEvent | IpcMainInvokeEvent) => isAppPage(e.senderFrame?.url ?? '');
  ipcMain.handle(DESKTOP_CHANNELS.chooseVideo, async (event) => {
    if (!fromApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = {
      properties: ['openFile' as const],
      filters: [
        { name: 'Videos', extensions: VIDEO_EXTENSIONS },
        { name: '*', extensions: ['*'] },
      ],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : picked.filePaths[0] ?? null;
  });
  const onMenu = (event: IpcMainEvent, items: unknown, labels: unknown) => {
    if (!fromApp(event)) return;
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) return;
    const names = labels && typeof labels === 'object' ? (labels as Record<string, string>) : {};
    buildAppMenu(win, checkMenuItems(items), names, (id) => {
      if (!win.isDestroyed()) win.webContents.send(DESKTOP_CHANNELS.menuAction, id);
    });
  };
  ipcMain.on(DESKTOP_CHANNELS.setMenu, onMenu);
  return () => {
    ipcMain.removeHandler(DESKTOP_CHANNELS.chooseVideo);
    ipcMain.off(DESKTOP_CHANNELS.setMenu, onMenu);
  };
}
