import { useTranslation } from 'react-i18next';
import type { ProjectKeyFrame } from '../../app/project';
import { formatTime } from '../format';

/** One key frame under review: its picture, where it is, and Keep / Drop (pressed again: back to proposed). */
export function KeyframeCard({ keyframe: k, src, shotNumber, regions, onStatus, onMark, selected, onSelect }: {
  keyframe: ProjectKeyFrame;
  src: string;
  shotNumber: number;
  /** How many regions are marked on it. */
  regions: number;
  onStatus: (status: ProjectKeyFrame['status']) => void;
  onMark: () => void;
  /** Whether the side panel shows it; a click on the picture shows it there. */
  selected?: boolean;
  onSelect?: () => void;
}) {
  const { t } = useTranslation();
  const toggle = (status: 'accepted' | 'rejected') => onStatus(k.status === status ? 'proposed' : status);
  return (
    <figure className={`keyframe ${k.status}${selected ? ' selected' : ''}`} data-testid="keyframe-card" data-status={k.status} data-origin={k.origin} data-keyframe-id={k.id} aria-selected={selected}>
      <img data-testid="keyframe" onClick={onSelect} src={src} alt={t('review.alt', { shot: shotNumber, frame: k.frame })} />
      <figcaption className="muted">
        <span>
          {t('review.frameAt', { frame: k.frame, time: formatTime(k.time) })}
          {k.origin === 'manual' ? ` · ${t('review.added')}` : ''}
        </span>
        <span className="review-buttons">
          <button type="button" data-testid="keep" aria-pressed={k.status === 'accepted'} onClick={() => toggle('accepted')} title={t('review.keepHint')}>
            {t('review.keep')}
          </button>
          <button type="button" data-testid="drop" aria-pressed={k.status === 'rejected'} onClick={() => toggle('rejected')} title={t('review.dropHint')}>
            {t('review.drop')}
          </button>
          <button type="button" data-testid="mark-regions" onClick={onMark} title={t('review.markHint')}>
            {regions ? t('review.marked', { count: regions }) : t('review.mark')}
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
