import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionForKey, isTypingTarget, REVIEW_ACTIONS, shortcutLabel, type KeyPress, type ReviewActionContext } from './actions';
import { neighbourKeyframe, reviewMark, withNeighbours } from './selection';
import { oneShotProject } from '../../test-support/project-fixture';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

/** Runs the action a key press means against a context that records which handler ran. */
function handled(p: KeyPress, mac = false): string | undefined {
  let ran: string | undefined;
  const context = new Proxy({} as ReviewActionContext, { get: (_t, name) => (...args: unknown[]) => (ran = args.length ? `${String(name)}` : String(name)) });
  actionForKey(REVIEW_ACTIONS, p, mac)?.run(context);
  return ran;
}

test('review keyboard map: ←/→, K, D, A, Shift+K, Shift+D, Space, zoom keys; modifiers and other keys mean nothing', () => {
  assert.equal(handled(press('ArrowLeft')), 'previous');
  assert.equal(handled(press('ArrowRight')), 'next');
  assert.equal(handled(press('KeyK')), 'keep');
  assert.equal(handled(press('KeyD')), 'drop');
  assert.equal(handled(press('KeyA')), 'add');
  assert.equal(handled(press('KeyK', { shiftKey: true })), 'keepShot');
  assert.equal(handled(press('KeyD', { shiftKey: true })), 'dropShot');
  assert.equal(handled(press('Space')), 'togglePlay');
  assert.equal(handled(press('Equal')), 'zoomIn');
  assert.equal(handled(press('Minus')), 'zoomOut');
  assert.equal(handled(press('Digit0')), 'zoomFit');
  assert.equal(handled(press('Comma')), 'stepFrames');
  assert.equal(handled(press('Period', { shiftKey: true })), 'stepSeconds');
  // Ctrl+D (a browser bookmark), Cmd+K, Alt+K are not the review's.
  assert.equal(handled(press('KeyD', { ctrlKey: true })), undefined);
  assert.equal(handled(press('KeyK', { metaKey: true }), true), undefined);
  assert.equal(handled(press('KeyK', { altKey: true })), undefined);
  assert.equal(handled(press('KeyZ')), undefined);
  // Physical keys: a Korean IME's 'ㅏ' on the K key is still K.
  assert.equal(handled({ ...press('KeyK'), key: 'ㅏ' }), 'keep');
  const ids = REVIEW_ACTIONS.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const keys = REVIEW_ACTIONS.map((a) => shortcutLabel(a.shortcut));
  assert.equal(new Set(keys).size, keys.length, 'no two actions share a shortcut');
  for (const a of REVIEW_ACTIONS) assert.ok(a.label.length > 3, `${a.id} has a label`);
});

test('shortcut labels follow the platform', () => {
  const dropShot = REVIEW_ACTIONS.find((a) => a.id === 'review.dropShot')!.shortcut;
  assert.equal(shortcutLabel(dropShot), 'Shift+D');
  assert.equal(shortcutLabel(dropShot, true), '⇧D');
  assert.equal(shortcutLabel({ code: 'KeyZ', mod: true }), 'Ctrl+Z');
  assert.equal(shortcutLabel({ code: 'KeyZ', mod: true, shift: true }, true), '⌘⇧Z');
  assert.equal(shortcutLabel({ code: 'ArrowLeft' }), '←');
});

test('keys typed into a text field stay the field’s; a slider or a button lets them through', () => {
  assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'text' }), true);
  assert.equal(isTypingTarget({ tagName: 'TEXTAREA' }), true);
  assert.equal(isTypingTarget({ tagName: 'DIV', isContentEditable: true }), true);
  assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'range' }), false);
  assert.equal(isTypingTarget({ tagName: 'BUTTON' }), false);
  assert.equal(isTypingTarget(null), false);
});

test('← and → walk the key frames in time order; with none selected they start from the playhead', () => {
  const { keyframes } = oneShotProject([0, 100, 200, 300]);
  const ids = (k?: { id: string }) => k?.id;
  assert.equal(ids(neighbourKeyframe(keyframes, 'd-100', 0, 1)), 'd-200');
  assert.equal(ids(neighbourKeyframe(keyframes, 'd-100', 0, -1)), 'd-0');
  assert.equal(ids(neighbourKeyframe(keyframes, 'd-300', 0, 1)), 'd-300', 'stays on the last');
  assert.equal(ids(neighbourKeyframe(keyframes, 'd-0', 0, -1)), 'd-0', 'stays on the first');
  assert.equal(ids(neighbourKeyframe(keyframes, undefined, 5, 1)), 'd-200', 'first at or after the playhead (5 s = frame 125)');
  assert.equal(ids(neighbourKeyframe(keyframes, undefined, 5, -1)), 'd-100');
  assert.equal(ids(neighbourKeyframe(keyframes, undefined, 4, 1)), 'd-100', 'on a key frame’s moment: that one');
  assert.equal(ids(neighbourKeyframe(keyframes, undefined, 99, 1)), 'd-300');
  assert.equal(neighbourKeyframe([], undefined, 0, 1), undefined);
  const around = withNeighbours(keyframes, 'd-100', 2);
  assert.deepEqual([around.before.map(ids), ids(around.current), around.after.map(ids)], [['d-0'], 'd-100', ['d-200', 'd-300']]);
  assert.equal(withNeighbours(keyframes, 'gone').current, undefined);
  assert.deepEqual(['proposed', 'accepted', 'rejected'].map((status) => reviewMark({ status } as never)), ['kept', 'kept', 'dropped']);
});
