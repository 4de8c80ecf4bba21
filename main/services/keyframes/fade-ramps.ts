import type { ShotSignal } from './shots-signals';
import { blankRuns } from './shots-blank';
import { framesOf } from './shots-types';

/**
 * A frame of a fade still shows less than this fraction of the contrast (luma standard deviation) its picture settles
 * at. A fade to black or to white scales the picture's contrast by the fade's progress, so this reads the progress
 * whatever the fade's colour or curve. At 0.85 the last tenth of a fade still made a cluster of its own (the HSV
 * histogram's value bins move with brightness); a steady picture's contrast varies far less than 5 % between frames.
 */
const SETTLED_FRACTION = 0.95;
/** The settled contrast: this quantile of the frames beyond the ramp (robust to a flash or a bright moment). */
const SETTLED_QUANTILE = 0.9;

/**
 * Marks the frames of the fades into and out of each blank run (black or white): starting next to the run and moving
 * away from it, up to `fadeMaxSeconds`, every frame whose contrast is still under SETTLED_FRACTION of where the picture
 * settles. A fading frame is a poor key frame (the same picture, darker or paler, often its own cluster).
 * `fadeMaxSeconds` 0 marks none.
 */
export function fadeRampFrames(
  signals: ReadonlyArray<Pick<ShotSignal, 'stdLuma'>>,
  blank: ReadonlyArray<boolean>,
  fps: number,
  fadeMaxSeconds: number,
): boolean[] {
  const fading = new Array<boolean>(signals.length).fill(false);
  if (fadeMaxSeconds <= 0) return fading;
  const span = framesOf(fadeMaxSeconds, fps);
  const markRamp = (start: number, step: 1 | -1) => {
    // The visible frames on this side of the run: the ramp's span, and as much again to see where the picture settles.
    const side: number[] = [];
    for (let i = start; i >= 0 && i < signals.length && !blank[i] && side.length < 2 * span; i += step) side.push(i);
    if (side.length === 0) return;
    const contrasts = side.map((i) => signals[i].stdLuma).sort((a, b) => a - b);
    const settled = contrasts[Math.min(contrasts.length - 1, Math.floor(SETTLED_QUANTILE * contrasts.length))];
    for (const i of side.slice(0, span)) {
      if (signals[i].stdLuma >= SETTLED_FRACTION * settled) break;
      fading[i] = true;
    }
  };
  for (const [first, last] of blankRuns(blank)) {
    markRamp(last + 1, 1);
    markRamp(first - 1, -1);
  }
  return fading;
}
