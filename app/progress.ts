import type { Shot, ShotTransition } from './keyframes';

/**
 * What a key-frame analysis has found so far, carried by its progress events so the timeline fills while it runs.
 * Provisional near the end of what is analysed (a boundary there may still move); the result replaces it.
 */
export interface FoundSoFar {
  shots: Shot[];
  transitions: ShotTransition[];
  /** Seconds of the video analysed: the last shot ends here for now. */
  analysedSeconds: number;
  /** The video's length and frame rate, to draw the timeline before the result comes. */
  duration: number;
  fps: number;
}

/** Progress of a long job, as the UI and the CLI progress bar both read it. */
export interface Progress {
  /** Short stage name: "decode", "analyse", "extract", "stylize", ... */
  stage: string;
  /** Units done and (when known) the total, for the stage. */
  done: number;
  total?: number;
  /** Overall fraction 0..1 across all stages, when known. */
  fraction?: number;
  /** Estimated seconds left, when known. */
  etaSeconds?: number;
  message?: string;
  /** Key-frame analysis: the shots found so far. */
  found?: FoundSoFar;
}

export type ProgressListener = (progress: Progress) => void;

/** What every long-running service function takes: a way to report and a way to be stopped. */
export interface JobContext {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/**
 * Seconds left, from the time spent so far and the overall fraction: a job's own estimate wins; none before 2%
 * (the first frames include start-up and would predict wildly).
 */
export function estimateEta(p: Progress, elapsedSeconds: number): number | undefined {
  if (p.etaSeconds !== undefined) return p.etaSeconds;
  return p.fraction && p.fraction > 0.02 ? (elapsedSeconds * (1 - p.fraction)) / p.fraction : undefined;
}
