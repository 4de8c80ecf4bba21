import { useTranslation } from 'react-i18next';
import type { FoundSoFar } from '../../app/progress';
import { Timeline } from './Timeline';
import { ZoomButtons } from './TimelineControls';
import { useTimelineView } from './use-timeline-view';

/**
 * The timeline while the analysis runs: the shots found so far, filling in as the analysis goes. While a review is on
 * screen (a re-run), it is the next one: the review keeps the acceptance hooks (timeline, timeline-shot, ...) until
 * the new one replaces it, and this one's are timeline-next, timeline-next-shot, ...
 */
export function LiveTimeline({ found, next = false }: { found: FoundSoFar; next?: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimelineView(found.duration, found.fps);
  return (
    <section className="card timeline-card" data-testid={next ? 'timeline-next' : 'timeline'} data-live="true">
      <div className="timeline-head">
        <h2>
          {t('timeline.title')} <span className="muted" data-testid="shots-so-far">{t('timeline.shotsSoFar', { count: found.shots.length })}</span>
        </h2>
        <ZoomButtons timeline={timeline} />
      </div>
      <Timeline fps={found.fps} shots={found.shots} transitions={found.transitions} keyframes={[]} playhead={0} analysedSeconds={found.analysedSeconds} timeline={timeline} idPrefix={next ? 'timeline-next' : 'timeline'} />
    </section>
  );
}
