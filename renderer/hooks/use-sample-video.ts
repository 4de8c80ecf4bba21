import { useCallback, useState } from 'react';
import type { ComicApi } from '../../app/api';

/** Asks the app for its built-in sample video (made on first use, a few seconds); gives its path. */
export function useSampleVideo(api: ComicApi, onReady: (path: string) => void) {
  const [making, setMaking] = useState(false);
  const [error, setError] = useState<string>();
  const make = useCallback(async () => {
    setMaking(true);
    setError(undefined);
    try {
      onReady(await api.makeSampleVideo());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setMaking(false);
    }
  }, [api, onReady]);
  return { making, error, make };
}
