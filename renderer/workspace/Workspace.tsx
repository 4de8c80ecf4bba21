import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, KeyframesRequest, KeyframesResult } from '../../app/api';
import { DEFAULT_ANALYSIS_PARAMS } from '../../app/keyframes';
import { comicKeyframes } from '../../app/project';
import { SystemPanel } from '../components/SystemPanel';
import { JobProgress } from '../components/JobProgress';
import { LiveTimeline } from '../timeline/LiveTimeline';
import { useAppInfo } from '../hooks/use-app-info';
import { useJob } from '../hooks/use-job';
import { useSampleVideo } from '../hooks/use-sample-video';
import { useSavedReview } from '../hooks/use-saved-review';
import { ANALYSIS_SETTINGS, changedSettings, type AnalysisSettings } from './analysis-settings';
import { OpenProblemNote } from './RelinkPrompt';
import { RecentProjects } from './RecentProjects';
import { Shell, type ShellShared } from './Shell';
import type { StepId } from './step-ids';
import { useProjectSession } from './use-project-session';
import { useRecentProjects } from './use-recent-projects';
import { useRunningJobs } from './use-running-jobs';
import { useVideoIntake } from './use-video-intake';
import { VideoStep } from './VideoStep';
import { IntakeStatus } from './IntakeStatus';
import { ProjectWorkspace } from './ProjectWorkspace';

const settingsOf = (p: Partial<AnalysisSettings>): AnalysisSettings =>
  Object.fromEntries(ANALYSIS_SETTINGS.map((s) => [s.key, p[s.key] ?? DEFAULT_ANALYSIS_PARAMS[s.key]])) as AnalysisSettings;

/**
 * The editor: the project shown (restored after a reload), the analysis job, the ways a video comes in, and the
 * recent projects; the shell around them (toolbar, steps, side panel, tray) is the same with or without a project.
 */
export function Workspace({ api }: { api: ComicApi }) {
  const { t } = useTranslation();
  const { info, error } = useAppInfo(api);
  const session = useProjectSession(api);
  const [step, setStep] = useState<StepId>('video');
  const [sheet, setSheet] = useState(false);
  const [path, setPath] = useState('');
  const sample = useSampleVideo(api, setPath);
  const startKeyframes = useCallback((request: KeyframesRequest) => api.startKeyframes(request), [api]);
  const job = useJob<KeyframesRequest, KeyframesResult>(api, 'keyframes', startKeyframes);
  const busy = job.view.status === 'starting' || job.view.status === 'running';
  const jobs = useRunningJobs(api);
  const defaults = useMemo(() => settingsOf(info?.defaultParams ?? {}), [info]);
  const [settings, setSettings] = useState<AnalysisSettings>(defaults);
  const { shown } = session;

  // A new review replaces the one on screen only when it is done: a failed or cancelled re-run leaves it as it was.
  const { view, reset } = job;
  useEffect(() => {
    if (view.status !== 'done') return;
    session.show(view.result);
    setStep((s) => (s === 'video' ? 'keyframes' : s));
    reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on each finished analysis
  }, [view]);
  // The shown project's video and settings are the Video step's starting point (a re-run keeps them).
  useEffect(() => {
    if (!shown) return;
    setPath(shown.project.video.path);
    setSettings(settingsOf(shown.project.params));
  }, [shown]);
  useEffect(() => setSettings((s) => (shown ? s : defaults)), [defaults, shown]);
  // Restored after a reload: straight to the review.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (shown && !restored) {
      setRestored(true);
      setStep((s) => (s === 'video' ? 'keyframes' : s));
    }
  }, [shown, restored]);

  const analyse = useCallback(
    (video: string) => {
      setPath(video);
      void job.start({ video, params: changedSettings(settings, defaults) });
    },
    [job, settings, defaults],
  );
  // A video that has a project already opens it (every decision as it was left); another is analysed.
  const openOrAnalyse = useCallback(
    async (video: string) => {
      setPath(video);
      const saved = await api.openProject({ video }).catch(() => null);
      if (saved) {
        await session.open(saved.projectDir);
        setStep('keyframes');
      } else analyse(video);
    },
    [api, session, analyse],
  );
  const intake = useVideoIntake(api, info?.uploadMaxBytes, openOrAnalyse);
  const relinkTarget = session.problem?.code === 'VIDEO_MISSING' ? session.problem.projectDir : undefined;
  const relinkIntake = useVideoIntake(api, info?.uploadMaxBytes, (video) => relinkTarget && void session.relink(relinkTarget, video));
  const saved = useSavedReview(api, path, job.view.status);
  const recent = useRecentProjects(api, `${shown?.projectDir}|${job.view.status}|${session.problem?.code}`);

  const openFromList = useCallback(
    (projectDir: string) => {
      void session.open(projectDir).then(() => setStep('keyframes'));
    },
    [session],
  );

  const videoStep = (
    <VideoStep
      intake={intake}
      path={path}
      onPath={setPath}
      sample={sample}
      onAnalyse={() => analyse(path.trim())}
      busy={busy}
      analysed={!!shown && shown.project.video.path === path.trim()}
      saved={saved && saved.projectDir !== shown?.projectDir ? t('picker.savedCount', { kept: comicKeyframes(saved.project).length, count: saved.project.keyframes.length }) : undefined}
      onOpenSaved={() => saved && void session.open(saved.projectDir).then(() => setStep('keyframes'))}
      settings={settings}
      defaults={info ? defaults : undefined}
      onSettings={setSettings}
      opening={session.opening}
      problem={session.problem ? <OpenProblemNote problem={session.problem} intake={relinkIntake} onRelink={(v) => relinkTarget && void session.relink(relinkTarget, v)} onDismiss={session.dismiss} /> : null}
      job={
        <>
          {busy ? <JobProgress progress={job.view.status === 'running' ? job.view.progress : undefined} cancelling={job.view.status === 'running' && job.view.cancelling} onCancel={job.cancel} /> : null}
          {job.view.status === 'running' && job.view.progress?.found ? <LiveTimeline found={job.view.progress.found} next={!!shown} /> : null}
        </>
      }
      recent={<RecentProjects api={api} projects={recent.projects} error={error ? undefined : recent.error} current={shown?.projectDir} onOpen={openFromList} onForget={recent.forget} />}
    />
  );
  // Said on whichever step the user is: a file refused or uploading, the analysis failed or cancelled.
  const notices = (
    <>
      <IntakeStatus intake={intake} uploadMaxBytes={info?.uploadMaxBytes} />
      <IntakeStatus intake={relinkIntake} uploadMaxBytes={info?.uploadMaxBytes} />
          {job.view.status === 'failed' ? (
            <p className="note bad" data-testid="job-error">
              {job.view.error.message}
            </p>
          ) : null}
          {job.view.status === 'cancelled' ? (
            <p className="note" data-testid="job-cancelled">
              {shown ? t('job.cancelledKept') : t('job.cancelled')}
            </p>
          ) : null}
    </>
  );

  const shared: ShellShared = {
    api,
    step,
    setStep,
    jobs,
    intake,
    onDropFile: (file) => void (relinkTarget ? relinkIntake : intake).takeFile(file),
    notices,
    openVideo: () => void intake.choose(),
    sheet,
    setSheet,
    video: { main: videoStep, inspector: <SystemPanel info={info} error={error} /> },
  };
  return shown ? <ProjectWorkspace key={shown.projectDir} result={shown} shared={shared} defaultModel={info?.defaultModel} /> : <Shell shared={shared} />;
}
