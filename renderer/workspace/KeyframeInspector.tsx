import { useTranslation } from 'react-i18next';
import { setKeyframeStatus } from '../../app/commands';
import { formatTime } from '../format';
import { formatNumber, formatPercent } from '../i18n/format';
import { ProjectSummary } from './ProjectSummary';
import { useSelection } from './selection';
import type { ProjectStepProps } from './steps';

/** The side panel on the Key frames step: the selected key frame's picture and properties, or the project's. */
export function KeyframeInspector(props: ProjectStepProps) {
  const { t, i18n } = useTranslation();
  const { selection, select } = useSelection();
  const { api, result, review } = props;
  const k = selection?.kind === 'keyframe' ? review.project.keyframes.find((x) => x.id === selection.id) : undefined;
  if (!k) return <ProjectSummary {...props} />;
  const lng = i18n.language;
  const shot = review.project.shots.find((s) => s.index === k.shot);
  const set = (status: typeof k.status) => review.edit((p) => setKeyframeStatus(p, k.id, k.status === status ? 'proposed' : status));
  return (
    <section className="inspector-section" data-testid="keyframe-inspector">
      <h3>{t('review.frame', { frame: k.frame })}</h3>
      <img className="inspector-picture" src={api.imageUrl({ root: result.framesRoot, file: k.file })} alt={t('review.alt', { shot: k.shot + 1, frame: k.frame })} />
      <div className="review-buttons inspector-buttons">
        <button type="button" aria-pressed={k.status === 'accepted'} data-testid="inspector-keep" onClick={() => set('accepted')}>
          {t('review.keep')}
        </button>
        <button type="button" aria-pressed={k.status === 'rejected'} data-testid="inspector-drop" onClick={() => set('rejected')}>
          {t('review.drop')}
        </button>
      </div>
      <dl>
        <dt>{t('inspector.status')}</dt>
        <dd data-testid="inspector-status">{t(`inspector.status.${k.status}`)}</dd>
        <dt>{t('inspector.time')}</dt>
        <dd>{formatTime(k.time)}</dd>
        <dt>{t('inspector.shot')}</dt>
        <dd>{shot ? `${t('review.shot', { n: shot.index + 1 })} · ${formatTime(shot.startTime)}–${formatTime(shot.endTime)}` : k.shot + 1}</dd>
        <dt>{t('inspector.origin')}</dt>
        <dd>{t(`inspector.origin.${k.origin}`)}</dd>
        {k.clusterSize !== undefined ? (
          <>
            <dt>{t('inspector.cluster')}</dt>
            <dd>{t('inspector.frames', { count: k.clusterSize, n: formatNumber(k.clusterSize, lng) })}</dd>
          </>
        ) : null}
        {k.score !== undefined ? (
          <>
            <dt>{t('inspector.score')}</dt>
            <dd>{formatPercent(k.score, lng)}</dd>
          </>
        ) : null}
        <dt>{t('inspector.regions')}</dt>
        <dd>{formatNumber(review.project.regions?.[k.id]?.length ?? 0, lng)}</dd>
      </dl>
      <button type="button" className="link" data-testid="inspector-deselect" onClick={() => select(undefined)}>
        {t('inspector.deselect')}
      </button>
    </section>
  );
}
