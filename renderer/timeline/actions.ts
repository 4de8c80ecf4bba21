import { TIMELINE_TEXT as T } from './text';

/**
 * The review's actions, each defined once (id, label, default shortcut, handler), for the timeline's keys and for
 * whoever lists them (a shortcuts sheet, a menu, tooltips). Shortcuts name physical keys (KeyboardEvent.code), so K
 * is K whatever the keyboard layout or input method (a Korean IME gives 'ㅏ' as the key).
 */
export interface Shortcut {
  /** KeyboardEvent.code: 'KeyK', 'ArrowLeft', 'Space', 'Equal', ... */
  code: string;
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
}

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

export interface ActionDefinition<C = ReviewActionContext> {
  id: string;
  label: string;
  shortcut: Shortcut;
  run(context: C): void;
}

export const REVIEW_ACTIONS: ReadonlyArray<ActionDefinition> = [
  { id: 'review.previous', label: T.previous, shortcut: { code: 'ArrowLeft' }, run: (c) => c.previous() },
  { id: 'review.next', label: T.next, shortcut: { code: 'ArrowRight' }, run: (c) => c.next() },
  { id: 'review.keep', label: T.keepLong, shortcut: { code: 'KeyK' }, run: (c) => c.keep() },
  { id: 'review.drop', label: T.dropLong, shortcut: { code: 'KeyD' }, run: (c) => c.drop() },
  { id: 'review.add', label: T.add, shortcut: { code: 'KeyA' }, run: (c) => c.add() },
  { id: 'review.keepShot', label: T.keepShot, shortcut: { code: 'KeyK', shift: true }, run: (c) => c.keepShot() },
  { id: 'review.dropShot', label: T.dropShot, shortcut: { code: 'KeyD', shift: true }, run: (c) => c.dropShot() },
  { id: 'review.play', label: T.play, shortcut: { code: 'Space' }, run: (c) => c.togglePlay() },
  { id: 'playhead.previousFrame', label: T.previousFrame, shortcut: { code: 'Comma' }, run: (c) => c.stepFrames(-1) },
  { id: 'playhead.nextFrame', label: T.nextFrame, shortcut: { code: 'Period' }, run: (c) => c.stepFrames(1) },
  { id: 'playhead.back', label: T.secondBack, shortcut: { code: 'Comma', shift: true }, run: (c) => c.stepSeconds(-1) },
  { id: 'playhead.forward', label: T.secondForward, shortcut: { code: 'Period', shift: true }, run: (c) => c.stepSeconds(1) },
  { id: 'timeline.zoomIn', label: T.zoomIn, shortcut: { code: 'Equal' }, run: (c) => c.zoomIn() },
  { id: 'timeline.zoomOut', label: T.zoomOut, shortcut: { code: 'Minus' }, run: (c) => c.zoomOut() },
  { id: 'timeline.zoomFit', label: T.zoomFit, shortcut: { code: 'Digit0' }, run: (c) => c.zoomFit() },
];

export interface KeyPress {
  code: string;
  key?: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(press: KeyPress, s: Shortcut, mac = false): boolean {
  const mod = mac ? press.metaKey : press.ctrlKey;
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  return press.code === s.code && press.shiftKey === !!s.shift && mod === !!s.mod && !otherMod && !press.altKey;
}

/** The action a key press means, if any. */
export function actionForKey<C>(actions: ReadonlyArray<ActionDefinition<C>>, press: KeyPress, mac = false): ActionDefinition<C> | undefined {
  return actions.find((a) => matchesShortcut(press, a.shortcut, mac));
}

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Space: 'Space',
  Equal: '+',
  Minus: '−',
  Comma: ',',
  Period: '.',
};

/** How a shortcut is written for the platform: "Shift+K" / "Ctrl+Z"; on macOS "⇧K" / "⌘Z". */
export function shortcutLabel(s: Shortcut, mac = false): string {
  const key = KEY_NAMES[s.code] ?? s.code.replace(/^Key|^Digit/, '');
  if (mac) return `${s.mod ? '⌘' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Keys typed into a field are the field's, not the review's. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button'].includes((target.type ?? '').toLowerCase());
}
