import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type ApiReply } from '../../app/api';
import { dispatchCommand, type ComicService } from '../api';

/**
 * The ComicApi over Electron ipc: one invoke channel for every command (only COMIC_COMMANDS pass dispatchCommand),
 * and every job event sent to every window. Calls from any frame but the app's own page are refused.
 */
export function registerComicIpc(service: ComicService, isAppPage: (url: string) => boolean): () => void {
  ipcMain.handle(IPC_CHANNELS.call, async (event: IpcMainInvokeEvent, command: unknown, args: unknown): Promise<ApiReply> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppPage(url)) return { ok: false, error: { code: 'FORBIDDEN', message: `refused a call from ${url || 'an unknown frame'}`, name: 'IpcError' } };
    return dispatchCommand(service, command, args);
  });
  const stop = service.onJobEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_CHANNELS.jobEvent, event);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    stop();
  };
}
