import type { PanelCrop } from '../page';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

/** Crops a key frame's panel (pan and zoom, a whole drag as one command). Undo restores the crop it had. */
export function setPanelCrop(project: Project, keyframe: string, crop: PanelCrop): EditCommand {
  const before = layoutOf(project).crops[keyframe];
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const next = { centerX: clamp(crop.centerX, 0, 1), centerY: clamp(crop.centerY, 0, 1), zoom: clamp(crop.zoom, 1, 8) };
  const set = (p: Project, c: PanelCrop | undefined) =>
    withLayout(p, (l) => {
      const crops = { ...l.crops };
      if (c) crops[keyframe] = c;
      else delete crops[keyframe];
      return { ...l, crops };
    });
  return { label: { key: next.zoom !== (before?.zoom ?? 1) ? 'command.zoomPanel' : 'command.panPicture' }, apply: (p) => set(p, next), revert: (p) => set(p, before) };
}
