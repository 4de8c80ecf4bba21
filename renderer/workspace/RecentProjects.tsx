import { useTranslation } from 'react-i18next';
import type { ComicApi, RecentProject } from '../../app/api';
import { formatDuration, formatWhen } from '../i18n/format';

/** The start screen's projects: open one with a click, take one off the list (its folder stays on disk). */
export function RecentProjects({ api, projects, error, current, onOpen, onForget }: {
  api: ComicApi;
  projects?: RecentProject[];
  error?: string;
  current?: string;
  onOpen: (projectDir: string) => void;
  onForget: (projectDir: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card recent" data-testid="recent-projects">
      <h2>{t('recent.title')}</h2>
      {error ? <p className="note bad">{t('recent.error', { message: error })}</p> : null}
      {projects && !projects.length ? <p className="muted">{t('recent.none')}</p> : null}
      <ul>
        {projects?.map((p) => (
          // The whole entry opens the project (its button is there for the keyboard); Remove does only that.
          <li key={p.projectDir} data-testid="recent-project" data-problem={p.problem?.code} className={p.projectDir === current ? 'current' : undefined} onClick={() => onOpen(p.projectDir)}>
            <button type="button" className="recent-open" title={p.projectDir} data-testid="recent-open">
              {p.thumbnail ? <img src={api.imageUrl(p.thumbnail)} alt="" loading="lazy" /> : <span className="no-thumb" />}
              <span className="recent-text">
                <span className="strong recent-title">{p.title}</span>
                <span className="muted">{p.videoName}</span>
                <span className="muted">
                  {[
                    p.duration !== undefined ? formatDuration(p.duration, i18n.language) : '',
                    p.kept !== undefined ? t('recent.kept', { kept: p.kept, count: p.keyframes ?? 0 }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {p.changedAt ? <span className="muted">{t('recent.changed', { when: formatWhen(p.changedAt, i18n.language) })}</span> : null}
                {p.problem ? <span className="bad recent-problem">{t(`problem.${p.problem.code}`, { defaultValue: p.problem.message })}</span> : null}
              </span>
            </button>
            <button
              type="button"
              className="link forget"
              data-testid="recent-forget"
              onClick={(e) => {
                e.stopPropagation();
                onForget(p.projectDir);
              }}
              title={t('recent.forgetHint')}
            >
              {t('recent.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
