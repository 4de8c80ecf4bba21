import { BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNELS, VIDEO_EXTENSIONS, dialogTexts } from '../../app/desktop';
import type { PickedExports } from '../api';
import { buildAppMenu, checkMenuItems } from './app-menu';
import { askAgainAt, exportDialogFor, exportTargetFromDialog } from './export-dialog';

/**
 * The desktop additions over ipc: the native Open dialog (a path, used in place), the Export dialog (the path picked
 * is admitted for that one export: `picked`), and the application menu the renderer describes. Only the app's own
 * page may ask.
 */
export function registerDesktopIpc(isAppPage: (url: string) => boolean, picked: PickedExports): () => void {
  const fromApp = (e: IpcMainEvent | IpcMainInvokeEvent) => isAppPage(e.senderFrame?.url ?? '');
  ipcMain.handle(DESKTOP_CHANNELS.chooseVideo, async (event, texts: unknown) => {
    if (!fromApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const words = dialogTexts(texts, { title: 'Open a video', filterName: 'Videos' });
    const options = {
      title: words.title,
      properties: ['openFile' as const],
      filters: [
        { name: words.filterName, extensions: VIDEO_EXTENSIONS },
        { name: '*', extensions: ['*'] },
      ],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : picked.filePaths[0] ?? null;
  });
  ipcMain.handle(DESKTOP_CHANNELS.chooseExportTarget, async (event, request: unknown) => {
    const asked = fromApp(event) ? exportDialogFor(request) : undefined;
    if (!asked) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    let path: string | undefined;
    if (asked.kind === 'save') {
      let options = asked.options;
      // At most three rounds: a name typed without its extension whose full name exists is asked about again.
      for (let round = 0; round < 3; round++) {
        const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        path = answer.canceled ? undefined : answer.filePath;
        const again = path ? askAgainAt(asked.format, path) : undefined;
        if (!again) break;
        options = { ...options, defaultPath: again };
        path = undefined;
      }
    } else {
      const answer = win ? await dialog.showOpenDialog(win, asked.options) : await dialog.showOpenDialog(asked.options);
      path = answer.canceled ? undefined : answer.filePaths[0];
    }
    if (!path) return null;
    const target = exportTargetFromDialog(asked.format, path);
    picked.grant(target, asked.format);
    return target;
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
    ipcMain.removeHandler(DESKTOP_CHANNELS.chooseExportTarget);
    ipcMain.off(DESKTOP_CHANNELS.setMenu, onMenu);
  };
}
