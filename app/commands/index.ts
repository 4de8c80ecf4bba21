export type { EditCommand } from './command';
export { setKeyframeStatus } from './set-keyframe-status';
export { addKeyframe } from './add-keyframe';
export { setPageTemplate } from './set-page-template';
export { setPanelCrop } from './set-panel-crop';
export { setPageSetup } from './set-page-setup';
export { addBalloon, updateBalloon, removeBalloon } from './balloon-edits';
export { setPanelRect } from './set-panel-rect';
export { togglePageBreak, movePage } from './page-order';
