import { useTranslation } from 'react-i18next';
import { formatBytes, formatPercent } from '../i18n/format';
import type { VideoIntake } from './use-video-intake';
import { ProgressBar } from '../components/ProgressBar';

/** A file on its way in: upload progress with Cancel, the probe, or why it was refused (by name). */
export function IntakeStatus({ intake, uploadMaxBytes }: { intake: VideoIntake; uploadMaxBytes?: number }) {
  const { t, i18n } = useTranslation();
  const s = intake.state;
  const lng = i18n.language;
  if (s.phase === 'idle') return null;
  if (s.phase === 'failed') {
    const lead =
      s.code === 'TOO_LARGE' && uploadMaxBytes !== undefined
        ? t('intake.tooLarge', { name: s.name, limit: formatBytes(uploadMaxBytes, lng) })
        : t(`intake.error.${s.code}`, { name: s.name, defaultValue: t('intake.error', { name: s.name }) });
    return (
      <div className="note bad intake-error" data-testid="intake-error" data-code={s.code}>
        <p className="strong">{lead}</p>
        {s.code !== 'TOO_LARGE' ? <p className="muted problem-detail">{s.message}</p> : null}
        <button type="button" className="link" onClick={intake.dismiss}>
          {t('problem.dismiss')}
        </button>
      </div>
    );
  }
  if (s.phase === 'checking') return <p className="note" data-testid="intake-checking">{t('intake.checking', { name: s.name })}</p>;
  const fraction = s.progress.total ? s.progress.sent / s.progress.total : 0;
  return (
    <div className="card upload" data-testid="upload-progress">
      <div className="progress-head">
        <span className="strong">{t('intake.uploading', { name: s.name })}</span>
        <span className="muted">
          {formatPercent(fraction, lng)} · {formatBytes(s.progress.sent, lng)} / {formatBytes(s.progress.total, lng)}
        </span>
        <button type="button" data-testid="upload-cancel" onClick={intake.cancel}>
          {t('job.cancel')}
        </button>
      </div>
      <ProgressBar fraction={fraction} />
    </div>
  );
}
