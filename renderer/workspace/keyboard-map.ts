/**
 * Shortcuts as data: "Mod+Shift+Z", "Alt+2", "?", "Shift+K", "ArrowLeft". Pure (no DOM), so the same strings drive
 * the keyboard, the tooltips, the shortcuts sheet and Electron's menu, with each platform's conventions: Mod is ⌘ on
 * macOS and Ctrl elsewhere.
 */
export type Platform = 'mac' | 'other';

export interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-case letter, digit, symbol ('?') or a KeyboardEvent.key name ('ArrowLeft', 'Escape', 'Enter', ' '). */
  key: string;
}

/** What a keydown says (a KeyboardEvent has all of these). */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const NAMED: Record<string, string> = {
  left: 'ArrowLeft', right: 'ArrowRight', up: 'ArrowUp', down: 'ArrowDown',
  arrowleft: 'ArrowLeft', arrowright: 'ArrowRight', arrowup: 'ArrowUp', arrowdown: 'ArrowDown',
  esc: 'Escape', escape: 'Escape', enter: 'Enter', space: ' ', delete: 'Delete', backspace: 'Backspace', tab: 'Tab',
  home: 'Home', end: 'End', pageup: 'PageUp', pagedown: 'PageDown',
};

export function parseChord(text: string): Chord {
  const parts = text.split('+');
  // "Mod++" would be Mod and "+": the last part is the key even when it is the separator itself.
  const keyPart = text.endsWith('++') ? '+' : parts.pop()!;
  const mods = new Set((text.endsWith('++') ? parts.slice(0, -2) : parts).map((p) => p.toLowerCase()));
  for (const m of mods) if (!['mod', 'shift', 'alt'].includes(m)) throw new Error(`shortcut "${text}": unknown modifier "${m}"`);
  if (!keyPart) throw new Error(`shortcut "${text}": no key`);
  const named = NAMED[keyPart.toLowerCase()];
  const key = named ?? (keyPart.length === 1 ? keyPart.toLowerCase() : keyPart);
  if (!named && keyPart.length !== 1 && !/^F\d{1,2}$/.test(keyPart)) throw new Error(`shortcut "${text}": unknown key "${keyPart}"`);
  return { mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt'), key };
}

const isLetter = (k: string) => /^[a-z]$/.test(k);
const isDigit = (k: string) => /^[0-9]$/.test(k);
/** A symbol typed with or without Shift depending on the keyboard ('?' is Shift+/ in the US, not in France). */
const isSymbol = (k: string) => k.length === 1 && !isLetter(k) && !isDigit(k) && k !== ' ';

/** Whether a key press is this chord on this platform. Modifiers must match exactly (Ctrl+Shift+Z is not Ctrl+Z). */
export function matchesChord(chord: Chord, press: KeyPress, platform: Platform): boolean {
  const mod = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const stray = platform === 'mac' ? press.ctrlKey : press.metaKey;
  if (mod !== chord.mod || stray || press.altKey !== chord.alt) return false;
  if (isSymbol(chord.key)) return press.key === chord.key;
  if (press.shiftKey !== chord.shift) return false;
  // Digits and letters by their physical key where Alt or Shift changes what they type (Alt+2 types ™ on a Mac).
  if (isDigit(chord.key)) return press.code === `Digit${chord.key}` || press.code === `Numpad${chord.key}` || press.key === chord.key;
  if (isLetter(chord.key)) return press.key.toLowerCase() === chord.key || press.code === `Key${chord.key.toUpperCase()}`;
  return press.key === chord.key;
}

const MAC_SYMBOLS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', Enter: '↩', ' ': 'Space', Delete: '⌦', Backspace: '⌫', Tab: '⇥' };
const OTHER_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', ' ': 'Space' };

/** How a chord is written on this platform: ⌘⇧Z on macOS, Ctrl+Shift+Z elsewhere. */
export function formatChord(chord: Chord, platform: Platform): string {
  const key = chord.key.length === 1 && chord.key !== ' ' ? chord.key.toUpperCase() : (platform === 'mac' ? MAC_SYMBOLS : OTHER_NAMES)[chord.key] ?? chord.key;
  if (platform === 'mac') return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The chord as an Electron menu accelerator ("CmdOrCtrl+Shift+Z"). */
export function toAccelerator(chord: Chord): string {
  const key = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down', ' ': 'Space', Escape: 'Esc' }[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return [chord.mod && 'CmdOrCtrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

export interface Binding {
  id: string;
  shortcuts: readonly string[];
}

/** The first binding one of whose shortcuts the key press is (undefined: none). */
export function bindingFor<B extends Binding>(bindings: readonly B[], press: KeyPress, platform: Platform): B | undefined {
  return bindings.find((b) => b.shortcuts.some((s) => matchesChord(parseChord(s), press, platform)));
}

/** Two bindings answering the same key press are a mistake in the action list; returns the clashes found. */
export function clashes(bindings: readonly Binding[], platform: Platform): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const b of bindings) {
    for (const s of b.shortcuts) {
      const written = formatChord(parseChord(s), platform);
      const other = seen.get(written);
      if (other && other !== b.id) out.push(`${written}: ${other} and ${b.id}`);
      seen.set(written, b.id);
    }
  }
  return out;
}

/** macOS from the browser's own report (navigator.userAgentData.platform, navigator.platform or the user agent). */
export function platformOf(report: string): Platform {
  return /mac|iphone|ipad/i.test(report) ? 'mac' : 'other';
}
