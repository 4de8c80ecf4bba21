import { useCallback, useEffect, useState } from 'react';
import type { KeyframesResult, StylizeResult } from '../../app/api';
import { comicKeyframes } from '../../app/project';
import { useReview } from '../hooks/use-review';
import type { StepContent } from './Frame';
import { SelectionProvider } from './selection';
import { Shell, type ShellShared } from './Shell';
import { PROJECT_STEPS, Tray, videoTitle, type ProjectStepProps } from './steps';
import type { StepId } from './step-ids';

/** The shell with a project open: the review store (edits, undo, saves) and every step's views from steps.tsx. */
export function ProjectWorkspace({ result, shared, defaultModel }: { result: KeyframesResult; shared: ShellShared; defaultModel?: string }) {
  const review = useReview(shared.api, result);
  const [panels, setPanels] = useState<StylizeResult>();
  const onPanels = useCallback((p: StylizeResult | undefined) => setPanels(p), []);
  const props: ProjectStepProps = { api: shared.api, result, review, defaultModel, panels, onPanels, goTo: shared.setStep };
  const views = Object.fromEntries(
    Object.entries(PROJECT_STEPS).map(([id, { Main, Inspector, ownTray }]) => [id, { main: <Main {...props} />, inspector: Inspector ? <Inspector {...props} /> : undefined, ownTray }]),
  ) as Record<Exclude<StepId, 'video'>, StepContent>;
  const kept = comicKeyframes(review.project).length;
  // The window's title names the project (Electron's title bar, the browser's tab).
  const title = videoTitle(result.project.video.path);
  useEffect(() => {
    document.title = `${title} — Your Cartoon Is`;
    return () => {
      document.title = 'Your Cartoon Is';
    };
  }, [title]);
  // Closing the window while an edit is still being written (or failed to be) asks first.
  const unsaved = review.save.status !== 'saved';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return (
    <SelectionProvider>
      <Shell shared={shared} review={review} views={views} badges={{ keyframes: String(kept) }} tray={<Tray {...props} />} />
    </SelectionProvider>
  );
}
