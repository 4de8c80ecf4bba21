import { useTranslation } from 'react-i18next';
import type { Progress } from '../../app/progress';
import { formatDuration, formatPercent } from '../i18n/format';
import { stageLabel } from '../workspace/stage-label';
import { ProgressBar } from './ProgressBar';

/** A running job: stage, bar, time left and the Cancel button. */
export function JobProgress({ progress, cancelling, onCancel }: { progress?: Progress; cancelling?: boolean; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const fraction = progress?.fraction ?? 0;
  const eta = progress?.etaSeconds;
  const left = eta !== undefined && Number.isFinite(eta) ? t('job.left', { time: formatDuration(Math.max(1, eta), i18n.language) }) : '';
  return (
    <section className="card progress" data-testid="progress">
      <div className="progress-head">
        <span className="strong">{cancelling ? t('job.cancelling') : stageLabel(t, progress?.stage)}</span>
        <span className="muted">{[formatPercent(fraction, i18n.language), left].filter(Boolean).join(' · ')}</span>
        <button type="button" data-testid="cancel" onClick={onCancel} disabled={cancelling}>
          {t('job.cancel')}
        </button>
      </div>
      <ProgressBar fraction={fraction} />
    </section>
  );
}
