// What a run will cost, from what one frame took: pure arithmetic, tested beside it.

/** Seconds as a person reads them: "0.4 s", "12 s", "3 min 20 s". */
export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 90) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - 60 * m);
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

export interface Measured {
  /** What the run took, ms. */
  ms: number;
  /** The size the model ran at. */
  processedWidth: number;
  processedHeight: number;
}

/**
 * The time per frame at `target` pixels from a run measured at another size: these generators cost in proportion to
 * the pixels they see (convolutions), so a draft's time scales by the pixel ratio. `exact` when measured at the size.
 */
export function perFrameMs(measured: Measured, targetPixels: number): { ms: number; exact: boolean } {
  const pixels = measured.processedWidth * measured.processedHeight;
  if (pixels === targetPixels) return { ms: measured.ms, exact: true };
  return { ms: (measured.ms * targetPixels) / Math.max(1, pixels), exact: false };
}

/** "≈ 2.1 s a frame, 13 s for 6 frames" (with "about" when scaled from another size). */
export function costText(perFrame: { ms: number; exact: boolean }, frames: number): string {
  const each = formatSeconds(perFrame.ms / 1000);
  const all = formatSeconds((perFrame.ms * frames) / 1000);
  return `${perFrame.exact ? '' : 'about '}${each} a frame, ${all} for ${frames} frame${frames === 1 ? '' : 's'}`;
}

/** The size (px) a frame of `width`×`height` is drawn at for a model recommending `longSide` (never enlarged). */
export function panelSize(width: number, height: number, longSide?: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (!longSide || longSide >= long) return { width, height };
  const k = longSide / long;
  return { width: Math.round(width * k), height: Math.round(height * k) };
}
