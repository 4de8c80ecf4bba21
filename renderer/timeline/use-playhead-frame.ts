import { useCallback, useRef, useState } from 'react';
import type { ComicApi, GrabbedFrame } from '../../app/api';

export type PlayheadFrame =
  | { status: 'none' }
  | { status: 'grabbing'; frame: number }
  | { status: 'ready'; frame: number; grabbed: GrabbedFrame; url: string }
  | { status: 'failed'; frame: number; message: string };

/**
 * The exact frame at the playhead, taken from the video (grabFrame) when a scrub ends: the very picture that "Add"
 * puts in the project. Only the newest request counts; an older one answering late is ignored.
 */
export function usePlayheadFrame(api: ComicApi, projectDir: string, fps: number) {
  const [state, setState] = useState<PlayheadFrame>({ status: 'none' });
  const latest = useRef(0);
  const pending = useRef<Promise<GrabbedFrame | undefined>>(Promise.resolve(undefined));

  const take = useCallback(
    (frame: number) => {
      const n = ++latest.current;
      setState({ status: 'grabbing', frame });
      const job = api.grabFrame({ projectDir, time: frame / fps }).then(
        (grabbed) => {
          if (n === latest.current) setState({ status: 'ready', frame: grabbed.keyframe.frame, grabbed, url: api.imageUrl(grabbed.image) });
          return grabbed;
        },
        (err: Error) => {
          if (n === latest.current) setState({ status: 'failed', frame, message: err.message });
          return undefined;
        },
      );
      pending.current = job;
      return job;
    },
    [api, projectDir, fps],
  );

  const clear = useCallback(() => {
    latest.current++;
    setState({ status: 'none' });
  }, []);

  /** The grab under way or done (for "add" pressed before it answered). */
  const current = useCallback(() => pending.current, []);

  return { state, take, clear, current };
}
