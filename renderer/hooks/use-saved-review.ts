import { useEffect, useState } from 'react';
import type { ComicApi, KeyframesResult } from '../../app/api';

/** The saved review of the video at `path`, looked up a moment after the path stops changing (none: undefined). */
export function useSavedReview(api: ComicApi, path: string, refresh: unknown): KeyframesResult | undefined {
  const [saved, setSaved] = useState<KeyframesResult>();
  useEffect(() => {
    setSaved(undefined);
    const video = path.trim();
    if (!video) return;
    let live = true;
    const timer = setTimeout(() => {
      api.openProject({ video }).then(
        (found) => live && setSaved(found ?? undefined),
        () => undefined, // no saved review to offer: the user analyses the video
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, path, refresh]);
  return saved;
}
