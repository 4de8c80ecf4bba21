import { withKeyframes, type Project, type ProjectKeyFrame } from '../project';
import type { EditCommand } from './command';

/** Adds a key frame the user picked by hand (its picture already grabbed); undo takes it out again. */
export function addKeyframe(project: Project, keyframe: ProjectKeyFrame): EditCommand {
  if (project.keyframes.some((k) => k.id === keyframe.id)) throw new RangeError(`frame ${keyframe.frame} is a key frame already`);
  return {
    label: { key: 'command.addFrame', values: { frame: keyframe.frame } },
    apply: (p) => withKeyframes(p, [...p.keyframes, keyframe]),
    revert: (p) => withKeyframes(p, p.keyframes.filter((k) => k.id !== keyframe.id)),
  };
}
