import { withKeyframes, type KeyFrameStatus, type Project } from '../project';
import type { EditCommand } from './command';

const VERB: Record<KeyFrameStatus, string> = { accepted: 'Accept', rejected: 'Reject', proposed: 'Reset' };

/** Gives every key frame of one shot the same status (Shift+K / Shift+D); undo gives each back the status it had. */
export function setShotStatus(project: Project, shot: number, status: KeyFrameStatus): EditCommand {
  const before = new Map(project.keyframes.filter((k) => k.shot === shot).map((k) => [k.id, k.status]));
  if (!before.size) throw new RangeError(`shot ${shot + 1} has no key frame`);
  const set = (p: Project, statusOf: (id: string) => KeyFrameStatus | undefined) =>
    withKeyframes(p, p.keyframes.map((k) => (before.has(k.id) ? { ...k, status: statusOf(k.id) ?? k.status } : k)));
  return {
    label: `${VERB[status]} shot ${shot + 1} (${before.size} frame${before.size === 1 ? '' : 's'})`,
    apply: (p) => set(p, () => status),
    revert: (p) => set(p, (id) => before.get(id)),
  };
}
