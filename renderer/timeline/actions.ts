/**
 * The review's actions, each defined once (id, label key, default shortcut, handler). The workspace's action list
 * (renderer/workspace/actions.ts) takes them in, so the keyboard, the shortcuts sheet (?), tooltips and Electron's
 * menu show and run them; ReviewView registers the handlers while it is on screen. Shortcuts are in the keyboard
 * map's notation: letters match their physical key too (K is K under a Korean or Japanese input method).
 */
import type { MenuName } from '../workspace/actions';

/** What the actions act on: the review as the timeline holds it. */
export interface ReviewActionContext {
  previous(): void;
  next(): void;
  keep(): void;
  drop(): void;
  add(): void;
  keepShot(): void;
  dropShot(): void;
  togglePlay(): void;
  /** Moves the playhead by whole frames (negative: back). */
  stepFrames(frames: number): void;
  /** Moves the playhead by seconds. */
  stepSeconds(seconds: number): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomFit(): void;
}

export interface ReviewAction {
  id: string;
  /** Key in renderer/i18n/*.json. */
  labelKey: string;
  shortcut: string;
  menu: MenuName;
  run(context: ReviewActionContext): void;
}

export const REVIEW_ACTIONS: readonly ReviewAction[] = [
  { id: 'review.previous', labelKey: 'action.review.previous', shortcut: 'ArrowLeft', menu: 'view', run: (c) => c.previous() },
  { id: 'review.next', labelKey: 'action.review.next', shortcut: 'ArrowRight', menu: 'view', run: (c) => c.next() },
  { id: 'review.keep', labelKey: 'action.review.keep', shortcut: 'K', menu: 'edit', run: (c) => c.keep() },
  { id: 'review.drop', labelKey: 'action.review.drop', shortcut: 'D', menu: 'edit', run: (c) => c.drop() },
  { id: 'review.add', labelKey: 'action.review.add', shortcut: 'A', menu: 'edit', run: (c) => c.add() },
  { id: 'review.keepShot', labelKey: 'action.review.keepShot', shortcut: 'Shift+K', menu: 'edit', run: (c) => c.keepShot() },
  { id: 'review.dropShot', labelKey: 'action.review.dropShot', shortcut: 'Shift+D', menu: 'edit', run: (c) => c.dropShot() },
  { id: 'review.play', labelKey: 'action.review.play', shortcut: 'Space', menu: 'view', run: (c) => c.togglePlay() },
  { id: 'playhead.previousFrame', labelKey: 'action.review.previousFrame', shortcut: ',', menu: 'view', run: (c) => c.stepFrames(-1) },
  { id: 'playhead.nextFrame', labelKey: 'action.review.nextFrame', shortcut: '.', menu: 'view', run: (c) => c.stepFrames(1) },
  { id: 'playhead.back', labelKey: 'action.review.secondBack', shortcut: '<', menu: 'view', run: (c) => c.stepSeconds(-1) },
  { id: 'playhead.forward', labelKey: 'action.review.secondForward', shortcut: '>', menu: 'view', run: (c) => c.stepSeconds(1) },
  { id: 'timeline.zoomIn', labelKey: 'action.review.zoomIn', shortcut: '=', menu: 'view', run: (c) => c.zoomIn() },
  { id: 'timeline.zoomOut', labelKey: 'action.review.zoomOut', shortcut: '-', menu: 'view', run: (c) => c.zoomOut() },
  { id: 'timeline.zoomFit', labelKey: 'action.review.zoomFit', shortcut: '0', menu: 'view', run: (c) => c.zoomFit() },
];
