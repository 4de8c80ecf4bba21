import { useCallback, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { formatChord, parseChord } from '../workspace/keyboard-map';
import { currentPlatform } from '../workspace/use-actions';
import { REVIEW_ACTIONS } from './actions';
import { visibleSeconds } from './geometry';
import type { useTimelineView } from './use-timeline-view';

/** "Zoom in (=)": a review action's label with its shortcut as this platform writes it, for tooltips. */
export function useActionTitle(): (id: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (id: string) => {
      const a = REVIEW_ACTIONS.find((x) => x.id === id);
      return a ? `${t(a.labelKey)} (${formatChord(parseChord(a.shortcut), currentPlatform())})` : id;
    },
    [t],
  );
}

/** Zoom out / in / whole video, and how much shows. */
export function ZoomButtons({ timeline }: { timeline: ReturnType<typeof useTimelineView> }) {
  const { t, i18n } = useTranslation();
  const actionTitle = useActionTitle();
  const { view, most } = timeline;
  const span = visibleSeconds(view);
  const shown = span < 2 ? `${formatNumber(span * 1000, i18n.language, 0)} ms` : `${formatNumber(span, i18n.language, span < 20 ? 1 : 0)} s`;
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
        {t('timeline.shown', { span: shown })}
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
