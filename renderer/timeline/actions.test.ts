import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, type ActionContext } from '../workspace/actions';
import { bindingFor, clashes, formatChord, parseChord, type KeyPress } from '../workspace/keyboard-map';
import { REVIEW_ACTIONS, type ReviewActionContext } from './actions';
import { neighbourKeyframe, reviewMark, withNeighbours } from './selection';
import { oneShotProject } from '../../test-support/project-fixture';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

/** The review action a key press means in the workspace's list, run against a context that records the handler. */
function handled(p: KeyPress, platform: 'mac' | 'other' = 'other'): string | undefined {
  const action = bindingFor(ACTIONS, p, platform);
  const review = REVIEW_ACTIONS.find((a) => a.id === action?.id);
  let ran: string | undefined;
  const context = new Proxy({} as ReviewActionContext, { get: (_t, name) => (...args: number[]) => (ran = `${String(name)}${args.length ? `(${args.join()})` : ''}`) });
  review?.run(context);
  return ran;
}

test('review keyboard map: ←/→, K, D, A, Shift+K, Shift+D, Space, frame steps, zoom; modifiers mean something else', () => {
  assert.equal(handled(press('ArrowLeft')), 'previous');
  assert.equal(handled(press('ArrowRight')), 'next');
  assert.equal(handled(press('k', { code: 'KeyK' })), 'keep');
  assert.equal(handled(press('d', { code: 'KeyD' })), 'drop');
  assert.equal(handled(press('a', { code: 'KeyA' })), 'add');
  assert.equal(handled(press('K', { code: 'KeyK', shiftKey: true })), 'keepShot');
  assert.equal(handled(press('D', { code: 'KeyD', shiftKey: true })), 'dropShot');
  assert.equal(handled(press(' ', { code: 'Space' })), 'togglePlay');
  assert.equal(handled(press(',', { code: 'Comma' })), 'stepFrames(-1)');
  assert.equal(handled(press('.', { code: 'Period' })), 'stepFrames(1)');
  assert.equal(handled(press('<', { code: 'Comma', shiftKey: true })), 'stepSeconds(-1)');
  assert.equal(handled(press('>', { code: 'Period', shiftKey: true })), 'stepSeconds(1)');
  assert.equal(handled(press('=', { code: 'Equal' })), 'zoomIn');
  assert.equal(handled(press('-', { code: 'Minus' })), 'zoomOut');
  assert.equal(handled(press('0', { code: 'Digit0' })), 'zoomFit');
  // A Korean input method's 'ㅏ' on the K key is still K; Ctrl+D (a bookmark), Cmd+K and Alt+K are not the review's.
  assert.equal(handled(press('ㅏ', { code: 'KeyK' })), 'keep');
  assert.equal(handled(press('d', { code: 'KeyD', ctrlKey: true })), undefined);
  assert.equal(handled(press('k', { code: 'KeyK', metaKey: true }), 'mac'), undefined);
  assert.equal(handled(press('k', { code: 'KeyK', altKey: true })), undefined);
  assert.equal(bindingFor(ACTIONS, press('z', { ctrlKey: true }), 'other')?.id, 'undo', 'Ctrl+Z stays undo');
  for (const platform of ['mac', 'other'] as const) assert.deepEqual(clashes(ACTIONS, platform), [], `no two actions share a key (${platform})`);
  assert.equal(formatChord(parseChord(REVIEW_ACTIONS.find((a) => a.id === 'review.dropShot')!.shortcut), 'mac'), '⇧D');
  assert.equal(formatChord(parseChord(REVIEW_ACTIONS.find((a) => a.id === 'review.dropShot')!.shortcut), 'other'), 'Shift+D');
});

test('review actions are the workspace’s: listed for the menu and the sheet, live only on the Key frames step with the review mounted', () => {
  const ctx = (step: ActionContext['step'], mounted: boolean): ActionContext => ({
    hasProject: true,
    step,
    goTo: () => undefined,
    openVideo: () => undefined,
    canUndo: false,
    canRedo: false,
    undo: () => undefined,
    redo: () => undefined,
    toggleShortcuts: () => undefined,
    registered: new Map(mounted ? REVIEW_ACTIONS.map((a) => [a.id, { run: () => undefined }] as const) : []),
  });
  for (const review of REVIEW_ACTIONS) {
    const action = ACTIONS.find((a) => a.id === review.id);
    assert.ok(action, `${review.id} is in the workspace's list`);
    assert.match(action.labelKey, /^action\.review\./);
    assert.ok(action.menu, `${review.id} has a menu`);
    assert.equal(action.enabled(ctx('keyframes', true)), true, review.id);
    assert.equal(action.enabled(ctx('pages', true)), false, `${review.id}: not on the Pages step`);
    assert.equal(action.enabled(ctx('keyframes', false)), false, `${review.id}: not without the review`);
  }
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
