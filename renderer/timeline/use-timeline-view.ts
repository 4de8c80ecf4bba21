import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { clampView, maxZoom, revealTime, scrollByPixels, zoomAround, type TimelineView } from './geometry';

/** Each wheel notch or button press zooms by this factor. */
const ZOOM_STEP = 1.5;

/**
 * The timeline's view (zoom and scroll) of a strip element: its width followed with a ResizeObserver, Ctrl+wheel
 * (or a pinch) zooming around the cursor, the wheel alone scrolling. Zoom runs from the whole video down to a few
 * frames across the screen.
 */
export function useTimelineView(duration: number, fps: number) {
  const strip = useRef<HTMLDivElement>(null);
  const most = maxZoom(duration, fps);
  const [view, setView] = useState<TimelineView>({ duration: Math.max(duration, 1e-3), width: 1000, zoom: 1, start: 0 });

  useLayoutEffect(() => {
    const el = strip.current;
    if (!el) return;
    const measure = () => setView((v) => clampView({ ...v, width: Math.max(1, el.clientWidth) }, most));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [most]);

  // The video's length grows while the analysis runs only if it was unknown; keep the view inside it.
  useEffect(() => setView((v) => clampView({ ...v, duration: Math.max(duration, 1e-3) }, most)), [duration, most]);

  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const x = e.clientX - el.getBoundingClientRect().left;
      if (e.ctrlKey || e.metaKey) setView((v) => zoomAround(v, Math.pow(ZOOM_STEP, -e.deltaY / 100), x, most));
      else setView((v) => scrollByPixels(v, Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY, most));
    };
    // Not passive: the page must not zoom or scroll as well.
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [most]);

  const zoomBy = useCallback((factor: number, x?: number) => setView((v) => zoomAround(v, factor, x ?? v.width / 2, most)), [most]);
  const zoomIn = useCallback((x?: number) => zoomBy(ZOOM_STEP, x), [zoomBy]);
  const zoomOut = useCallback((x?: number) => zoomBy(1 / ZOOM_STEP, x), [zoomBy]);
  const fit = useCallback(() => setView((v) => ({ ...v, zoom: 1, start: 0 })), []);
  const reveal = useCallback((t: number) => setView((v) => revealTime(v, t)), []);
  const scrollTo = useCallback((start: number) => setView((v) => clampView({ ...v, start }, most)), [most]);

  return { strip, view, most, zoomIn, zoomOut, fit, reveal, scrollTo };
}
