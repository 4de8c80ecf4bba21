import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, KeyframesResult } from '../../app/api';
import { addKeyframe, addRegion, clearRegions, setKeyframeStatus, setShotStatus } from '../../app/commands';
import { keyframeThumbFile } from '../../app/keyframes';
import { comicKeyframes, shotAt, type ProjectKeyFrame } from '../../app/project';
import { RegionEditor } from '../components/RegionEditor';
import type { Review } from '../hooks/use-review';
import { REVIEW_ACTIONS, type ReviewActionContext } from './actions';
import { usePreloadedSheets, type Filmstrip } from './FilmstripTile';
import { frameAt, timeToX } from './geometry';
import { ReviewHeader } from './ReviewHeader';
import { ReviewPreview } from './ReviewPreview';
import { neighbourKeyframe, withNeighbours } from './selection';
import { Timeline } from './Timeline';
import { ScrollBar, ZoomButtons } from './TimelineControls';
import './timeline.css';
import { usePlayheadFrame } from './use-playhead-frame';
import { useShotPlayer } from './use-shot-player';
import { useTimelineView } from './use-timeline-view';
import { useSelection } from '../workspace/selection';
import { useActionHandler } from '../workspace/use-actions';

/**
 * The review of an analysed video: the timeline of its shots and key frames, and a large preview of the selected key
 * frame between its neighbours (or of the frame at the playhead). Keep, drop and add by click or by key (actions.ts);
 * every change is an undoable command saved to project.json.
 */
export function ReviewView({ api, result, review }: { api: ComicApi; result: KeyframesResult; review: Review }) {
  const { t } = useTranslation();
  const { document: doc } = result;
  const { project } = review;
  const { fps, duration, frameCount } = doc.video;
  const timeline = useTimelineView(duration, fps);
  // The selected key frame is the workspace's selection, so the side panel and the timeline always show the same one
  // (a frame chosen here is the inspector's; "Show the project" there leaves none selected here).
  const { selection, select: share } = useSelection();
  const selected = selection?.kind === 'keyframe' ? selection.id : undefined;
  const setSelected = useCallback((id: string | undefined) => share(id ? { kind: 'keyframe', id } : undefined), [share]);
  // On first showing, the first key frame (unless something is selected already).
  useEffect(() => {
    if (!selection && project.keyframes[0]) setSelected(project.keyframes[0].id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the review is first shown
  }, []);
  const [playhead, setPlayhead] = useState(() => project.keyframes[0]?.time ?? 0);
  const [scrub, setScrub] = useState<{ scrubbing: boolean }>();
  const [marking, setMarking] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const exact = usePlayheadFrame(api, result.projectDir, fps);
  const onScrubRef = useRef<(t: number, done: boolean) => void>(() => undefined);
  const player = useShotPlayer(
    useCallback(
      (t: number) => {
        setPlayhead(t);
        setScrub({ scrubbing: true });
        setSelected(undefined);
      },
      [setSelected],
    ),
    // Where playing stopped, the exact frame: what Add would use.
    useCallback((t: number) => onScrubRef.current(t, true), []),
  );
  const filmstrip = useMemo<Filmstrip | undefined>(() => {
    const strip = result.filmstrip;
    return strip && { index: strip.index, sheetUrl: (i: number) => api.imageUrl({ root: strip.root, file: strip.index.sheets[i] }) };
  }, [api, result.filmstrip]);
  usePreloadedSheets(filmstrip);
  const keyframes = project.keyframes;
  const pictureOf = useCallback((k: ProjectKeyFrame) => api.imageUrl({ root: result.framesRoot, file: k.file }), [api, result.framesRoot]);
  // The timeline's small pictures: each key frame's 320-px thumbnail, not its full-resolution picture.
  const thumbOf = useCallback((k: ProjectKeyFrame) => api.imageUrl({ root: result.framesRoot, file: keyframeThumbFile(k.file) }), [api, result.framesRoot]);
  const frame = frameAt(playhead, fps, frameCount);

  const select = (k: ProjectKeyFrame | undefined) => {
    if (!k) return;
    player.stop(false);
    exact.clear();
    setScrub(undefined);
    setSelected(k.id);
    setPlayhead(k.time);
    timeline.reveal(k.time);
  };
  const onScrub = (t: number, done: boolean) => {
    player.stop(false);
    const f = frameAt(t, fps, frameCount);
    setPlayhead(f / fps);
    setSelected(undefined);
    setScrub({ scrubbing: !done });
    if (done) void exact.take(f);
  };
  onScrubRef.current = onScrub;
  // Stepping by keys: the filmstrip's frame at each press, the exact one once the keys rest.
  const stepTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const stepTo = (f: number) => {
    const t = Math.min(Math.max(0, f), frameCount - 1) / fps;
    onScrub(t, false);
    timeline.reveal(t);
    clearTimeout(stepTimer.current);
    stepTimer.current = setTimeout(() => onScrubRef.current(t, true), 300);
  };
  const edit = review.edit;
  const current = keyframes.find((k) => k.id === selected);
  const shotHere = () => current?.shot ?? shotAt(project.shots, frame);
  const addAtPlayhead = async () => {
    setProblem(undefined);
    const ready = exact.state.status === 'ready' && exact.state.frame === frame ? exact.state.grabbed : await (exact.state.status === 'grabbing' ? exact.current() : exact.take(frame));
    if (!ready) return setProblem(exact.state.status === 'failed' ? exact.state.message : undefined);
    if (project.keyframes.some((k) => k.frame === ready.keyframe.frame)) return setProblem(t('timeline.alreadyKeyframe', { frame: ready.keyframe.frame }));
    edit((p) => addKeyframe(p, ready.keyframe));
    setScrub(undefined);
    exact.clear();
    setSelected(ready.keyframe.id);
  };
  const actions: ReviewActionContext = {
    previous: () => select(neighbourKeyframe(keyframes, selected, playhead, -1)),
    next: () => select(neighbourKeyframe(keyframes, selected, playhead, 1)),
    keep: () => current && edit((p) => setKeyframeStatus(p, current.id, 'accepted')),
    drop: () => current && edit((p) => setKeyframeStatus(p, current.id, 'rejected')),
    add: () => void addAtPlayhead(),
    keepShot: () => edit((p) => setShotStatus(p, shotHere(), 'accepted')),
    dropShot: () => edit((p) => setShotStatus(p, shotHere(), 'rejected')),
    stepFrames: (n) => stepTo(frame + n),
    stepSeconds: (sec) => stepTo(frame + Math.round(sec * fps)),
    togglePlay: () => (player.playing ? player.stop() : player.play(project.shots[shotAt(project.shots, frame)], playhead)),
    zoomIn: () => timeline.zoomIn(timeToX(timeline.view, playhead)),
    zoomOut: () => timeline.zoomOut(timeToX(timeline.view, playhead)),
    zoomFit: timeline.fit,
  };
  // The workspace's keyboard, menu and shortcuts sheet run these while the review is on screen (not while marking).
  const context = useRef(actions);
  context.current = actions;
  for (const a of REVIEW_ACTIONS) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a fixed list: the same hooks in the same order every time
    useActionHandler(a.id, () => a.run(context.current), !marking);
  }
  const around = withNeighbours(keyframes, selected);
  const marked = keyframes.find((k) => k.id === marking);

  return (
    <section className="card shots review" data-testid="shots">
      <ReviewHeader result={result} review={review} inComic={comicKeyframes(project).length} />
      <div className="timeline" data-testid="timeline">
        <div className="timeline-head">
          <ZoomButtons timeline={timeline} />
          <span className="muted key-help" title={t('timeline.keyHelp')}>
            {t('timeline.keyHelp')}
          </span>
        </div>
        <Timeline fps={fps} shots={project.shots} transitions={doc.transitions ?? []} keyframes={keyframes} pictureOf={pictureOf} thumbOf={thumbOf} selected={selected} playhead={playhead} filmstrip={filmstrip} timeline={timeline} onSelect={select} onScrub={onScrub} />
        <ScrollBar timeline={timeline} />
      </div>
      {problem ? <p className="note bad" data-testid="add-problem">{problem}</p> : null}
      <ReviewPreview
        {...around}
        pictureOf={pictureOf}
        regionsOf={(k) => project.regions?.[k.id]?.length ?? 0}
        playhead={scrub && !current ? { time: playhead, frame, scrubbing: scrub.scrubbing && !player.playing, exact: exact.state } : undefined}
        filmstrip={filmstrip}
        video={{ ref: player.video, src: result.video ? api.imageUrl(result.video) : undefined, playing: !!player.playing }}
        onSelect={select}
        onStatus={(k, status) => edit((p) => setKeyframeStatus(p, k.id, status))}
        onShot={(k, status) => edit((p) => setShotStatus(p, k.shot, status))}
        onMark={(k) => setMarking(k.id)}
        onAdd={() => void addAtPlayhead()}
      />
      {marked ? (
        <RegionEditor
          src={pictureOf(marked)}
          title={t('review.frame', { frame: marked.frame })}
          shapes={project.regions?.[marked.id] ?? []}
          onAdd={(shape) => edit((p) => addRegion(p, marked.id, shape))}
          onClear={() => edit((p) => clearRegions(p, marked.id))}
          onClose={() => setMarking(undefined)}
        />
      ) : null}
    </section>
  );
}
