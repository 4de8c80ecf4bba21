import { useRef, type PointerEvent } from 'react';
import { REVIEW_ACTIONS, shortcutLabel } from './actions';
import { visibleSeconds } from './geometry';
import type { useTimelineView } from './use-timeline-view';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** "Zoom in (+)": an action's label with its shortcut, for tooltips. */
export function actionTitle(id: string): string {
  const a = REVIEW_ACTIONS.find((x) => x.id === id);
  return a ? `${a.label} (${shortcutLabel(a.shortcut, mac)})` : id;
}

/** Zoom out / in / whole video, and how much shows. */
export function ZoomButtons({ timeline }: { timeline: ReturnType<typeof useTimelineView> }) {
  const { view, most } = timeline;
  return (
    <span className="zoom-buttons">
      <button type="button" data-testid="zoom-out" onClick={() => timeline.zoomOut()} disabled={view.zoom <= 1} title={actionTitle('timeline.zoomOut')}>
        −
      </button>
      <button type="button" data-testid="zoom-in" onClick={() => timeline.zoomIn()} disabled={view.zoom >= most} title={actionTitle('timeline.zoomIn')}>
        +
      </button>
      <button type="button" data-testid="zoom-fit" onClick={timeline.fit} disabled={view.zoom <= 1} title={actionTitle('timeline.zoomFit')}>
        ⤢
      </button>
      <span className="muted zoom-level" data-testid="zoom-level">
        {visibleSeconds(view) < 2 ? `${(visibleSeconds(view) * 1000).toFixed(0)} ms` : `${visibleSeconds(view).toFixed(visibleSeconds(view) < 20 ? 1 : 0)} s`} shown
      </span>
    </span>
  );
}

/** The whole video in little, with the part on screen as a handle to drag (or click to jump). */
export function ScrollBar({ timeline }: { timeline: ReturnType<typeof useTimelineView> }) {
  const { view } = timeline;
  const grab = useRef<number | undefined>(undefined);
  if (view.zoom <= 1) return <div className="timeline-scroll idle" />;
  const frac = (t: number) => `${(100 * t) / view.duration}%`;
  const timeAt = (e: PointerEvent<HTMLDivElement>) => ((e.clientX - e.currentTarget.getBoundingClientRect().left) / e.currentTarget.clientWidth) * view.duration;
  return (
    <div
      className="timeline-scroll"
      data-testid="timeline-scroll"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const t = timeAt(e);
        const inside = t >= view.start && t <= view.start + visibleSeconds(view);
        grab.current = inside ? t - view.start : visibleSeconds(view) / 2;
        timeline.scrollTo(t - grab.current);
      }}
      onPointerMove={(e) => grab.current !== undefined && timeline.scrollTo(timeAt(e) - grab.current)}
      onPointerUp={() => (grab.current = undefined)}
    >
      <div className="handle" style={{ left: frac(view.start), width: frac(visibleSeconds(view)) }} />
    </div>
  );
}
