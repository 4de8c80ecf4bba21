import { closeSync } from 'node:fs';
import type { FrameSource } from '../../video';
import type { NativeAddon } from './native-kernels';
import type { FeatureParams, FrameFeatures } from './types';

/**
 * Frames straight from ffmpeg's stdout to features (main/native/src/frame_reader.cc): ffmpeg writes into a pipe the
 * native module made, a thread of the module reads and analyses each frame as frameFeatures does, and only the
 * features reach JavaScript, in order. Nothing waits on the JavaScript thread, and no 100 KB frame is drained
 * through the event loop, copied and handed to another thread.
 */
export function nativeFeatureSource(
  addon: Required<Pick<NativeAddon, 'createFramePipe' | 'readFrameFeatures'>>,
  width: number,
  height: number,
  params: FeatureParams,
): FrameSource<FrameFeatures> {
  const [readFd, writeFd] = addon.createFramePipe();
  let writeOpen = true;
  let readOwned = true; // until the reader takes the descriptor over
  let reader: { cancel(): void } | undefined;
  const closeWrite = () => {
    if (writeOpen) closeSync(writeFd);
    writeOpen = false;
  };
  return {
    stdout: writeFd,
    // Features are small: a frame whose showinfo line is late (a busy event loop) waits for it, however long.
    maxUntimed: Infinity,
    // ffmpeg holds its own copy now: ours must go, or the reader would never see the end of the stream.
    spawned: closeWrite,
    start(_stdout, frame, end) {
      const { h, s, v } = params.hsvBins;
      readOwned = false;
      reader = addon.readFrameFeatures(
        readFd,
        width,
        height,
        Int32Array.of(h, s, v),
        params.glcmLevels,
        Int32Array.from(params.glcmOffsets.flat()),
        (features, leftoverBytes, error) => {
          if (features) frame(features);
          else end(leftoverBytes, error === null ? undefined : new Error(`reading ffmpeg's output failed: ${error}`));
        },
      );
    },
    // The features are small and kept anyway: nothing to hold back (ffmpeg waits on the pipe when the reader lags).
    pause: () => undefined,
    resume: () => undefined,
    stop() {
      reader?.cancel();
      if (readOwned) closeSync(readFd);
      readOwned = false;
      closeWrite();
    },
  };
}
