import type { ComicApi, KeyframesResult } from '../../app/api';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addKeyframe, addRegion, clearRegions, setKeyframeStatus, setShotStatus } from '../../app/commands';
import { comicKeyframes } from '../../app/project';
import { formatTime } from '../format';
import { formatNumber } from '../i18n/format';
import type { Review } from '../hooks/use-review';
import { useSelection } from '../workspace/selection';
import { useActionHandler } from '../workspace/use-actions';
import { AddFrame } from './AddFrame';
import { KeyframeCard } from './KeyframeCard';
import { RegionEditor } from './RegionEditor';

/**
 * The review: the shots in order, each with its key frames to keep or drop and a way to add a frame by hand; undo
 * and redo; what goes into the comic is every key frame not dropped.
 */
export function ShotStrip({ api, result, review }: { api: ComicApi; result: KeyframesResult; review: Review }) {
  const { t, i18n } = useTranslation();
  const { document: doc, framesRoot } = result;
  const { project } = review;
  const inComic = comicKeyframes(project).length;
  const [marking, setMarking] = useState<string>();
  const { selection, select } = useSelection();
  // Keyboard review of the selected key frame (←/→, K, D, Shift+K/D), through the workspace's action list.
  const current = selection?.kind === 'keyframe' ? project.keyframes.findIndex((k) => k.id === selection.id) : -1;
  const chosen = current >= 0 ? project.keyframes[current] : undefined;
  const step = (by: number) => {
    const next = project.keyframes[current < 0 ? (by > 0 ? 0 : project.keyframes.length - 1) : Math.min(project.keyframes.length - 1, Math.max(0, current + by))];
    if (next) {
      select({ kind: 'keyframe', id: next.id });
      document.querySelector(`[data-keyframe-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
  const status = (s: 'accepted' | 'rejected') => chosen && review.edit((p) => setKeyframeStatus(p, chosen.id, s));
  const shotStatus = (s: 'accepted' | 'rejected') => chosen && review.edit((p) => setShotStatus(p, chosen.shot, s));
  useActionHandler('review.previous', () => step(-1), project.keyframes.length > 0);
  useActionHandler('review.next', () => step(1), project.keyframes.length > 0);
  useActionHandler('review.keep', () => status('accepted'), !!chosen);
  useActionHandler('review.drop', () => status('rejected'), !!chosen);
  useActionHandler('review.keepShot', () => shotStatus('accepted'), !!chosen);
  useActionHandler('review.dropShot', () => shotStatus('rejected'), !!chosen);
  const marked = project.keyframes.find((k) => k.id === marking);
  const addAt = async (time: number) => {
    const { keyframe } = await api.grabFrame({ projectDir: result.projectDir, time });
    if (project.keyframes.some((k) => k.id === keyframe.id)) throw new Error(`frame ${keyframe.frame} is a key frame already`);
    review.edit((p) => addKeyframe(p, keyframe));
  };
  return (
    <section className="card shots" data-testid="shots">
      <div className="shots-head">
        <h2>
          {t('review.shots', { count: doc.shots.length })} ·{' '}
          <span data-testid="in-comic">{t('review.inComic', { kept: inComic, count: project.keyframes.length })}</span> {t('review.inComicTail')}
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
      <ol className="strip">
        {doc.shots.map((shot) => {
          const frames = project.keyframes.filter((k) => k.shot === shot.index);
          return (
            <li key={shot.index} className="shot" data-testid="shot">
              <div className="shot-head">
                <span className="strong">{t('review.shot', { n: shot.index + 1 })}</span>
                <span className="muted">
                  {formatTime(shot.startTime)}–{formatTime(shot.endTime)}
                </span>
              </div>
              <div className="frames">
                {frames.length ? null : (
                  <p className="no-keyframe muted" data-testid="no-keyframe">
                    {t('review.noKeyframe')}
                  </p>
                )}
                {frames.map((k) => (
                  <KeyframeCard
                    key={k.id}
                    keyframe={k}
                    src={api.imageUrl({ root: framesRoot, file: k.file })}
                    shotNumber={shot.index + 1}
                    onStatus={(status) => review.edit((p) => setKeyframeStatus(p, k.id, status))}
                    regions={project.regions?.[k.id]?.length ?? 0}
                    onMark={() => setMarking(k.id)}
                    selected={selection?.kind === 'keyframe' && selection.id === k.id}
                    onSelect={() => select({ kind: 'keyframe', id: k.id })}
                  />
                ))}
              </div>
              <AddFrame shot={shot} fps={doc.video.fps} onAdd={addAt} />
            </li>
          );
        })}
      </ol>
      {marked ? (
        <RegionEditor
          src={api.imageUrl({ root: framesRoot, file: marked.file })}
          title={t('review.frame', { frame: marked.frame })}
          shapes={project.regions?.[marked.id] ?? []}
          onAdd={(shape) => review.edit((p) => addRegion(p, marked.id, shape))}
          onClear={() => review.edit((p) => clearRegions(p, marked.id))}
          onClose={() => setMarking(undefined)}
        />
      ) : null}
    </section>
  );
}
