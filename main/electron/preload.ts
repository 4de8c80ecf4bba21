// Preload of the editor window: exposes the ComicApi's transport (window.comicBridge) and nothing else.
// A sandboxed preload may only require a few built-in modules, so this file imports nothing of the app at run time:
// the channel names and the URL scheme are repeated here, and the compiler checks them against app/api.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiReply, ComicTransport, IMAGE_SCHEME, IPC_CHANNELS, JobEvent } from '../../app/api';

const CALL: (typeof IPC_CHANNELS)['call'] = 'comic:call';
const JOB_EVENT: (typeof IPC_CHANNELS)['jobEvent'] = 'comic:job-event';
const SCHEME: typeof IMAGE_SCHEME = 'comic-image';

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
