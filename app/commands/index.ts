export type { EditCommand } from './command';
export { setKeyframeStatus } from './set-keyframe-status';
export { addKeyframe } from './add-keyframe';
