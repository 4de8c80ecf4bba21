import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shot, ShotTransition } from '../../app/keyframes';
import type { ProjectKeyFrame } from '../../app/project';
import { formatTime } from '../format';
import { FilmstripTile, type Filmstrip } from './FilmstripTile';
import { bandLayout, placeThumbnails, rulerTicks, thumbnailWidth, timeToX, xToTime } from './geometry';
import { reviewMark } from './selection';
import type { useTimelineView } from './use-timeline-view';
import { ThumbImage } from '../components/ThumbImage';

export interface TimelineProps {
  fps: number;
  shots: ReadonlyArray<Shot>;
  transitions: ReadonlyArray<ShotTransition>;
  keyframes: ReadonlyArray<ProjectKeyFrame>;
  /** The picture of a key frame (its full-size file: lazy, scaled by the browser). */
  pictureOf?: (k: ProjectKeyFrame) => string;
  /** The key frame's small picture (its thumbnail); the full picture is shown where it has none. */
  thumbOf?: (k: ProjectKeyFrame) => string;
  selected?: string;
  playhead: number;
  /** While the analysis runs: how far it has got (later moments are drawn as still to come). */
  analysedSeconds?: number;
  filmstrip?: Filmstrip;
  timeline: ReturnType<typeof useTimelineView>;
  onSelect?: (k: ProjectKeyFrame) => void;
  /** The playhead moved by the user: `done` when the drag ends (time for the exact frame). */
  onScrub?: (time: number, done: boolean) => void;
  /**
   * The start of its parts' data-testids: 'timeline' gives the acceptance hooks (timeline-shot, timeline-keyframe,
   * playhead), which only the timeline on screen may carry; another (the next review, while it is made) has its own.
   */
  idPrefix?: 'timeline' | 'timeline-next';
}

const THUMB = 112;

/**
 * The whole video on a time axis: shots as bands as long as they last, gradual transitions drawn over their frames,
 * key frames as thumbnails at their moments (never overlapping, a tick to where each is), the playhead, and under
 * the cursor the filmstrip's frame of that moment. Zoom and scroll come from useTimelineView.
 */
export function Timeline(props: TimelineProps) {
  const { fps, shots, transitions, keyframes, selected, playhead, analysedSeconds, filmstrip, timeline, idPrefix = 'timeline' } = props;
  const { t } = useTranslation();
  const { strip, view } = timeline;
  const [hover, setHover] = useState<number>();
  const dragging = useRef(false);
  const thumbWidth = thumbnailWidth(view, keyframes.length, THUMB);
  const thumbHeight = Math.round((thumbWidth * 9) / 16);
  const placed = placeThumbnails(keyframes.map((k) => k.time), view, thumbWidth, 4, false);
  const bands = bandLayout(shots.map((s) => ({ start: s.startTime, end: s.endTime })), view, false);
  const fades = bandLayout(transitions.map((t) => ({ start: t.startTime, end: t.endTime })), view);
  const { ticks, step } = rulerTicks(view, fps);
  // Finer than a tenth of a second, the ruler counts frames.
  const tickLabel = (time: number) => (step < 0.1 ? `${formatTime(time)} · #${Math.round(time * fps)}` : formatTime(time));
  const xOf = (e: PointerEvent) => e.clientX - e.currentTarget.getBoundingClientRect().left;

  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !props.onScrub) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    props.onScrub(xToTime(view, xOf(e)), false);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const t = xToTime(view, xOf(e));
    setHover(t);
    if (dragging.current) props.onScrub?.(t, false);
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    props.onScrub?.(xToTime(view, xOf(e)), true);
  };
  const playheadX = timeToX(view, playhead);
  const pending = analysedSeconds !== undefined ? timeToX(view, analysedSeconds) : undefined;

  return (
    <div className="timeline-strip" ref={strip} onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerLeave={() => setHover(undefined)} style={{ ['--thumb-h' as string]: `${thumbHeight}px` }}>
      <div className="timeline-ruler">
        {ticks.map((time) => (
          <span key={time} className="tick" style={{ left: timeToX(view, time) }}>
            {tickLabel(time)}
          </span>
        ))}
      </div>
      <div className="timeline-thumbs">
        <svg className="thumb-links" aria-hidden>
          {placed.map((p) => (
            <line key={keyframes[p.index].id} x1={p.x + thumbWidth / 2} y1={thumbHeight} x2={p.anchor} y2={thumbHeight + 16} />
          ))}
        </svg>
        {placed.map((p) => {
          const k = keyframes[p.index];
          return (
            <button
              key={k.id}
              type="button"
              className={`timeline-keyframe ${reviewMark(k)} ${k.status}${k.id === selected ? ' selected' : ''}`}
              data-testid={`${idPrefix}-keyframe`}
              data-status={reviewMark(k)}
              data-review={k.status}
              data-origin={k.origin}
              data-id={k.id}
              data-frame={k.frame}
              style={{ left: p.x, width: thumbWidth, height: thumbHeight }}
              title={`${t('review.shot', { n: k.shot + 1 })} · ${t('review.frameAt', { frame: k.frame, time: formatTime(k.time) })} · ${t(`timeline.status.${k.status}`)}`}
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => props.onSelect?.(k)}
            >
              {props.pictureOf ? (
                <ThumbImage thumb={props.thumbOf?.(k) ?? props.pictureOf(k)} full={props.pictureOf(k)} alt="" loading="lazy" decoding="async" draggable={false} />
              ) : null}
            </button>
          );
        })}
      </div>
      <div className="timeline-bands">
        {bands.map((b) => {
          const s = shots[b.index];
          return (
            <div key={s.index} className={`timeline-shot ${s.index % 2 ? 'odd' : 'even'}`} data-testid={`${idPrefix}-shot`} data-shot={s.index} style={{ left: b.x, width: b.width }} title={`${t('review.shot', { n: s.index + 1 })} · ${formatTime(s.startTime)}–${formatTime(s.endTime)}`}>
              {b.width > 56 ? <span>{t('review.shot', { n: s.index + 1 })}</span> : null}
            </div>
          );
        })}
        {fades.map((b) => {
          const tr = transitions[b.index];
          return <div key={`${tr.kind}-${tr.shot}`} className={`timeline-transition ${tr.kind}`} data-testid={`${idPrefix}-transition`} data-kind={tr.kind} style={{ left: b.x, width: Math.max(3, b.width) }} title={`${t(`timeline.${tr.kind}`)} ${formatTime(tr.startTime)}–${formatTime(tr.endTime)}`} />;
        })}
        {pending !== undefined && pending < view.width ? <div className="timeline-pending" style={{ left: Math.max(0, pending), right: 0 }} /> : null}
      </div>
      <div className="timeline-playhead" data-testid={idPrefix === 'timeline' ? 'playhead' : `${idPrefix}-playhead`} data-time={playhead} style={{ left: playheadX }} />
      {hover !== undefined && filmstrip ? (
        <div className="timeline-hover" style={{ left: Math.min(Math.max(0, timeToX(view, hover) - 60), view.width - 120) }}>
          <FilmstripTile filmstrip={filmstrip} time={hover} width={120} />
          <span>{formatTime(hover)}</span>
        </div>
      ) : null}
    </div>
  );
}
