import { useTranslation } from 'react-i18next';
import type { ComicApi } from '../../app/api';
import type { Review } from '../hooks/use-review';
import { JobStatus } from './JobStatus';
import { LanguageSelect } from './LanguageSelect';
import type { WorkspaceActions } from './use-actions';
import type { RunningJob } from './use-running-jobs';
import type { VideoIntake } from './use-video-intake';

/** The top bar: Open, Undo/Redo with the save state, the job in progress (any step's), Export, language, shortcuts. */
export function Toolbar({ api, actions, review, jobs, intake }: { api: ComicApi; actions: WorkspaceActions; review?: Review; jobs: RunningJob[]; intake: VideoIntake }) {
  const { t } = useTranslation();
  const open = actions.view('open-video');
  const undo = actions.view('undo');
  const redo = actions.view('redo');
  const exp = actions.view('export');
  const help = actions.view('shortcuts');
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="brand">Your Cartoon Is</span>
      <button type="button" className="primary" data-testid="open-video" onClick={open.run} title={open.title}>
        {t('toolbar.open')}
      </button>
      <input
        ref={intake.input}
        type="file"
        hidden
        data-testid="file-input"
        accept="video/*,.mkv,.mov,.avi,.mts,.m2ts,.ts,.webm,.wmv,.flv,.gif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file chosen again is a new choice
          if (file) void intake.takeFile(file);
        }}
      />
      <span className="toolbar-group">
        <button
          type="button"
          data-testid="undo"
          onClick={undo.run}
          disabled={!undo.enabled}
          title={undo.enabled ? undo.title : t('toolbar.nothingToUndo')}
        >
          {t('action.undo')}
        </button>
        <button
          type="button"
          data-testid="redo"
          onClick={redo.run}
          disabled={!redo.enabled}
          title={redo.enabled ? redo.title : t('toolbar.nothingToRedo')}
        >
          {t('action.redo')}
        </button>
        {review ? (
          <span className={`muted save-state ${review.save.status}`} data-testid="save-state" title={review.save.status === 'failed' ? review.save.message : undefined}>
            {review.save.status === 'failed'
              ? t('save.failed', { message: review.save.message })
              : review.save.status === 'conflict'
                ? t('save.conflict')
                : review.save.status === 'saving'
                  ? t('save.saving')
                  : t('save.saved')}
          </span>
        ) : null}
        {review?.save.status === 'conflict' ? (
          <span className="save-conflict" data-testid="save-conflict" title={review.save.message}>
            {t('save.conflictNote')}{' '}
            <button type="button" data-testid="conflict-load-theirs" onClick={() => void review.resolveConflict('theirs')}>
              {t('save.loadTheirs')}
            </button>{' '}
            <button type="button" data-testid="conflict-keep-mine" onClick={() => void review.resolveConflict('mine')}>
              {t('save.keepMine')}
            </button>
          </span>
        ) : null}
      </span>
      <JobStatus api={api} jobs={jobs} />
      <span className="toolbar-group end">
        <button type="button" data-testid="toolbar-export" onClick={exp.run} disabled={!exp.enabled} title={exp.title}>
          {t('action.export')}
        </button>
        <LanguageSelect />
        <button type="button" className="icon" data-testid="shortcuts" onClick={help.run} title={help.title} aria-label={help.label}>
          ?
        </button>
      </span>
    </header>
  );
}
