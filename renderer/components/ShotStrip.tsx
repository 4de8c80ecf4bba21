import type { ComicApi, KeyframesResult } from '../../app/api';
import { useState } from 'react';
import { addKeyframe, addRegion, clearRegions, setKeyframeStatus } from '../../app/commands';
import { comicKeyframes } from '../../app/project';
import { formatTime } from '../format';
import type { Review } from '../hooks/use-review';
import { AddFrame } from './AddFrame';
import { KeyframeCard } from './KeyframeCard';
import { RegionEditor } from './RegionEditor';

/**
 * The review: the shots in order, each with its key frames to keep or drop and a way to add a frame by hand; undo
 * and redo; what goes into the comic is every key frame not dropped.
 */
export function ShotStrip({ api, result, review }: { api: ComicApi; result: KeyframesResult; review: Review }) {
  const { document: doc, framesRoot } = result;
  const { project } = review;
  const inComic = comicKeyframes(project).length;
  const [marking, setMarking] = useState<string>();
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
          {doc.shots.length} shots · <span data-testid="in-comic">{inComic} of {project.keyframes.length}</span> key frames in the comic
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
            {review.save.status === 'failed' ? `Not saved: ${review.save.message}` : review.save.status === 'conflict' ? 'Not saved' : review.save.status === 'saving' ? 'Saving…' : 'Saved'}
          </span>
        </div>
      </div>
      {review.save.status === 'conflict' ? (
        <p className="note bad" data-testid="save-conflict" title={review.save.message}>
          Another tab or window saved this project since this one loaded it: your last change is not saved.{' '}
          <button type="button" data-testid="conflict-load-theirs" onClick={() => void review.resolveConflict('theirs')}>
            Load the newer one
          </button>{' '}
          <button type="button" data-testid="conflict-keep-mine" onClick={() => void review.resolveConflict('mine')}>
            Keep this one
          </button>
        </p>
      ) : null}
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
                <span className="strong">Shot {shot.index + 1}</span>
                <span className="muted">
                  {formatTime(shot.startTime)}–{formatTime(shot.endTime)}
                </span>
              </div>
              <div className="frames">
                {frames.length ? null : (
                  <p className="no-keyframe muted" data-testid="no-keyframe">
                    No key frame: black or white frames only, or the same picture as a key frame kept elsewhere
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
          title={`Frame ${marked.frame}`}
          shapes={project.regions?.[marked.id] ?? []}
          onAdd={(shape) => review.edit((p) => addRegion(p, marked.id, shape))}
          onClear={() => review.edit((p) => clearRegions(p, marked.id))}
          onClose={() => setMarking(undefined)}
        />
      ) : null}
    </section>
  );
}
