import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commandText } from '../i18n/command-label';
import type { ComicApi } from '../../app/api';
import type { Review } from '../hooks/use-review';
import { Frame, type StepContent } from './Frame';
import type { StepId } from './step-ids';
import { useWorkspaceActions } from './use-actions';
import type { RunningJob } from './use-running-jobs';
import type { VideoIntake } from './use-video-intake';

/** What the shell needs whether or not a project is open. */
export interface ShellShared {
  api: ComicApi;
  step: StepId;
  setStep: (step: StepId) => void;
  jobs: RunningJob[];
  intake: VideoIntake;
  onDropFile: (file: File) => void;
  openVideo: () => void;
  sheet: boolean;
  setSheet: (open: boolean | ((open: boolean) => boolean)) => void;
  video: StepContent;
  /** Shown above every step's view. */
  notices?: ReactNode;
}

/** The action list bound to this state (keys, menu), around the window's frame. */
export function Shell({ shared, review, views, badges, tray }: { shared: ShellShared; review?: Review; views?: Partial<Record<StepId, StepContent>>; badges?: Partial<Record<StepId, string>>; tray?: ReactNode }) {
  const { t } = useTranslation();
  const { actions, Provider } = useWorkspaceActions({
    hasProject: !!review,
    step: shared.step,
    goTo: shared.setStep,
    openVideo: shared.openVideo,
    canUndo: !!review?.undoLabel,
    canRedo: !!review?.redoLabel,
    undoWhat: review?.undoLabel && commandText(t, review.undoLabel),
    redoWhat: review?.redoLabel && commandText(t, review.redoLabel),
    undo: () => review?.undo(),
    redo: () => review?.redo(),
    toggleShortcuts: () => shared.setSheet((open) => !open),
  });
  // Without a project only the Video step has anything to show.
  const step = review ? shared.step : 'video';
  return (
    <Provider>
      <Frame
        api={shared.api}
        actions={actions}
        step={step}
        review={review}
        views={{ video: shared.video, ...views }}
        badges={badges ?? {}}
        tray={tray}
        jobs={shared.jobs}
        intake={shared.intake}
        onDropFile={shared.onDropFile}
        notices={shared.notices}
        sheet={shared.sheet}
        onCloseSheet={() => shared.setSheet(false)}
      />
    </Provider>
  );
}
