import type { Balloon } from '../balloons';
import { layoutOf, withLayout, type Project } from '../project';
import type { CommandLabel, EditCommand } from './command';

type BalloonList = Balloon[] | undefined;

/** Replaces one panel's balloons; the command's undo puts back the list it had. */
function setBalloons(project: Project, keyframe: string, label: CommandLabel, change: (list: Balloon[]) => Balloon[]): EditCommand {
  const before: BalloonList = layoutOf(project).balloons?.[keyframe];
  const after = change(before ?? []);
  const set = (p: Project, list: BalloonList) =>
    withLayout(p, (l) => {
      const balloons = { ...(l.balloons ?? {}) };
      if (list?.length) balloons[keyframe] = list;
      else delete balloons[keyframe];
      return { ...l, balloons };
    });
  return { label, apply: (p) => set(p, after), revert: (p) => set(p, before) };
}

/** A balloon with the fields set to undefined taken out (a font set back to "by script"). */
function withoutUndefined(b: Balloon): Balloon {
  return Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as unknown as Balloon;
}

export function addBalloon(project: Project, keyframe: string, balloon: Balloon): EditCommand {
  return setBalloons(project, keyframe, { key: `command.addBalloon.${balloon.kind}` }, (list) => [...list, balloon]);
}

/** Text, position, tail, size or kind of one balloon (a drag or a text edit is one command). */
export function updateBalloon(project: Project, keyframe: string, id: string, changes: Partial<Omit<Balloon, 'id'>>): EditCommand {
  if (!layoutOf(project).balloons?.[keyframe]?.some((b) => b.id === id)) throw new RangeError(`no balloon ${id} on that panel`);
  const key =
    changes.text !== undefined ? 'command.balloonText'
    : changes.kind !== undefined ? 'command.balloonKind'
    : changes.fontSize !== undefined ? 'command.balloonLetterSize'
    : changes.tailX !== undefined ? 'command.balloonTail'
    : changes.vertical !== undefined ? 'command.balloonDirection'
    : changes.width !== undefined || changes.height !== undefined ? 'command.balloonResize'
    : changes.font !== undefined || 'font' in changes ? 'command.balloonFont'
    : changes.fit !== undefined ? 'command.balloonFit'
    : changes.color !== undefined || changes.stroke !== undefined || changes.strokeWidth !== undefined ? 'command.balloonColours'
    : 'command.balloonMove';
  return setBalloons(project, keyframe, { key }, (list) => list.map((b) => (b.id === id ? withoutUndefined({ ...b, ...changes }) : b)));
}

export function removeBalloon(project: Project, keyframe: string, id: string): EditCommand {
  return setBalloons(project, keyframe, { key: 'command.deleteBalloon' }, (list) => list.filter((b) => b.id !== id));
}

/** The key frame whose panel holds the balloon `id` (balloon ids are unique in a project), if any. */
export function balloonOwner(project: Project, id: string): string | undefined {
  const all = layoutOf(project).balloons ?? {};
  return Object.keys(all).find((k) => all[k].some((b) => b.id === id));
}
