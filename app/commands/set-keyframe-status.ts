import { withKeyframes, type KeyFrameStatus, type Project } from '../project';
import type { CommandLabelKey, EditCommand } from './command';

const LABEL = { accepted: 'command.acceptFrame', rejected: 'command.rejectFrame', proposed: 'command.resetFrame' } as const satisfies Record<KeyFrameStatus, CommandLabelKey>;

/** Accepts, rejects or resets one key frame; undo restores the status it had. */
export function setKeyframeStatus(project: Project, id: string, status: KeyFrameStatus): EditCommand {
  const target = project.keyframes.find((k) => k.id === id);
  if (!target) throw new RangeError(`no key frame ${id} in the project`);
  const before = target.status;
  const set = (p: Project, s: KeyFrameStatus) => withKeyframes(p, p.keyframes.map((k) => (k.id === id ? { ...k, status: s } : k)));
  return {
    label: { key: LABEL[status], values: { frame: target.frame } },
    apply: (p) => set(p, status),
    revert: (p) => set(p, before),
  };
}
