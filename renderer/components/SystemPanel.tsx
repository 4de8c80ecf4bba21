import type { AppInfo } from '../../app/api';

/** Which ffmpeg, kernels and inference providers the engines use: the user must be able to see them. */
export function SystemPanel({ info, error }: { info?: AppInfo; error?: string }) {
  if (error) return <section className="card system error" data-testid="system">Cannot reach the app: {error}</section>;
  if (!info) return <section className="card system muted" data-testid="system">Asking the app what it runs on…</section>;
  const ffmpeg = info.ffmpeg;
  return (
    <section className="card system" data-testid="system">
      <h2>Engines</h2>
      <dl>
        <dt>ffmpeg</dt>
        <dd data-testid="ffmpeg">
          {'path' in ffmpeg ? (
            <>
              <span className="strong">{ffmpeg.version.split(' ')[0]}</span> from {ffmpeg.source}
              <code title={ffmpeg.path}>{ffmpeg.path}</code>
            </>
          ) : (
            <span className="bad">missing: {ffmpeg.error}</span>
          )}
        </dd>
        <dt>Key-frame kernels</dt>
        <dd data-testid="kernels" title={info.kernels.reason}>
          <span className="strong">{info.kernels.kind === 'native' ? 'native (C++)' : 'TypeScript'}</span>
          {info.kernels.reason ? <span className="muted"> — {info.kernels.reason}</span> : null}
        </dd>
        <dt>Inference</dt>
        <dd data-testid="providers" className="chips">
          {info.providers.map((p) => (
            <span key={p.name} className={p.available ? 'chip on' : 'chip off'} title={p.reason ?? 'available'}>
              {p.name.toUpperCase()}
            </span>
          ))}
        </dd>
      </dl>
    </section>
  );
}
