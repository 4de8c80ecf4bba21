import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../app/api';

/** Which ffmpeg, kernels and inference providers the engines use: the user must be able to see them. */
export function SystemPanel({ info, error }: { info?: AppInfo; error?: string }) {
  const { t } = useTranslation();
  if (error) return <section className="card system error" data-testid="system">{t('system.unreachable', { error })}</section>;
  if (!info) return <section className="card system muted" data-testid="system">{t('system.asking')}</section>;
  const ffmpeg = info.ffmpeg;
  return (
    <section className="card system" data-testid="system">
      <h2>{t('system.title')}</h2>
      <dl>
        <dt>ffmpeg</dt>
        <dd data-testid="ffmpeg">
          {'path' in ffmpeg ? (
            <>
              <span className="strong">{ffmpeg.version.split(' ')[0]}</span> {t('system.from', { source: ffmpeg.source })}
              <code title={ffmpeg.path}>{ffmpeg.path}</code>
            </>
          ) : (
            <span className="bad">{t('system.missing', { error: ffmpeg.error })}</span>
          )}
        </dd>
        <dt>{t('system.kernels')}</dt>
        <dd data-testid="kernels" title={info.kernels.reason}>
          <span className="strong">{info.kernels.kind === 'native' ? t('system.native') : 'TypeScript'}</span>
          {info.kernels.reason ? <span className="muted"> — {info.kernels.reason}</span> : null}
        </dd>
        <dt>{t('system.inference')}</dt>
        <dd data-testid="providers" className="chips">
          {info.providers.map((p) => (
            <span key={p.name} className={p.available ? 'chip on' : 'chip off'} title={p.reason ?? t('system.available')}>
              {p.name.toUpperCase()}
            </span>
          ))}
        </dd>
        <dt>{t('system.version')}</dt>
        <dd className="muted">
          {info.version} · {info.host === 'electron' ? t('system.desktop') : t('system.browser')}
        </dd>
      </dl>
    </section>
  );
}
