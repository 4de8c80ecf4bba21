import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectKeyFrame } from '../../app/project';
import { formatTime } from '../format';
import { FilmstripTile, type Filmstrip } from './FilmstripTile';
import { reviewMark } from './selection';
import { useActionTitle } from './TimelineControls';
import type { PlayheadFrame } from './use-playhead-frame';

export interface PreviewProps {
  /** The selected key frame and its neighbours, or none (the playhead is elsewhere). */
  before: ProjectKeyFrame[];
  current?: ProjectKeyFrame;
  after: ProjectKeyFrame[];
  pictureOf: (k: ProjectKeyFrame) => string;
  regionsOf: (k: ProjectKeyFrame) => number;
  /** The playhead's frame while it is away from the key frames: scrubbing (filmstrip) or exact (grabbed). */
  playhead: { time: number; frame: number; scrubbing: boolean; exact: PlayheadFrame } | undefined;
  filmstrip?: Filmstrip;
  video: { ref: RefObject<HTMLVideoElement | null>; src?: string; playing: boolean };
  onSelect: (k: ProjectKeyFrame) => void;
  onStatus: (k: ProjectKeyFrame, status: ProjectKeyFrame['status']) => void;
  onShot: (k: ProjectKeyFrame, status: 'accepted' | 'rejected') => void;
  onMark: (k: ProjectKeyFrame) => void;
  onAdd: () => void;
}

function Neighbour({ k, src, onSelect }: { k: ProjectKeyFrame; src: string; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`neighbour ${reviewMark(k)}`} data-testid="neighbour" data-status={reviewMark(k)} onClick={onSelect} title={t('review.alt', { shot: k.shot + 1, frame: k.frame })}>
      <img src={src} alt="" loading="lazy" />
      <span className="muted">{formatTime(k.time)}</span>
    </button>
  );
}

/** The selected key frame large, between its neighbours, with what can be done to it; or the frame at the playhead. */
export function ReviewPreview(p: PreviewProps) {
  const { t } = useTranslation();
  const actionTitle = useActionTitle();
  const k = p.current;
  const toggle = (status: 'accepted' | 'rejected') => k && p.onStatus(k, k.status === status ? 'proposed' : status);
  return (
    <div className="review-preview" data-testid="review-preview">
      <div className="neighbours before">
        {p.before.map((n) => <Neighbour key={n.id} k={n} src={p.pictureOf(n)} onSelect={() => p.onSelect(n)} />)}
      </div>
      <div className="preview-main">
        <video ref={p.video.ref} src={p.video.src} preload="metadata" muted playsInline className={p.video.playing ? 'playing' : 'hidden'} data-testid="shot-video" />
        {p.video.playing ? null : k && !p.playhead ? (
          <figure className={`keyframe-large ${k.status}`} data-testid="keyframe-card" data-status={k.status} data-origin={k.origin} data-id={k.id}>
            <img data-testid="keyframe" src={p.pictureOf(k)} alt={t('review.alt', { shot: k.shot + 1, frame: k.frame })} />
            <figcaption>
              <span className="strong">{t('review.shot', { n: k.shot + 1 })}</span>
              <span className="muted">
                {t('review.frameAt', { frame: k.frame, time: formatTime(k.time) })}
                {k.origin === 'manual' ? ` · ${t('review.added')}` : ''} · {t(`timeline.status.${k.status}`)}
              </span>
              <span className="review-buttons">
                <button type="button" data-testid="keep" aria-pressed={k.status === 'accepted'} onClick={() => toggle('accepted')} title={actionTitle('review.keep')}>
                  {t('review.keep')}
                </button>
                <button type="button" data-testid="drop" aria-pressed={k.status === 'rejected'} onClick={() => toggle('rejected')} title={actionTitle('review.drop')}>
                  {t('review.drop')}
                </button>
                <button type="button" data-testid="keep-shot" onClick={() => p.onShot(k, 'accepted')} title={actionTitle('review.keepShot')}>
                  {t('timeline.keepShot')}
                </button>
                <button type="button" data-testid="drop-shot" onClick={() => p.onShot(k, 'rejected')} title={actionTitle('review.dropShot')}>
                  {t('timeline.dropShot')}
                </button>
                <button type="button" data-testid="mark-regions" onClick={() => p.onMark(k)} title={t('review.markHint')}>
                  {p.regionsOf(k) ? t('review.marked', { count: p.regionsOf(k) }) : t('review.mark')}
                </button>
              </span>
            </figcaption>
          </figure>
        ) : p.playhead ? (
          <PlayheadPicture {...p.playhead} filmstrip={p.filmstrip} onAdd={p.onAdd} />
        ) : (
          <p className="muted preview-empty">{t('timeline.nothingSelected')}</p>
        )}
      </div>
      <div className="neighbours after">
        {p.after.map((n) => <Neighbour key={n.id} k={n} src={p.pictureOf(n)} onSelect={() => p.onSelect(n)} />)}
      </div>
    </div>
  );
}

/** While scrubbing: the filmstrip's frame, at once. Once released: the exact frame, the one Add will use. */
function PlayheadPicture({ time, frame, scrubbing, exact, filmstrip, onAdd }: NonNullable<PreviewProps['playhead']> & { filmstrip?: Filmstrip; onAdd: () => void }) {
  const { t } = useTranslation();
  const actionTitle = useActionTitle();
  const ready = !scrubbing && exact.status === 'ready' && exact.frame === frame ? exact : undefined;
  return (
    <figure className="playhead-picture" data-testid="playhead-picture" data-exact={ready ? 'true' : 'false'}>
      {ready ? (
        <img data-testid="playhead-frame" src={ready.url} alt={t('review.frame', { frame: ready.frame })} />
      ) : filmstrip ? (
        <FilmstripTile filmstrip={filmstrip} time={time} className="large" />
      ) : (
        <div className="filmstrip-tile large empty" />
      )}
      <figcaption>
        <span className="strong">{t('timeline.atPlayhead')}</span>
        <span className="muted" data-testid="playhead-caption" data-frame={ready?.frame ?? frame}>
          {t('review.frameAt', { frame: ready?.frame ?? frame, time: formatTime(time) })} — {ready ? t('timeline.exact') : exact.status === 'grabbing' ? t('timeline.grabbing') : exact.status === 'failed' ? exact.message : t('timeline.approx')}
        </span>
        <span className="review-buttons">
          <button type="button" className="primary" data-testid="add-at-playhead" onClick={onAdd} disabled={exact.status === 'failed'} title={actionTitle('review.add')}>
            {t('timeline.addThis')}
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
