import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindingFor, clashes, formatChord, matchesChord, parseChord, platformOf, toAccelerator, type KeyPress } from './keyboard-map';
import { ACTIONS as ACTION_DEFS } from './actions';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

test('keyboard map: shortcuts parse, print and match with each platform’s conventions', () => {
  const redo = parseChord('Mod+Shift+Z');
  assert.deepEqual(redo, { mod: true, shift: true, alt: false, key: 'z' });
  assert.equal(formatChord(redo, 'mac'), '⇧⌘Z');
  assert.equal(formatChord(redo, 'other'), 'Ctrl+Shift+Z');
  assert.equal(toAccelerator(redo), 'CmdOrCtrl+Shift+Z');
  // Cmd on macOS, Ctrl elsewhere, and never the other one.
  assert.ok(matchesChord(redo, press('Z', { metaKey: true, shiftKey: true }), 'mac'));
  assert.ok(!matchesChord(redo, press('Z', { ctrlKey: true, shiftKey: true }), 'mac'));
  assert.ok(matchesChord(redo, press('Z', { ctrlKey: true, shiftKey: true }), 'other'));
  assert.ok(!matchesChord(redo, press('z', { ctrlKey: true }), 'other'), 'Shift is part of it');
  const undo = parseChord('Mod+Z');
  assert.ok(!matchesChord(undo, press('Z', { ctrlKey: true, shiftKey: true }), 'other'), 'Ctrl+Shift+Z is not Ctrl+Z');
  assert.ok(!matchesChord(undo, press('z', { ctrlKey: true, altKey: true }), 'other'));
  assert.ok(!matchesChord(undo, press('z'), 'other'), 'a bare Z is a key frame decision, not undo');
  // A letter by its physical key too (a Korean or Japanese input method reports another character).
  assert.ok(matchesChord(parseChord('K'), press('ㅏ', { code: 'KeyK' }), 'other'));
  assert.ok(matchesChord(parseChord('Shift+K'), press('K', { code: 'KeyK', shiftKey: true }), 'other'));
  assert.ok(!matchesChord(parseChord('K'), press('K', { code: 'KeyK', shiftKey: true }), 'other'));
  // Alt+digit by its key code: on a Mac Option+2 types ™.
  const step2 = parseChord('Alt+2');
  assert.ok(matchesChord(step2, press('™', { code: 'Digit2', altKey: true }), 'mac'));
  assert.equal(formatChord(step2, 'mac'), '⌥2');
  assert.equal(formatChord(step2, 'other'), 'Alt+2');
  // '?' is whatever the keyboard needs to type it (Shift+/ in the US).
  assert.ok(matchesChord(parseChord('?'), press('?', { shiftKey: true, code: 'Slash' }), 'other'));
  assert.ok(!matchesChord(parseChord('?'), press('/', { code: 'Slash' }), 'other'));
  const left = parseChord('Left');
  assert.equal(left.key, 'ArrowLeft');
  assert.ok(matchesChord(left, press('ArrowLeft'), 'mac'));
  assert.equal(formatChord(left, 'other'), '←');
  assert.equal(toAccelerator(left), 'Left');
  assert.equal(formatChord(parseChord('Escape'), 'mac'), 'Esc');
  assert.throws(() => parseChord('Hyper+K'), /unknown modifier "hyper"/);
  assert.throws(() => parseChord('Mod+Banana'), /unknown key "Banana"/);
  assert.equal(platformOf('MacIntel'), 'mac');
  assert.equal(platformOf('Linux x86_64'), 'other');
  assert.equal(platformOf('Win32'), 'other');
});

test('keyboard map: the workspace’s actions find their key presses and no two share one', () => {
  for (const platform of ['mac', 'other'] as const) assert.deepEqual(clashes(ACTION_DEFS, platform), [], platform);
  const mod = (key: string, extra: Partial<KeyPress> = {}) => press(key, { metaKey: true, ...extra });
  assert.equal(bindingFor(ACTION_DEFS, mod('o'), 'mac')?.id, 'open-video');
  assert.equal(bindingFor(ACTION_DEFS, mod('z'), 'mac')?.id, 'undo');
  assert.equal(bindingFor(ACTION_DEFS, mod('z', { shiftKey: true }), 'mac')?.id, 'redo');
  assert.equal(bindingFor(ACTION_DEFS, press('y', { ctrlKey: true }), 'other')?.id, 'redo');
  assert.equal(bindingFor(ACTION_DEFS, press('3', { code: 'Digit3', altKey: true }), 'other')?.id, 'step-style');
  assert.equal(bindingFor(ACTION_DEFS, press('?', { shiftKey: true }), 'other')?.id, 'shortcuts');
  assert.equal(bindingFor(ACTION_DEFS, press('x'), 'other'), undefined);
  for (const a of ACTION_DEFS) assert.match(a.labelKey, /^action\./, `${a.id}: its label is a translation key`);
});

test('Undo and Redo in the menu and the tooltip say what they would undo, once there is something', () => {
  const ctx = (what?: string) => ({ undoWhat: what, redoWhat: what }) as Parameters<NonNullable<(typeof ACTION_DEFS)[number]['describe']>>[0];
  const undo = ACTION_DEFS.find((a) => a.id === 'undo')!;
  const redo = ACTION_DEFS.find((a) => a.id === 'redo')!;
  assert.deepEqual(undo.describe?.(ctx('129번 프레임 빼기')), { key: 'toolbar.undoWhat', values: { what: '129번 프레임 빼기' } });
  assert.deepEqual(redo.describe?.(ctx('Reject frame 129')), { key: 'toolbar.redoWhat', values: { what: 'Reject frame 129' } });
  assert.equal(undo.describe?.(ctx()), undefined, 'nothing to undo: the plain label');
});
