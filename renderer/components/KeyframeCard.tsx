import type { ProjectKeyFrame } from '../../app/project';
import { formatTime } from '../format';

/** One key frame under review: its picture, where it is, and Keep / Drop (pressed again: back to proposed). */
export function KeyframeCard({ keyframe: k, src, shotNumber, regions, onStatus, onMark }: {
  keyframe: ProjectKeyFrame;
  src: string;
  shotNumber: number;
  /** How many regions are marked on it. */
  regions: number;
  onStatus: (status: ProjectKeyFrame['status']) => void;
  onMark: () => void;
}) {
  const toggle = (status: 'accepted' | 'rejected') => onStatus(k.status === status ? 'proposed' : status);
  return (
    <figure className={`keyframe ${k.status}`} data-testid="keyframe-card" data-status={k.status} data-origin={k.origin}>
      <img data-testid="keyframe" src={src} alt={`Shot ${shotNumber}, frame ${k.frame}`} />
      <figcaption className="muted">
        <span>
          frame {k.frame} · {formatTime(k.time)}
          {k.origin === 'manual' ? ' · added' : ''}
        </span>
        <span className="review-buttons">
          <button type="button" data-testid="keep" aria-pressed={k.status === 'accepted'} onClick={() => toggle('accepted')} title="Keep it in the comic">
            Keep
          </button>
          <button type="button" data-testid="drop" aria-pressed={k.status === 'rejected'} onClick={() => toggle('rejected')} title="Leave it out of the comic">
            Drop
          </button>
          <button type="button" data-testid="mark-regions" onClick={onMark} title="Mark people (or anything) to draw apart">
            {regions ? `${regions} marked` : 'Mark'}
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
