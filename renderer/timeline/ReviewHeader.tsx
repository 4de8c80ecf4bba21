import type { KeyframesResult } from '../../app/api';
import { formatTime } from '../format';
import type { Review } from '../hooks/use-review';

/** What the review holds (shots, key frames in the comic), undo and redo, whether it is saved, the analysis' warnings. */
export function ReviewHeader({ result, review, inComic }: { result: KeyframesResult; review: Review; inComic: number }) {
  const doc = result.document;
  const total = review.project.keyframes.length;
  return (
    <>
      <div className="shots-head">
        <h2>
          {review.project.shots.length} shots · <span data-testid="in-comic">{inComic} of {total}</span> key frames in the comic
          <span className="muted">
            {' '}
            — {doc.video.width}×{doc.video.height}, {formatTime(doc.video.duration)}, found in {doc.timing.totalSeconds.toFixed(1)} s
          </span>
        </h2>
        <div className="history">
          <button type="button" data-testid="undo" onClick={review.undo} disabled={!review.undoLabel} title={review.undoLabel ? `Undo: ${review.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" data-testid="redo" onClick={review.redo} disabled={!review.redoLabel} title={review.redoLabel ? `Redo: ${review.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
            Redo
          </button>
          <span className={`muted save-state ${review.save.status}`} data-testid="save-state">
            {review.save.status === 'failed' ? `Not saved: ${review.save.message}` : review.save.status === 'saving' ? 'Saving…' : 'Saved'}
          </span>
        </div>
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
    </>
  );
}
