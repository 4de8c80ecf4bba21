import { useTranslation } from 'react-i18next';
import type { KeyframesResult } from '../../app/api';
import { formatTime } from '../format';
import type { Review } from '../hooks/use-review';
import { formatNumber } from '../i18n/format';

/** What the review holds (shots, key frames in the comic) and the analysis' warnings; undo and saving are the toolbar's. */
export function ReviewHeader({ result, review, inComic }: { result: KeyframesResult; review: Review; inComic: number }) {
  const { t, i18n } = useTranslation();
  const doc = result.document;
  return (
    <>
      <div className="shots-head">
        <h2>
          {t('review.shots', { count: review.project.shots.length })} ·{' '}
          <span data-testid="in-comic">{t('review.inComic', { kept: inComic, count: review.project.keyframes.length })}</span> {t('review.inComicTail')}
          <span className="muted">
            {' '}
            — {doc.video.width}×{doc.video.height}, {formatTime(doc.video.duration)}, {t('review.foundIn', { seconds: formatNumber(doc.timing.totalSeconds, i18n.language, 1) })}
          </span>
        </h2>
      </div>
      {doc.warnings.map((w) => (
        <p key={w} className="note" data-testid="analysis-warning">
          {w}
        </p>
      ))}
      {review.problem ? (
        <p className="note bad" data-testid="edit-problem">
          {review.problem}
        </p>
      ) : null}
    </>
  );
}
