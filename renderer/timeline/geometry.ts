/**
 * The timeline's geometry, pure: no DOM, no React. A view shows the span [start, start + duration / zoom] of a video
 * across `width` pixels; zoom 1 shows the whole video. Everything the timeline draws (bands, thumbnails, ticks, the
 * playhead) is placed by these functions, so they are tested without a browser.
 */

export interface TimelineView {
  /** The video's length, seconds (> 0). */
  duration: number;
  /** Width of the visible strip, pixels (> 0). */
  width: number;
  /** 1: the whole video fits; larger: magnified. */
  zoom: number;
  /** Time at the left edge, seconds. */
  start: number;
}

/** The most the timeline magnifies: this many frames across the screen. */
export const FRAMES_PER_SCREEN_AT_MOST_ZOOM = 4;

export function maxZoom(duration: number, fps: number, framesPerScreen = FRAMES_PER_SCREEN_AT_MOST_ZOOM): number {
  const frameSeconds = 1 / (fps > 0 && Number.isFinite(fps) ? fps : 25);
  return Math.max(1, duration / (framesPerScreen * frameSeconds));
}

/** Seconds shown across the strip. */
export const visibleSeconds = (v: TimelineView) => v.duration / v.zoom;

export const pixelsPerSecond = (v: TimelineView) => (v.width * v.zoom) / v.duration;

/** Where time `t` is, in pixels from the strip's left edge (outside [0, width] when off screen). */
export const timeToX = (v: TimelineView, t: number) => (t - v.start) * pixelsPerSecond(v);

/** The time at pixel `x` of the strip, clamped to the video. */
export function xToTime(v: TimelineView, x: number): number {
  return clamp(v.start + x / pixelsPerSecond(v), 0, v.duration);
}

/** [first, last] seconds on screen. */
export function visibleRange(v: TimelineView): [number, number] {
  return [v.start, v.start + visibleSeconds(v)];
}

/** The view with its zoom in [1, most] and its start keeping the screen inside the video. */
export function clampView(v: TimelineView, most = Infinity): TimelineView {
  const zoom = clamp(v.zoom, 1, Math.max(1, most));
  const start = clamp(v.start, 0, Math.max(0, v.duration - v.duration / zoom));
  return { ...v, zoom, start };
}

/** Zooms by `factor` keeping the moment under pixel `x` (the cursor) where it is. */
export function zoomAround(v: TimelineView, factor: number, x: number, most = Infinity): TimelineView {
  const anchor = v.start + x / pixelsPerSecond(v);
  const zoom = clamp(v.zoom * factor, 1, Math.max(1, most));
  const pps = (v.width * zoom) / v.duration;
  return clampView({ ...v, zoom, start: anchor - x / pps }, most);
}

/** Scrolls by `dx` pixels (positive: later). */
export function scrollByPixels(v: TimelineView, dx: number, most = Infinity): TimelineView {
  return clampView({ ...v, start: v.start + dx / pixelsPerSecond(v) }, most);
}

/** Scrolls the least that brings `t` on screen, with `margin` pixels to spare (the view as it is when it shows t). */
export function revealTime(v: TimelineView, t: number, margin = 40): TimelineView {
  const x = timeToX(v, t);
  const m = Math.min(margin, v.width / 4);
  if (x >= m && x <= v.width - m) return v;
  const dx = x < m ? x - m : x - (v.width - m);
  return clampView({ ...v, start: v.start + dx / pixelsPerSecond(v) }, v.zoom);
}

/** The frame shown at time `t` (frames start at index / fps and last 1 / fps). */
export function frameAt(t: number, fps: number, frameCount: number): number {
  return clamp(Math.floor(t * fps + 1e-6), 0, Math.max(0, frameCount - 1));
}

export interface Span {
  start: number;
  end: number;
}

export interface Band {
  /** Index into the list given. */
  index: number;
  /** Strip pixels: may start before 0 or end past `width` (the strip clips it). */
  x: number;
  width: number;
}

/**
 * The bands of the spans on screen (shots, transitions), each as wide as it lasts at this zoom. Spans wholly off
 * screen are left out, so a long video at a high zoom draws only what shows.
 */
export function bandLayout(spans: ReadonlyArray<Span>, v: TimelineView, cull = true): Band[] {
  const [first, last] = visibleRange(v);
  const out: Band[] = [];
  spans.forEach((s, index) => {
    if (cull && (s.end <= first || s.start >= last)) return;
    const x = timeToX(v, s.start);
    out.push({ index, x, width: timeToX(v, s.end) - x });
  });
  return out;
}

export interface Placed {
  index: number;
  /** Left edge of the thumbnail, strip pixels. */
  x: number;
  /** Where its moment is (the tick it points at), strip pixels. */
  anchor: number;
}

/**
 * Key-frame thumbnails of `thumbWidth` pixels, each as near its moment as it can be without overlapping another
 * (at least `gap` pixels apart), in time order. Runs that would overlap become one group centred on their moments'
 * mean, merged again while groups collide (the classic 1-D label placement); placed over the whole video, so the
 * thumbnails do not move as the view scrolls, then those on screen are returned (all of them with `cull` false).
 */
export function placeThumbnails(times: ReadonlyArray<number>, v: TimelineView, thumbWidth: number, gap = 4, cull = true): Placed[] {
  const pps = pixelsPerSecond(v);
  const step = thumbWidth + gap;
  const total = v.duration * pps;
  type Group = { first: number; count: number; sum: number; left: number };
  const groups: Group[] = [];
  const order = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [t] of order) {
    // Content coordinates (pixels from the video's start at this zoom): independent of scrolling.
    const ideal = t * pps - thumbWidth / 2;
    let g: Group = { first: groups.length ? groups.at(-1)!.first + groups.at(-1)!.count : 0, count: 1, sum: ideal, left: ideal };
    for (;;) {
      const prev = groups.at(-1);
      if (!prev || prev.left + prev.count * step <= g.left) break;
      groups.pop();
      const count = prev.count + g.count;
      const sum = prev.sum + g.sum;
      // Centred on the mean of its members' ideal places: member k sits at left + k·step.
      g = { first: prev.first, count, sum, left: (sum - (step * count * (count - 1)) / 2) / count };
    }
    groups.push(g);
  }
  const lefts: number[] = [];
  for (const g of groups) for (let k = 0; k < g.count; k++) lefts.push(g.left + k * step);
  // Kept inside the video's extent where they fit, so the first and last do not hang off its ends.
  for (let i = 0; i < lefts.length; i++) lefts[i] = Math.max(lefts[i], i ? lefts[i - 1] + step : 0);
  if (lefts.length * step - gap <= total) {
    for (let i = lefts.length - 1; i >= 0; i--) lefts[i] = Math.min(lefts[i], i + 1 < lefts.length ? lefts[i + 1] - step : total - thumbWidth);
  }
  const offset = v.start * pps;
  const out: Placed[] = [];
  lefts.forEach((left, i) => {
    const [t, index] = order[i];
    const x = left - offset;
    if (!cull || (x + thumbWidth >= 0 && x <= v.width)) out.push({ index, x, anchor: t * pps - offset });
  });
  return out;
}

/**
 * How wide thumbnails can be at this zoom so that `count` of them fit along the video without overlapping: the
 * preferred width while they fit, narrower down to `least`.
 */
export function thumbnailWidth(v: TimelineView, count: number, preferred: number, least = 24, gap = 4): number {
  if (count <= 0) return preferred;
  const room = (v.width * v.zoom) / count - gap;
  return Math.max(least, Math.min(preferred, Math.floor(room)));
}

/** Tick spacings the ruler may use, seconds (frame multiples are added per video). */
const NICE_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Ruler ticks: the smallest nice step (one frame at the finest) at least `minSpacing` pixels apart, on screen. */
export function rulerTicks(v: TimelineView, fps: number, minSpacing = 80): { step: number; ticks: number[] } {
  const pps = pixelsPerSecond(v);
  const frame = 1 / (fps > 0 ? fps : 25);
  const steps = [frame, 2 * frame, 5 * frame, ...NICE_STEPS.filter((s) => s > 5 * frame)];
  const step = steps.find((s) => s * pps >= minSpacing) ?? steps.at(-1)!;
  const [first, last] = visibleRange(v);
  const ticks: number[] = [];
  for (let k = Math.ceil(first / step - 1e-9); k * step <= last + 1e-9; k++) ticks.push(round6(k * step));
  return { step, ticks };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0; // + 0: no -0 tick
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
