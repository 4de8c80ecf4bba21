/**
 * The workspace's slots, step by step: what each step shows in the centre (Main) and in the side panel (Inspector),
 * and the tray along the bottom. Another part of the editor mounts itself by changing one line here:
 *
 *   keyframes.Main   the review: the timeline and the preview (renderer/timeline ReviewView)
 *   style.Main       the style chooser and the panels (PanelsCard)
 *   pages.Main       the page canvas (ComicCard)
 *   export.Main      the PDF (ExportPanel)
 *   *.Inspector      the selected thing's properties (selection.tsx; with nothing selected, the project's summary)
 *   Tray             the kept key frames (FrameTray)
 *
 * Every step's views stay mounted while the project is open (hidden when another step is shown), so a job a step
 * started, a selection or a scroll position survives a visit to another step.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, KeyframesResult, StylizeResult } from '../../app/api';
import { comicKeyframes } from '../../app/project';
import { ComicCard } from '../components/ComicCard';
import { ExportPanel } from '../components/ExportPanel';
import { PanelsCard } from '../components/PanelsCard';
import type { Review } from '../hooks/use-review';
import { ReviewView } from '../timeline/ReviewView';
import { FrameTray } from './FrameTray';
import { KeyframeInspector } from './KeyframeInspector';
import { ProjectSummary } from './ProjectSummary';
import type { StepId } from './step-ids';

/** What every project step's component is given. */
export interface ProjectStepProps {
  api: ComicApi;
  result: KeyframesResult;
  review: Review;
  defaultModel?: string;
  /** The panels drawn for the kept key frames (Style makes them; Pages and Export use them). */
  panels?: StylizeResult;
  onPanels: (panels: StylizeResult | undefined) => void;
  goTo: (step: StepId) => void;
}

export interface StepView {
  Main: ComponentType<ProjectStepProps>;
  Inspector?: ComponentType<ProjectStepProps>;
  /** The step draws its own frame tray (and needs the room): the shared tray is not shown on it. */
  ownTray?: boolean;
}

/** The video's file name without its folder or extension: the comic's title. */
export function videoTitle(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, '') || 'Comic';
}

function StyleStep({ api, result, review, defaultModel, onPanels }: ProjectStepProps) {
  const { t } = useTranslation();
  // framesDir is the main process's own path: '/' joins it on every platform Node runs on.
  const kept = comicKeyframes(review.project);
  const pictures = kept.map((k) => `${result.framesDir}/${k.file}`);
  const regions = Object.fromEntries(kept.flatMap((k, i) => (review.project.regions?.[k.id]?.length ? [[pictures[i], review.project.regions[k.id]]] : [])));
  if (!review.project.keyframes.length) return <p className="note empty-step">{t('style.noFrames')}</p>;
  const frames = kept.map((k, i) => ({ id: k.id, picture: pictures[i], url: api.imageUrl({ root: result.framesRoot, file: k.file }), label: t('style.frameLabel', { frame: k.frame }) }));
  return <PanelsCard api={api} review={review} projectDir={result.projectDir} pictures={pictures} frames={frames} regions={regions} defaultModel={defaultModel} onPanels={onPanels} />;
}

/** Pages and Export need the panels: until Style has them, a step says so and leads there. */
function NeedsPanels({ goTo }: { goTo: (step: StepId) => void }) {
  const { t } = useTranslation();
  return (
    <div className="note empty-step" data-testid="needs-panels">
      <p>{t('steps.needsPanels')}</p>
      <button type="button" className="primary" onClick={() => goTo('style')}>
        {t('steps.toStyle')}
      </button>
    </div>
  );
}

export const PROJECT_STEPS: Record<Exclude<StepId, 'video'>, StepView> = {
  keyframes: { Main: ({ api, result, review }) => <ReviewView api={api} result={result} review={review} />, Inspector: KeyframeInspector },
  style: { Main: StyleStep, Inspector: ProjectSummary },
  // The page canvas has its own properties panel (page, book, panel) and its own tray of frames to drag onto panels:
  // the shared side panel and tray would only take its room.
  pages: { Main: ({ api, review, panels, goTo }) => (panels ? <ComicCard api={api} review={review} panels={panels} /> : <NeedsPanels goTo={goTo} />), ownTray: true },
  export: {
    Main: ({ api, result, review, panels, goTo }) =>
      panels ? <ExportPanel api={api} review={review} panels={panels} projectDir={result.projectDir} title={videoTitle(result.document.video.path)} /> : <NeedsPanels goTo={goTo} />,
    Inspector: ProjectSummary,
  },
};

export const Tray: ComponentType<ProjectStepProps> = FrameTray;
