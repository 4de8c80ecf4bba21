import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi } from '../../app/api';
import type { Review } from '../hooks/use-review';
import { ShortcutsSheet } from './ShortcutsSheet';
import { StepBar } from './StepBar';
import { STEP_IDS, type StepId } from './step-ids';
import { Toolbar } from './Toolbar';
import type { WorkspaceActions } from './use-actions';
import type { RunningJob } from './use-running-jobs';
import type { VideoIntake } from './use-video-intake';

export interface StepContent {
  main: ReactNode;
  inspector?: ReactNode;
  /** The step has a tray of its own (the Pages step's, whose frames drag onto panels): the shared one steps aside. */
  ownTray?: boolean;
}

/**
 * The window: toolbar, step bar, the step's main view with its side panel, the frame tray; no page scroll (each
 * region scrolls on its own). The whole window takes a dropped video file (data-testid="video-drop").
 */
export function Frame(props: {
  api: ComicApi;
  actions: WorkspaceActions;
  step: StepId;
  review?: Review;
  views: Partial<Record<StepId, StepContent>>;
  badges: Partial<Record<StepId, string>>;
  tray?: ReactNode;
  jobs: RunningJob[];
  intake: VideoIntake;
  onDropFile: (file: File) => void;
  notices?: ReactNode;
  sheet: boolean;
  onCloseSheet: () => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(0);
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');
  const { step, views } = props;
  return (
    <div
      className={`workspace${dragging ? ' dragging' : ''}`}
      data-testid="video-drop"
      onDragEnter={(e) => hasFiles(e) && setDragging((n) => n + 1)}
      onDragLeave={(e) => hasFiles(e) && setDragging((n) => Math.max(0, n - 1))}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        setDragging(0);
        const file = e.dataTransfer.files[0];
        // A part of the editor that takes its own files (a model on the style panel) stops the event before this.
        if (!file || e.defaultPrevented) return;
        e.preventDefault();
        props.onDropFile(file);
      }}
    >
      <Toolbar api={props.api} actions={props.actions} review={props.review} jobs={props.jobs} intake={props.intake} />
      <StepBar step={step} actions={props.actions} badges={props.badges} />
      <div className="workspace-body">
        <main className="workspace-main" data-step={step}>
          <div className="notices">{props.notices}</div>
          {STEP_IDS.map((id) =>
            views[id] ? (
              <section key={id} className="step-view" data-testid={`view-${id}`} hidden={id !== step}>
                {views[id]!.main}
              </section>
            ) : null,
          )}
        </main>
        {views[step]?.inspector ? (
          <aside className="inspector" data-testid="inspector" aria-label={t('inspector.label')}>
            {views[step]!.inspector}
          </aside>
        ) : null}
      </div>
      {views[step]?.ownTray ? null : props.tray}
      {dragging ? (
        <div className="drop-overlay" aria-hidden>
          <p>{t('start.dropNow')}</p>
        </div>
      ) : null}
      {props.sheet ? <ShortcutsSheet actions={props.actions} onClose={props.onCloseSheet} /> : null}
    </div>
  );
}
