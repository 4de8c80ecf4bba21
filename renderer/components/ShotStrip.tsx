import type { ImageRef, KeyframesResult } from '../../app/api';
import { formatTime } from '../format';

/** The shots in order, each with its key frames as thumbnails. */
export function ShotStrip({ result, imageUrl }: { result: KeyframesResult; imageUrl: (ref: ImageRef) => string }) {
  const { document: doc, frames } = result;
  return (
    <section className="card shots" data-testid="shots">
      <h2>
        {doc.shots.length} shots · {frames.length} key frames
        <span className="muted">
          {' '}
          — {doc.video.width}×{doc.video.height}, {formatTime(doc.video.duration)}, found in {doc.timing.totalSeconds.toFixed(1)} s
        </span>
      </h2>
      <ol className="strip">
        {doc.shots.map((shot) => (
          <li key={shot.index} className="shot" data-testid="shot">
            <div className="shot-head">
              <span className="strong">Shot {shot.index + 1}</span>
              <span className="muted">
                {formatTime(shot.startTime)}–{formatTime(shot.endTime)}
              </span>
            </div>
            <div className="frames">
              {frames.some((f) => f.shot === shot.index) ? null : (
                <p className="no-keyframe muted" data-testid="no-keyframe">
                  No key frame: black or white frames only, or the same picture as a key frame kept elsewhere
                </p>
              )}
              {frames
                .filter((f) => f.shot === shot.index)
                .map((f) => (
                  <figure key={f.frame}>
                    <img data-testid="keyframe" src={imageUrl(f.image)} alt={`Shot ${shot.index + 1}, frame ${f.frame}`} />
                    <figcaption className="muted">
                      frame {f.frame} · {formatTime(f.time)}
                    </figcaption>
                  </figure>
                ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
