import { performance } from 'node:perf_hooks';
import type { AnalysisParams } from '../../../app/keyframes';
import type { FoundSoFar } from '../../../app/progress';
import { fadeRampFrames } from './fade-ramps';
import { shotStructure } from './shot-structure';
import { frameRateOf } from './shots';
import type { ShotSignal } from './shots-signals';

/**
 * The shots of the frames analysed so far, for the progress events: the shot detector run again over what has
 * arrived, at most twice a second and never taking more than 1/20 of the time (a long video's detection costs more),
 * so showing shots as they are found costs the analysis at most 5 %. Between runs the last result is reused.
 */
export class ShotsSoFar {
  private readonly signals: ShotSignal[] = [];
  private found: FoundSoFar;
  private lastRun = -Infinity;
  private cost = 0;

  constructor(
    private readonly info: { fps: number; duration: number },
    private readonly params: AnalysisParams,
    private readonly minIntervalMs = 500,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.found = { shots: [], transitions: [], analysedSeconds: 0, duration: info.duration, fps: info.fps };
  }

  push(signal: ShotSignal): void {
    this.signals.push(signal);
  }

  current(): FoundSoFar {
    const t = this.now();
    if (this.signals.length >= 2 && t - this.lastRun >= Math.max(this.minIntervalMs, 20 * this.cost)) {
      const { signals, params } = this;
      const flat = signals.map((s) => s.stdLuma <= params.blankMaxStd);
      const fading = fadeRampFrames(signals, flat, frameRateOf(signals, this.info.fps), params.fadeMaxSeconds);
      const { shots, transitions } = shotStructure(signals, this.info, params, fading);
      const fps = frameRateOf(signals, this.info.fps);
      const analysedSeconds = signals[signals.length - 1].time + 1 / fps;
      this.found = { shots, transitions, analysedSeconds, duration: Math.max(this.info.duration, analysedSeconds), fps: this.info.fps };
      this.lastRun = this.now();
      this.cost = this.lastRun - t;
    }
    return this.found;
  }
}
