import { useCallback, useEffect, useState } from 'react';
import type { ComicApi, KeyframesRequest, KeyframesResult } from '../../app/api';
import { useAppInfo } from '../hooks/use-app-info';
import { useJob } from '../hooks/use-job';
import { useSampleVideo } from '../hooks/use-sample-video';
import { useSavedReview } from '../hooks/use-saved-review';
import { comicKeyframes } from '../../app/project';
import { LiveTimeline } from '../timeline/LiveTimeline';
import { JobProgress } from './JobProgress';
import { ReviewAndComic } from './ReviewAndComic';
import { SystemPanel } from './SystemPanel';
import { VideoPicker } from './VideoPicker';

export function App({ api }: { api: ComicApi }) {
  const { info, error } = useAppInfo(api);
  const [path, setPath] = useState('');
  const sample = useSampleVideo(api, setPath);
  const startKeyframes = useCallback((request: KeyframesRequest) => api.startKeyframes(request), [api]);
  const { view, start, cancel } = useJob<KeyframesRequest, KeyframesResult>(api, 'keyframes', startKeyframes);
  const busy = view.status === 'starting' || view.status === 'running';
  // What the review shows: the analysis that just finished, or a saved review the user reopened.
  const [shown, setShown] = useState<KeyframesResult>();
  useEffect(() => setShown(view.status === 'done' ? view.result : undefined), [view]);
  const saved = useSavedReview(api, path, view.status);
  return (
    <div className="app">
      <header>
        <h1>Your Cartoon Is</h1>
        {info ? (
          <span className="muted">
            {info.version} · {info.host === 'electron' ? 'desktop' : 'in your browser'}
          </span>
        ) : null}
      </header>
      <main>
        <div className="top">
          <VideoPicker
            path={path}
            onPath={setPath}
            onSample={sample.make}
            makingSample={sample.making}
            onAnalyse={() => start({ video: path.trim() })}
            busy={busy}
            saved={saved && saved.projectDir !== shown?.projectDir ? `${comicKeyframes(saved.project).length} of ${saved.project.keyframes.length} key frames kept` : undefined}
            onOpenSaved={() => setShown(saved)}
          />
          <SystemPanel info={info} error={error} />
        </div>
        {sample.error ? <p className="note bad">Could not make the sample video: {sample.error}</p> : null}
        {view.status === 'running' || view.status === 'starting' ? (
          <JobProgress progress={view.status === 'running' ? view.progress : undefined} cancelling={view.status === 'running' && view.cancelling} onCancel={cancel} />
        ) : null}
        {view.status === 'running' && view.progress?.found ? <LiveTimeline found={view.progress.found} /> : null}
        {view.status === 'failed' ? (
          <p className="note bad" data-testid="job-error">
            {view.error.message}
          </p>
        ) : null}
        {view.status === 'cancelled' ? <p className="note" data-testid="job-cancelled">Cancelled.</p> : null}
        {shown && !busy ? <ReviewAndComic api={api} result={shown} defaultModel={info?.defaultModel} /> : null}
      </main>
    </div>
  );
}
