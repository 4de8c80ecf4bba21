import { fontFor, isLetteringFontId, type LetteringFontId } from './lettering/fonts';
import { fitHeight, layoutShrinkToFit, layoutText, type TextLayout, type TextShape } from './lettering/layout';
import type { LetteringFace } from './lettering/metrics';
import type { Rect } from './page';

/**
 * Speech balloons, captions and sound effects. A balloon belongs to a panel and is placed in fractions of it, so it
 * moves with the panel when the pages reflow or a template changes. Its words are laid out by app/lettering from
 * the real metrics of the font it is set in; the canvas, the PDF and the PNG pages draw that one layout.
 */
export type BalloonKind = 'speech' | 'thought' | 'shout' | 'caption' | 'narration' | 'sfx';
export const BALLOON_KINDS: BalloonKind[] = ['speech', 'thought', 'shout', 'caption', 'narration', 'sfx'];

/** Shrink: the letters get smaller until the words fit the outline. Grow: the outline grows to hold the words. */
export type BalloonFit = 'shrink' | 'grow';

export interface Balloon {
  id: string;
  kind: BalloonKind;
  /** The words; '\n' starts a new line. */
  text: string;
  /** Centre of the balloon, 0..1 of the panel's width and height. */
  x: number;
  y: number;
  /** The outline's width, 0..1 of the panel's width. */
  width: number;
  /** The outline's height, 0..1 of the panel's height (absent in older files: as tall as the words need). */
  height?: number;
  /** Where the tail points, 0..1 of the panel (balloons with a tail only). */
  tailX: number;
  tailY: number;
  /** Letter size in points (the largest, when the letters shrink to fit). */
  fontSize: number;
  /** The font (absent: the default of the words' script). */
  font?: LetteringFontId;
  /** Top-to-bottom columns, right to left (Japanese, Korean or Chinese vertical writing). */
  vertical?: boolean;
  /** Absent: grow. */
  fit?: BalloonFit;
  /** Colour of the letters (CSS hex; absent: ink, or red for a sound effect). */
  color?: string;
  /** Outline around each letter, for sound effects: its colour and width in points (0 or absent: none). */
  stroke?: string;
  strokeWidth?: number;
}

export const PT_MM = 25.4 / 72;
export const MIN_FONT_PT = 4;
export const INK = '#121214';
const CAPTION_FILL = '#fff8c4';
const TAILED: ReadonlySet<BalloonKind> = new Set(['speech', 'thought', 'shout']);

export type FaceLookup = (id: LetteringFontId) => LetteringFace | undefined;

export interface BalloonShape {
  kind: BalloonKind;
  /** The outline's centre and half sizes, in page mm (an ellipse, or a box for captions and narration). */
  outline: { cx: number; cy: number; rx: number; ry: number };
  /** The words laid out, glyph positions relative to the outline's centre (add cx, cy). */
  text: TextLayout;
  /** The tail's tip in page mm (speech, thought and shout). */
  tail?: { x: number; y: number };
  /** Outline fill ('' for none: a sound effect), letter colour, letter outline. */
  fill: string;
  ink: string;
  stroke?: { color: string; widthMm: number };
}

export function balloonFont(b: Balloon): LetteringFontId {
  return fontFor(b.text, b.font);
}

const boxed = (kind: BalloonKind) => kind === 'caption' || kind === 'narration' || kind === 'sfx';

/** Where a balloon is drawn on a page, inside the panel `panel` (page mm), its words laid out in its font. */
export function balloonShape(b: Balloon, panel: Rect, faces: FaceLookup): BalloonShape {
  const fontId = balloonFont(b);
  const face = faces(fontId);
  if (!face) throw new Error(`the font ${fontId} is not loaded`);
  const sizeMm = b.fontSize * PT_MM;
  const kind: TextShape['kind'] = boxed(b.kind) ? 'rect' : 'ellipse';
  const padding = b.kind === 'sfx' ? sizeMm * 0.1 : kind === 'rect' ? sizeMm * 0.5 : sizeMm * 0.45;
  let width = Math.max(sizeMm * 2, b.width * panel.width);
  let height = Math.max(sizeMm * 1.6, (b.height ?? 0) * panel.height);
  const req = { text: b.text, face, sizeMm, vertical: !!b.vertical, shape: { kind, width, height, padding } };
  let text: TextLayout;
  if ((b.fit ?? 'grow') === 'shrink' && b.height !== undefined) {
    text = layoutShrinkToFit(req, MIN_FONT_PT * PT_MM);
  } else {
    const need = fitHeight(req, Math.max(panel.width, panel.height) * 3);
    if (b.vertical) width = Math.max(width, need.width);
    else {
      width = Math.max(width, need.width);
      height = Math.max(height, need.height);
    }
    text = layoutText({ ...req, shape: { kind, width, height, padding } });
  }
  const cx = panel.x + b.x * panel.width;
  const cy = panel.y + b.y * panel.height;
  const sfx = b.kind === 'sfx';
  const strokePt = b.strokeWidth ?? (sfx ? 1.6 : 0);
  const strokeColor = b.stroke ?? (sfx ? '#ffffff' : '');
  return {
    kind: b.kind,
    outline: { cx, cy, rx: width / 2, ry: height / 2 },
    text,
    ...(TAILED.has(b.kind) ? { tail: { x: panel.x + b.tailX * panel.width, y: panel.y + b.tailY * panel.height } } : {}),
    fill: sfx ? '' : b.kind === 'caption' ? CAPTION_FILL : '#ffffff',
    ink: b.color ?? (sfx ? '#e8262a' : INK),
    ...(strokePt > 0 && strokeColor ? { stroke: { color: strokeColor, widthMm: strokePt * PT_MM } } : {}),
  };
}

/** The tail as a triangle from two points on the ellipse (either side of its direction) to the tip. */
export function tailTriangle(s: BalloonShape): Array<{ x: number; y: number }> | undefined {
  if (!s.tail || s.kind === 'thought') return undefined;
  const { cx, cy, rx, ry } = s.outline;
  const angle = Math.atan2((s.tail.y - cy) / ry, (s.tail.x - cx) / rx);
  const spread = 0.22;
  const at = (a: number) => ({ x: cx + rx * Math.cos(a) * 0.92, y: cy + ry * Math.sin(a) * 0.92 });
  return [at(angle - spread), s.tail, at(angle + spread)];
}

/** A shout's spiky outline: points alternating between the ellipse and a little beyond it. */
export function shoutOutline(s: BalloonShape, spikes = 14): Array<{ x: number; y: number }> {
  const { cx, cy, rx, ry } = s.outline;
  return Array.from({ length: spikes * 2 }, (_, i) => {
    const a = (i / (spikes * 2)) * Math.PI * 2;
    const r = i % 2 ? 1 : 1.22;
    return { x: cx + rx * r * Math.cos(a), y: cy + ry * r * Math.sin(a) };
  });
}

/** The bubbles of a thought balloon's tail: three circles shrinking towards the tip, as [cx, cy, r]. */
export function thoughtBubbles(s: BalloonShape): Array<[number, number, number]> {
  if (!s.tail || s.kind !== 'thought') return [];
  const { cx, cy, rx, ry } = s.outline;
  const angle = Math.atan2((s.tail.y - cy) / ry, (s.tail.x - cx) / rx);
  const edge = { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  const r0 = Math.min(rx, ry) * 0.3;
  return [0.25, 0.6, 0.95].map((t, i) => [edge.x + (s.tail!.x - edge.x) * t, edge.y + (s.tail!.y - edge.y) * t, r0 * (1 - i * 0.3)]);
}

/** The scallops of a thought balloon's cloud: circles around the ellipse, as [cx, cy, r]. */
export function thoughtCloud(s: BalloonShape, puffs = 12): Array<[number, number, number]> {
  const { cx, cy, rx, ry } = s.outline;
  const r = Math.min(rx, ry) * 0.32;
  return Array.from({ length: puffs }, (_, i) => {
    const a = (i / puffs) * Math.PI * 2;
    return [cx + (rx - r * 0.55) * Math.cos(a), cy + (ry - r * 0.55) * Math.sin(a), r];
  });
}

const NEW_TEXT: Record<BalloonKind, string> = {
  speech: 'Hello!',
  thought: 'Hmm...',
  shout: 'HEY!',
  caption: 'Meanwhile...',
  narration: 'Later that day.',
  sfx: 'BOOM!',
};

export function newBalloon(id: string, kind: BalloonKind, text = NEW_TEXT[kind]): Balloon {
  const top = kind === 'caption' || kind === 'narration';
  return {
    id,
    kind,
    text,
    x: top ? 0.3 : 0.5,
    y: top ? 0.12 : 0.25,
    width: top ? 0.45 : 0.4,
    height: 0.2,
    tailX: 0.35,
    tailY: 0.65,
    fontSize: kind === 'sfx' ? 20 : 9,
    fit: 'grow',
  };
}

const HEX = /^#[0-9a-f]{6}$/i;
const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
const fraction = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 4;

/** Whether untrusted data (a file, a request) is a well-formed balloon. */
export function isBalloon(value: unknown): value is Balloon {
  const b = value as Record<string, unknown> | null;
  return (
    !!b && typeof b === 'object' && typeof b.id === 'string' && typeof b.text === 'string' && b.text.length <= 5000 &&
    BALLOON_KINDS.includes(b.kind as BalloonKind) &&
    [b.x, b.y, b.width, b.tailX, b.tailY, b.fontSize].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (b.fontSize as number) > 0 && (b.fontSize as number) <= 200 &&
    optional(b.height, fraction) && optional(b.font, isLetteringFontId) && optional(b.vertical, (v) => typeof v === 'boolean') &&
    optional(b.fit, (v) => v === 'shrink' || v === 'grow') &&
    optional(b.color, (v) => typeof v === 'string' && HEX.test(v)) && optional(b.stroke, (v) => typeof v === 'string' && HEX.test(v)) &&
    optional(b.strokeWidth, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 20)
  );
}
