import type { MaskShape } from '../masks';
import type { Project } from '../project';
import type { CommandLabel, EditCommand } from './command';

/** Replaces one key frame's regions; undo puts back the list it had. */
function setRegions(project: Project, keyframe: string, label: CommandLabel, next: MaskShape[]): EditCommand {
  const before = project.regions?.[keyframe];
  const set = (p: Project, list: MaskShape[] | undefined) => {
    const regions = { ...(p.regions ?? {}) };
    if (list?.length) regions[keyframe] = list;
    else delete regions[keyframe];
    return { ...p, regions };
  };
  return { label, apply: (p) => set(p, next), revert: (p) => set(p, before) };
}

/** Adds a region drawn on a key frame (a box, a lasso or a brush stroke: one instance each). */
export function addRegion(project: Project, keyframe: string, shape: MaskShape): EditCommand {
  return setRegions(project, keyframe, { key: `command.markRegion.${shape.kind}` }, [...(project.regions?.[keyframe] ?? []), shape]);
}

/** Removes every region drawn on a key frame. */
export function clearRegions(project: Project, keyframe: string): EditCommand {
  return setRegions(project, keyframe, { key: 'command.clearRegions' }, []);
}
