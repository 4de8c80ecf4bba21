import type { Rect } from './page';

/**
 * Speech balloons and captions. A balloon belongs to a key frame's panel and is placed in fractions of that panel,
 * so it moves with the panel when the pages reflow or a template changes. Text is set in Helvetica Bold (Arial Bold on
 * screens has the same widths), wrapped here once so the canvas and the PDF break lines at the same words.
 */
export type BalloonKind = 'speech' | 'thought' | 'shout' | 'caption';
export const BALLOON_KINDS: BalloonKind[] = ['speech', 'thought', 'shout', 'caption'];

export interface Balloon {
  id: string;
  kind: BalloonKind;
  text: string;
  /** Centre of the balloon, 0..1 of the panel's width and height. */
  x: number;
  y: number;
  /** Width of the text block, 0..1 of the panel's width. */
  width: number;
  /** Where the tail points, 0..1 of the panel (ignored by captions). */
  tailX: number;
  tailY: number;
  /** Letter size in points. */
  fontSize: number;
}

/** What the canvas asks for: metric-compatible faces first. */
export const BALLOON_CSS_FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';
const LINE_HEIGHT = 1.2;
const PT_MM = 25.4 / 72;

/** Helvetica Bold advance widths (1/1000 em) of the printable ASCII characters 32..126 (from the font's AFM). */
// prettier-ignore
const WIDTHS = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];

/** Width of `text` in mm at `fontSize` points (characters outside ASCII count as an average letter). */
export function textWidthMm(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    units += c >= 32 && c <= 126 ? WIDTHS[c - 32] : 600;
  }
  return (units / 1000) * fontSize * PT_MM;
}

/** The balloon's text broken into lines no wider than `widthMm` (a word longer than that stands on its own line). */
export function wrapBalloonText(text: string, widthMm: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidthMm(candidate, fontSize) > widthMm) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export interface BalloonShape {
  /** The text block, in page mm: lines are centred in it, top to bottom. */
  text: Rect;
  lines: string[];
  lineHeightMm: number;
  fontSizeMm: number;
  /** The outline around the text: an ellipse (speech, thought, shout) or a box (caption), in page mm. */
  outline: { cx: number; cy: number; rx: number; ry: number };
  /** The tail's tip in page mm (none for captions). */
  tail?: { x: number; y: number };
}

/** Where a balloon is drawn on a page, inside the panel `panel` (page mm). */
export function balloonShape(b: Balloon, panel: Rect): BalloonShape {
  const fontSizeMm = b.fontSize * PT_MM;
  const lineHeightMm = fontSizeMm * LINE_HEIGHT;
  const width = Math.max(fontSizeMm * 3, b.width * panel.width);
  const lines = wrapBalloonText(b.text.toUpperCase(), width, b.fontSize);
  const textWidth = Math.min(width, Math.max(fontSizeMm, ...lines.map((l) => textWidthMm(l, b.fontSize))));
  const height = lines.length * lineHeightMm;
  const cx = panel.x + b.x * panel.width;
  const cy = panel.y + b.y * panel.height;
  // An ellipse through the text block's corners: a little wider than the words and taller in proportion
  // ((1/1.15)² + (1/2.03)² = 1), the flat oval lettering sits in, rather than the rounder one of least area.
  const oval = b.kind !== 'caption';
  const pad = fontSizeMm * 0.6;
  const outline = oval
    ? { cx, cy, rx: (textWidth / 2) * 1.15 + pad / 2, ry: (height / 2) * 2.03 + pad / 2 }
    : { cx, cy, rx: textWidth / 2 + pad, ry: height / 2 + pad * 0.7 };
  return {
    text: { x: cx - textWidth / 2, y: cy - height / 2, width: textWidth, height },
    lines,
    lineHeightMm,
    fontSizeMm,
    outline,
    ...(b.kind === 'caption' ? {} : { tail: { x: panel.x + b.tailX * panel.width, y: panel.y + b.tailY * panel.height } }),
  };
}

/** The tail as a triangle from two points on the ellipse (either side of its direction) to the tip. */
export function tailTriangle(s: BalloonShape): Array<{ x: number; y: number }> | undefined {
  if (!s.tail) return undefined;
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
  if (!s.tail) return [];
  const { cx, cy, rx, ry } = s.outline;
  const angle = Math.atan2((s.tail.y - cy) / ry, (s.tail.x - cx) / rx);
  const edge = { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  const r0 = Math.min(rx, ry) * 0.3;
  return [0.25, 0.6, 0.95].map((t, i) => [edge.x + (s.tail!.x - edge.x) * t, edge.y + (s.tail!.y - edge.y) * t, r0 * (1 - i * 0.3)]);
}

export function newBalloon(id: string, kind: BalloonKind): Balloon {
  const caption = kind === 'caption';
  return { id, kind, text: caption ? 'Meanwhile...' : 'Hello!', x: caption ? 0.3 : 0.5, y: caption ? 0.12 : 0.25, width: 0.4, tailX: 0.35, tailY: 0.65, fontSize: 9 };
}

/** Whether untrusted data (a file, a request) is a well-formed balloon. */
export function isBalloon(value: unknown): value is Balloon {
  const b = value as Record<string, unknown> | null;
  return (
    !!b && typeof b === 'object' && typeof b.id === 'string' && typeof b.text === 'string' && BALLOON_KINDS.includes(b.kind as BalloonKind) &&
    [b.x, b.y, b.width, b.tailX, b.tailY, b.fontSize].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (b.fontSize as number) > 0 && (b.fontSize as number) <= 72
  );
}
