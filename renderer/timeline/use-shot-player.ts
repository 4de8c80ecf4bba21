import { useCallback, useEffect, useRef, useState } from 'react';
import type { Shot } from '../../app/keyframes';

/**
 * Plays one shot in a <video> (the project's video, served with range requests so it seeks at once): from the
 * playhead when it is inside the shot, else from the shot's start, pausing at its end. The playhead follows.
 */
export function useShotPlayer(onTime: (t: number) => void, onStop: (t: number) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState<Shot>();
  const frameRequest = useRef(0);

  const playingNow = useRef(false);
  /** Stops playing; `report`: tell onStop where (the playhead's exact frame is then taken). */
  const stop = useCallback(
    (report = true) => {
      const v = video.current;
      const was = playingNow.current;
      playingNow.current = false;
      v?.pause();
      cancelAnimationFrame(frameRequest.current);
      setPlaying(undefined);
      if (was && report && v) onStop(v.currentTime);
    },
    [onStop],
  );

  const play = useCallback(
    (shot: Shot, from: number) => {
      const v = video.current;
      if (!v) return;
      const start = from >= shot.startTime && from < shot.endTime - 0.05 ? from : shot.startTime;
      v.currentTime = start;
      setPlaying(shot);
      playingNow.current = true;
      const follow = () => {
        if (!playingNow.current) return;
        if (v.currentTime >= shot.endTime || v.ended) {
          playingNow.current = false;
          v.pause();
          setPlaying(undefined);
          onStop(Math.min(v.currentTime, shot.endTime - 1e-3));
          return;
        }
        onTime(v.currentTime);
        frameRequest.current = requestAnimationFrame(follow);
      };
      v.play().then(
        () => (frameRequest.current = requestAnimationFrame(follow)),
        () => {
          playingNow.current = false;
          setPlaying(undefined);
        },
      );
    },
    [onTime, onStop],
  );

  useEffect(() => () => cancelAnimationFrame(frameRequest.current), []);
  return { video, playing, play, stop };
}
