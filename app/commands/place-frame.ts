import type { Project } from '../project';
import type { EditCommand } from './command';
import { pageAt, pagesCommand, panelAt } from './pages-command';

/**
 * Shows key frame `keyframe` in a panel (a frame dragged from the tray). A frame shown in another panel swaps with
 * the one this panel showed; the frames' crops and balloons go with them.
 */
export function placeFrame(project: Project, page: number, panel: string, keyframe: string): EditCommand {
  if (!project.keyframes.some((k) => k.id === keyframe && k.status !== 'rejected')) throw new RangeError(`key frame ${keyframe} is not in the comic`);
  let swapped = false;
  const command = pagesCommand(project, { key: 'command.placeFrame' }, (pages) => {
    const target = panelAt(pageAt(pages, page), panel, page);
    const previous = target.keyframe;
    return pages.map((p, i) => ({
      ...p,
      panels: p.panels.map((x) => {
        if (i === page && x.id === panel) return { ...x, keyframe };
        if (x.keyframe === keyframe) return (swapped = true), { ...x, keyframe: previous };
        return x;
      }),
    }));
  });
  return swapped ? { ...command, label: { key: 'command.swapFrames' } } : command;
}
