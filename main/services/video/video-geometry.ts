import type { VideoInfo } from '../../../app/video';

/** "30000/1001", "16:11", "25" → number; "0/0", "N/A", "0:1" and garbage → undefined. */
export function parseRatio(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2]));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Any angle (degrees, clockwise) → the nearest of 0/90/180/270. */
export function normaliseRotation(clockwiseDegrees: number): VideoInfo['rotation'] {
  const quarter = (((Math.round(clockwiseDegrees / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  return ([0, 90, 180, 270] as const)[quarter];
}

/** The size a viewer shows: non-square pixels stretch the width (as ffmpeg's DAR does), then rotation swaps. */
export function displaySize(
  codedWidth: number,
  codedHeight: number,
  sampleAspectRatio: number,
  rotation: VideoInfo['rotation'],
): { width: number; height: number } {
  const width = Math.max(1, Math.round(codedWidth * sampleAspectRatio));
  return rotation === 90 || rotation === 270 ? { width: codedHeight, height: width } : { width, height: codedHeight };
}

/** Analysis frame size for a requested width: the display aspect kept, height rounded to an even number. */
export function analysisSize(info: Pick<VideoInfo, 'width' | 'height'>, width: number): { width: number; height: number } {
  const w = Math.max(2, Math.round(width));
  const h = Math.max(2, 2 * Math.round((w * info.height) / info.width / 2));
  return { width: w, height: h };
}

/** Snaps a rate printed with few digits ("29.97", "23.98") to the NTSC fraction it stands for. */
export function snapRate(rate: number): number {
  for (const base of [24, 30, 48, 60, 120]) {
    const ntsc = (base * 1000) / 1001;
    if (Math.abs(rate - ntsc) < 0.006) return ntsc;
  }
  return rate;
}
