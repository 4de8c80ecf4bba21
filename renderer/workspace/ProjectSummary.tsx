import { useTranslation } from 'react-i18next';
import { comicKeyframes, projectPages } from '../../app/project';
import { formatDuration, formatNumber } from '../i18n/format';
import type { ProjectStepProps } from './steps';

/** The side panel while nothing is selected: the project's video and what the book holds so far. */
export function ProjectSummary({ result, review, panels }: ProjectStepProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { video } = review.project;
  const name = video.path.split(/[\\/]/).pop() ?? video.path;
  const kept = comicKeyframes(review.project).length;
  return (
    <section className="inspector-section" data-testid="project-summary">
      <h3>{t('summary.title')}</h3>
      <dl>
        <dt>{t('summary.video')}</dt>
        <dd title={video.path}>{name}</dd>
        <dt>{t('summary.length')}</dt>
        <dd>{formatDuration(video.duration, lng)}</dd>
        <dt>{t('summary.size')}</dt>
        <dd>
          {video.width}×{video.height} · {t('summary.fps', { fps: formatNumber(Math.round(video.fps * 100) / 100, lng) })}
        </dd>
        <dt>{t('summary.shots')}</dt>
        <dd>{formatNumber(result.document.shots.length, lng)}</dd>
        <dt>{t('summary.keyframes')}</dt>
        <dd>{t('summary.kept', { kept: formatNumber(kept, lng), count: review.project.keyframes.length })}</dd>
        <dt>{t('summary.pages')}</dt>
        <dd>{panels ? formatNumber(projectPages(review.project).length, lng) : '—'}</dd>
        <dt>{t('summary.folder')}</dt>
        <dd className="path" title={result.projectDir}>
          {result.projectDir}
        </dd>
      </dl>
    </section>
  );
}
