// Preload of the editor window: exposes the ComicApi's transport (window.comicBridge) and nothing else.
// A sandboxed preload may only require a few built-in modules, so this file imports nothing of the app at run time:
// the channel names and the URL scheme are repeated here, and the compiler checks them against app/api.ts.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiReply, ComicTransport, IMAGE_SCHEME, IPC_CHANNELS, JobEvent } from '../../app/api';
import type { DESKTOP_CHANNELS, DesktopBridge } from '../../app/desktop';

const CALL: (typeof IPC_CHANNELS)['call'] = 'comic:call';
const JOB_EVENT: (typeof IPC_CHANNELS)['jobEvent'] = 'comic:job-event';
const SCHEME: typeof IMAGE_SCHEME = 'comic-image';
const CHOOSE: (typeof DESKTOP_CHANNELS)['chooseVideo'] = 'comic:choose-video';
const CHOOSE_EXPORT: (typeof DESKTOP_CHANNELS)['chooseExportTarget'] = 'comic:choose-export-target';
const SET_MENU: (typeof DESKTOP_CHANNELS)['setMenu'] = 'comic:set-menu';
const MENU_ACTION: (typeof DESKTOP_CHANNELS)['menuAction'] = 'comic:menu-action';

const bridge: ComicTransport = {
  // Replies stay envelopes ({ok, value} | {ok, error}): an Error thrown across the bridge would lose its code.
  call: (command, args) => ipcRenderer.invoke(CALL, command, args) as Promise<ApiReply>,
  onJobEvent(listener) {
    const forward = (_e: IpcRendererEvent, event: JobEvent) => listener(event);
    ipcRenderer.on(JOB_EVENT, forward);
    return () => {
      ipcRenderer.off(JOB_EVENT, forward);
    };
  },
  imageUrl: (ref) => `${SCHEME}://${ref.root}/${ref.file.split('/').map(encodeURIComponent).join('/')}`,
};

contextBridge.exposeInMainWorld('comicBridge', bridge);

const desktop: DesktopBridge = {
  platform: process.platform === 'darwin' ? 'mac' : process.platform,
  locale: process.argv.find((a) => a.startsWith('--ycis-locale='))?.slice('--ycis-locale='.length) ?? '',
  // A dropped file's path, used in place (no copy); '' for a File made by the page itself.
  pathForFile: (file) => webUtils.getPathForFile(file),
  chooseVideo: (texts) => ipcRenderer.invoke(CHOOSE, texts) as Promise<string | null>,
  chooseExportTarget: (request) => ipcRenderer.invoke(CHOOSE_EXPORT, request) as Promise<string | null>,
  setMenu: (items, labels) => ipcRenderer.send(SET_MENU, items, labels),
  onMenuAction(listener) {
    const forward = (_e: IpcRendererEvent, id: string) => listener(id);
    ipcRenderer.on(MENU_ACTION, forward);
    return () => {
      ipcRenderer.off(MENU_ACTION, forward);
    };
  },
};

contextBridge.exposeInMainWorld('comicDesktop', desktop);
