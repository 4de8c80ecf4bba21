import { useTranslation } from 'react-i18next';
import type { ComicApi } from '../../app/api';
import { formatPercent } from '../i18n/format';
import { stageLabel } from './stage-label';
import type { RunningJob } from './use-running-jobs';

/** The jobs in progress, in the toolbar so they show on every step: what, how far, Cancel. */
export function JobStatus({ api, jobs }: { api: ComicApi; jobs: RunningJob[] }) {
  const { t, i18n } = useTranslation();
  if (!jobs.length) return <span className="job-status idle" />;
  return (
    <span className="job-status" data-testid="job-status">
      {jobs.map((j) => {
        const fraction = j.progress?.fraction ?? 0;
        return (
          <span key={j.job} className="job" data-kind={j.kind}>
            <span className="job-name">
              {t(`job.${j.kind}`)} · {stageLabel(t, j.progress?.stage)}
            </span>
            <span className="bar mini" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
              <span style={{ width: `${Math.round(fraction * 100)}%` }} />
            </span>
            <span className="muted">{formatPercent(fraction, i18n.language)}</span>
            <button type="button" className="small" data-testid="job-cancel" onClick={() => void api.cancelJob(j.job)}>
              {t('job.cancel')}
            </button>
          </span>
        );
      })}
    </span>
  );
}
