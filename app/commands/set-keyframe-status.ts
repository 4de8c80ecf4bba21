import { withKeyframes, type KeyFrameStatus, type Project } from '../project';
import type { EditCommand } from './command';

const VERB: Record<KeyFrameStatus, string> = { accepted: 'Accept', rejected: 'Reject', proposed: 'Reset' };

/** Accepts, rejects or resets one key frame; undo restores the status it had. */
export function setKeyframeStatus(project: Project, id: string, status: KeyFrameStatus): EditCommand {
  const target = project.keyframes.find((k) => k.id === id);
  if (!target) throw new RangeError(`no key frame ${id} in the project`);
  const before = target.status;
  const set = (p: Project, s: KeyFrameStatus) => withKeyframes(p, p.keyframes.map((k) => (k.id === id ? { ...k, status: s } : k)));
  return {
    label: `${VERB[status]} frame ${target.frame}`,
    apply: (p) => set(p, status),
    revert: (p) => set(p, before),
  };
}
