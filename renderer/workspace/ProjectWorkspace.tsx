import { useCallback, useState } from 'react';
import type { KeyframesResult, StylizeResult } from '../../app/api';
import { comicKeyframes } from '../../app/project';
import { useReview } from '../hooks/use-review';
import type { StepContent } from './Frame';
import { Shell, type ShellShared } from './Shell';
import { PROJECT_STEPS, Tray, type ProjectStepProps } from './steps';
import type { StepId } from './step-ids';

/** The shell with a project open: the review store (edits, undo, saves) and every step's views from steps.tsx. */
export function ProjectWorkspace({ result, shared, defaultModel }: { result: KeyframesResult; shared: ShellShared; defaultModel?: string }) {
  const review = useReview(shared.api, result);
  const [panels, setPanels] = useState<StylizeResult>();
  const onPanels = useCallback((p: StylizeResult | undefined) => setPanels(p), []);
  const props: ProjectStepProps = { api: shared.api, result, review, defaultModel, panels, onPanels, goTo: shared.setStep };
  const views = Object.fromEntries(
    Object.entries(PROJECT_STEPS).map(([id, { Main, Inspector }]) => [id, { main: <Main {...props} />, inspector: Inspector ? <Inspector {...props} /> : undefined }]),
  ) as Record<Exclude<StepId, 'video'>, StepContent>;
  const kept = comicKeyframes(review.project).length;
  return <Shell shared={shared} review={review} views={views} badges={{ keyframes: String(kept) }} tray={<Tray {...props} />} />;
}
