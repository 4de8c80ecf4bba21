import { withKeyframes, type KeyFrameStatus, type Project } from '../project';
import type { CommandLabelKey, EditCommand } from './command';

const LABEL = { accepted: 'command.acceptShot', rejected: 'command.rejectShot', proposed: 'command.resetShot' } as const satisfies Record<KeyFrameStatus, CommandLabelKey>;

/** Gives every key frame of one shot the same status (Shift+K / Shift+D); undo gives each back the status it had. */
export function setShotStatus(project: Project, shot: number, status: KeyFrameStatus): EditCommand {
  const before = new Map(project.keyframes.filter((k) => k.shot === shot).map((k) => [k.id, k.status]));
  if (!before.size) throw new RangeError(`shot ${shot + 1} has no key frame`);
  const set = (p: Project, statusOf: (id: string) => KeyFrameStatus | undefined) =>
    withKeyframes(p, p.keyframes.map((k) => (before.has(k.id) ? { ...k, status: statusOf(k.id) ?? k.status } : k)));
  return {
    label: { key: LABEL[status], values: { shot: shot + 1, count: before.size } },
    apply: (p) => set(p, () => status),
    revert: (p) => set(p, (id) => before.get(id)),
  };
}
