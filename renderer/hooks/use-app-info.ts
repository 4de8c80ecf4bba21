import { useEffect, useState } from 'react';
import type { AppInfo, ComicApi } from '../../app/api';

/** The app's info (ffmpeg, kernels, providers), read once; or why it could not be read. */
export function useAppInfo(api: ComicApi): { info?: AppInfo; error?: string } {
  const [state, setState] = useState<{ info?: AppInfo; error?: string }>({});
  useEffect(() => {
    let live = true;
    api.appInfo().then(
      (info) => live && setState({ info }),
      (err: Error) => live && setState({ error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
