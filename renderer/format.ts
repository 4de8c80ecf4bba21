/** 75.25 → "1:15.3": times in the video, to a tenth of a second. */
export function formatTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** Time left, rounded the way people read it: "3 s", "2 min". */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  return `${Math.round(seconds / 60)} min left`;
}

export function percent(fraction: number | undefined): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction ?? 0)) * 100)}%`;
}
