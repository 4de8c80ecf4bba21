import type { Balloon } from '../balloons';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

type BalloonList = Balloon[] | undefined;

/** Replaces one panel's balloons; the command's undo puts back the list it had. */
function setBalloons(project: Project, keyframe: string, label: string, change: (list: Balloon[]) => Balloon[]): EditCommand {
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
  return setBalloons(project, keyframe, `Add a ${balloon.kind === 'caption' ? 'caption' : `${balloon.kind} balloon`}`, (list) => [...list, balloon]);
}

/** Text, position, tail, size or kind of one balloon (a drag or a text edit is one command). */
export function updateBalloon(project: Project, keyframe: string, id: string, changes: Partial<Omit<Balloon, 'id'>>): EditCommand {
  if (!layoutOf(project).balloons?.[keyframe]?.some((b) => b.id === id)) throw new RangeError(`no balloon ${id} on that panel`);
  const label =
    changes.text !== undefined ? 'Edit a balloon’s text'
    : changes.kind !== undefined ? 'Change a balloon’s kind'
    : changes.fontSize !== undefined ? 'Resize a balloon’s letters'
    : changes.tailX !== undefined ? 'Move a balloon’s tail'
    : changes.vertical !== undefined ? 'Change a balloon’s writing direction'
    : changes.width !== undefined || changes.height !== undefined ? 'Resize a balloon'
    : changes.font !== undefined || 'font' in changes ? 'Change a balloon’s font'
    : changes.fit !== undefined ? 'Change how a balloon fits its words'
    : changes.color !== undefined || changes.stroke !== undefined || changes.strokeWidth !== undefined ? 'Change a balloon’s colours'
    : 'Move a balloon';
  return setBalloons(project, keyframe, label, (list) => list.map((b) => (b.id === id ? withoutUndefined({ ...b, ...changes }) : b)));
}

export function removeBalloon(project: Project, keyframe: string, id: string): EditCommand {
  return setBalloons(project, keyframe, 'Delete a balloon', (list) => list.filter((b) => b.id !== id));
}

/** The key frame whose panel holds the balloon `id` (balloon ids are unique in a project), if any. */
export function balloonOwner(project: Project, id: string): string | undefined {
  const all = layoutOf(project).balloons ?? {};
  return Object.keys(all).find((k) => all[k].some((b) => b.id === id));
}
