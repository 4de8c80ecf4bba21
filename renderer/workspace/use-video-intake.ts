import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi } from '../../app/api';
import { desktop } from '../api/desktop';
import { uploadVideo, type UploadProgress } from '../api/upload';

export type IntakeState =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; progress: UploadProgress }
  | { phase: 'checking'; name: string }
  | { phase: 'failed'; name: string; code: string; message: string };

/**
 * How a video file gets in, whichever way the user gives it: dropped on the window or picked with Open. In Electron
 * the file is used where it is (its path); in the browser it is uploaded to the host's data folder with progress.
 * Either way it is probed before anything starts, so a file that is not a video is said at once, by name.
 */
export function useVideoIntake(api: ComicApi, uploadMaxBytes: number | undefined, onVideo: (path: string) => void) {
  const { t } = useTranslation();
  const [state, setState] = useState<IntakeState>({ phase: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  const input = useRef<HTMLInputElement | null>(null);

  const fail = (name: string, err: unknown) => {
    const e = err as Error & { code?: string };
    setState(e.code === 'CANCELLED' ? { phase: 'idle' } : { phase: 'failed', name, code: e.code ?? 'ERROR', message: e.message });
  };

  const usePath = useCallback(
    async (path: string, name: string) => {
      setState({ phase: 'checking', name });
      try {
        await api.probeVideo(path);
        setState({ phase: 'idle' });
        onVideo(path);
      } catch (err) {
        fail(name, err);
      }
    },
    [api, onVideo],
  );

  const takeFile = useCallback(
    async (file: File) => {
      const bridge = desktop();
      const inPlace = bridge?.pathForFile(file);
      if (inPlace) return usePath(inPlace, file.name);
      // The desktop app has no upload: a file without a path on disk (dragged out of another app) cannot be used.
      if (bridge) return setState({ phase: 'failed', name: file.name, code: 'NO_PATH', message: `${file.name}: not a file on this computer` });
      if (uploadMaxBytes !== undefined && file.size > uploadMaxBytes) {
        return setState({ phase: 'failed', name: file.name, code: 'TOO_LARGE', message: `${file.name}: TOO_LARGE` });
      }
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ phase: 'uploading', name: file.name, progress: { sent: 0, total: file.size } });
      try {
        const uploaded = await uploadVideo(file, (progress) => setState({ phase: 'uploading', name: file.name, progress }), controller.signal);
        setState({ phase: 'idle' });
        onVideo(uploaded.path);
      } catch (err) {
        fail(file.name, err);
      }
    },
    [uploadMaxBytes, usePath, onVideo],
  );

  /** Open: the native dialog in Electron, the page's file input in the browser. */
  const choose = useCallback(async () => {
    const bridge = desktop();
    if (!bridge) return input.current?.click();
    const path = await bridge.chooseVideo({ title: t('intake.openTitle'), filterName: t('intake.videos') });
    if (path) await usePath(path, path.split(/[\\/]/).pop() ?? path);
  }, [usePath, t]);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, takeFile, choose, cancel, dismiss, input };
}

export type VideoIntake = ReturnType<typeof useVideoIntake>;
