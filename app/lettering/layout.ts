import { splitUnit, textUnits, type TextUnit } from './breaks';
import type { FontMetrics, GlyphOutlines, ShapedGlyph } from './metrics';
import { verticalOrientation } from './orientation';

/**
 * The one text layout: a balloon's words, a font's real metrics and the balloon's inner shape in, lines (or
 * columns) and glyph positions out. Pure: the canvas, the PDF and the PNG pages all draw its result, so they agree.
 * Lengths are mm, relative to the centre of the shape, y down.
 */
export interface TextShape {
  kind: 'ellipse' | 'rect';
  /** The outline's width and height (mm). */
  width: number;
  height: number;
  /** Room kept between the outline and the letters (mm). */
  padding: number;
}

export interface LayoutRequest {
  text: string;
  /** The font; with its glyph boxes, the vertical comma and full stop are placed by their ink. */
  face: FontMetrics & Partial<GlyphOutlines>;
  /** Letter size (mm: the em). */
  sizeMm: number;
  vertical?: boolean;
  shape: TextShape;
  /** Distance between lines (or columns) in ems (default 1.2). */
  lineHeight?: number;
}

export interface PlacedGlyph {
  id: number;
  /** The glyph's origin (on its baseline), mm from the shape's centre, y down. */
  x: number;
  y: number;
  /** Turned 90° clockwise about its origin (vertical writing's sideways characters). */
  rotate: 0 | 90;
  /** The characters it stands for. */
  text: string;
}

export interface LaidLine {
  /** The line's characters (for text extraction). */
  text: string;
  glyphs: PlacedGlyph[];
  /** The line's extent: width along it and one em across it, mm from the centre. */
  box: { x: number; y: number; width: number; height: number };
}

export interface TextLayout {
  fontId: string;
  sizeMm: number;
  vertical: boolean;
  lines: LaidLine[];
  /** Whether every line fits inside the shape. */
  fits: boolean;
}

export const DEFAULT_LINE_HEIGHT = 1.2;

type Item = TextUnit | { newline: true };
const isNewline = (u: Item): u is { newline: true } => 'newline' in u;

function itemsOf(text: string): Item[] {
  const items: Item[] = [];
  text.replace(/\r\n?/g, '\n').split('\n').forEach((p, i) => {
    if (i) items.push({ newline: true });
    items.push(...textUnits(p));
  });
  return items;
}

/** Lengths along a line, in mm, of a unit of text in a face: horizontal advances, or vertical cells. */
function measurer(face: FontMetrics, sizeMm: number, vertical: boolean) {
  const k = sizeMm / face.unitsPerEm;
  const cache = new Map<string, number>();
  return (text: string): number => {
    let v = cache.get(text);
    if (v === undefined) {
      v = vertical ? verticalAdvances(face.shape(text), k, sizeMm).reduce((a, b) => a + b, 0) : face.shape(text).reduce((a, g) => a + g.advance, 0) * k;
      cache.set(text, v);
    }
    return v;
  };
}

/** Each glyph's advance down a column (mm): an em for upright characters, its own width for sideways ones. */
function verticalAdvances(glyphs: ShapedGlyph[], k: number, em: number): number[] {
  let last: ReturnType<typeof verticalOrientation> = 'upright';
  return glyphs.map((g) => {
    const o = g.text ? verticalOrientation([...g.text][0]) : last;
    last = o;
    return o === 'rotate' ? g.advance * k : g.text ? em : 0;
  });
}

/**
 * Fills lines of the given capacities (mm) with the items, greedily; null when they do not all fit. A unit longer
 * than any line is cut between its characters only when `split` allows (else the text does not fit).
 */
function fill(items: Item[], capacities: (line: number) => number, lines: number, measure: (t: string) => number, split: boolean): string[] | null {
  const out: string[] = [];
  let line = '';
  let pendingSpace = '';
  const queue = [...items];
  while (queue.length) {
    const item = queue.shift()!;
    if (isNewline(item)) {
      out.push(line);
      line = '';
      pendingSpace = '';
      if (out.length >= lines) return null;
      continue;
    }
    if (item.space) {
      if (line) pendingSpace = item.text;
      continue;
    }
    const cap = capacities(out.length);
    const candidate = line + pendingSpace + item.text;
    const w = line ? measure(candidate) : measure(item.text);
    if (w <= cap + 1e-6) {
      line = line ? candidate : item.text;
      pendingSpace = '';
      continue;
    }
    if (line) {
      out.push(line);
      if (out.length >= lines) return null;
      line = '';
      pendingSpace = '';
      queue.unshift(item);
      continue;
    }
    // Alone on its line and still too long: cut between its characters (kinsoku kept) where allowed.
    const pieces = splitUnit(item.text);
    if (!split || pieces.length < 2) return null;
    let head = pieces[0];
    let rest = 1;
    while (rest < pieces.length && measure(head + pieces[rest]) <= cap) head += pieces[rest++];
    out.push(head);
    if (out.length >= lines) return null;
    queue.unshift({ text: pieces.slice(rest).join(''), space: false });
  }
  out.push(line);
  return out.length <= lines ? out : null;
}

/** Offsets of n lines' centres across the block (mm), first line first: top to bottom, or right to left. */
function lineCentres(n: number, advance: number, vertical: boolean): number[] {
  return Array.from({ length: n }, (_, i) => {
    const c = -(n * advance) / 2 + (i + 0.5) * advance;
    return vertical ? -c : c;
  });
}

/** What a line at `centre` across the shape may hold along it (mm). */
function capacityAt(shape: TextShape, vertical: boolean, centre: number, em: number): number {
  const along = (vertical ? shape.height : shape.width) - 2 * shape.padding;
  const across = (vertical ? shape.width : shape.height) - 2 * shape.padding;
  if (shape.kind === 'rect') return along;
  const edge = Math.abs(centre) + em / 2;
  const r = edge / (across / 2);
  return r >= 1 ? 0 : along * Math.sqrt(1 - r * r);
}

/** The lines the text breaks into in the shape, or null when it does not fit. */
export function breakLines(req: LayoutRequest, split = false): string[] | null {
  const vertical = !!req.vertical;
  const advance = req.sizeMm * (req.lineHeight ?? DEFAULT_LINE_HEIGHT);
  const measure = measurer(req.face, req.sizeMm, vertical);
  const items = itemsOf(req.text);
  const across = (vertical ? req.shape.width : req.shape.height) - 2 * req.shape.padding;
  const most = Math.max(1, Math.floor((across - req.sizeMm) / advance + 1 + 1e-6));
  const forced = items.filter(isNewline).length + 1;
  if (across < req.sizeMm) return null;
  for (let n = forced; n <= most; n++) {
    const centres = lineCentres(n, advance, vertical);
    const lines = fill(items, (i) => capacityAt(req.shape, vertical, centres[i], req.sizeMm), n, measure, split);
    if (lines) return lines;
  }
  return null;
}

/** Places the glyphs of the given lines, each centred along its place across the shape. */
export function placeLines(req: LayoutRequest, lines: string[], fits: boolean): TextLayout {
  const vertical = !!req.vertical;
  const { face, sizeMm: em } = req;
  const k = em / face.unitsPerEm;
  const advance = em * (req.lineHeight ?? DEFAULT_LINE_HEIGHT);
  const centres = lineCentres(lines.length, advance, vertical);
  // The ascender–descender band centred on the line: letters sit in the middle of their line.
  const bandMid = ((face.ascender + face.descender) / 2) * k;
  const laid = lines.map((text, i): LaidLine => {
    const glyphs = face.shape(text);
    const c = centres[i];
    if (!vertical) {
      const width = glyphs.reduce((a, g) => a + g.advance, 0) * k;
      let pen = -width / 2;
      const baseline = c + bandMid;
      const placed = glyphs.map((g) => {
        const p: PlacedGlyph = { id: g.id, x: pen + g.dx * k, y: baseline - g.dy * k, rotate: 0, text: g.text };
        pen += g.advance * k;
        return p;
      });
      return { text, glyphs: placed, box: { x: -width / 2, y: c - em / 2, width, height: em } };
    }
    const steps = verticalAdvances(glyphs, k, em);
    const height = steps.reduce((a, b) => a + b, 0);
    let pen = -height / 2;
    let last: ReturnType<typeof verticalOrientation> = 'upright';
    const placed = glyphs.map((g, j) => {
      const o = g.text ? verticalOrientation([...g.text][0]) : last;
      last = o;
      let p: PlacedGlyph;
      if (o === 'rotate') p = { id: g.id, x: c - bandMid, y: pen + g.dx * k, rotate: 90, text: g.text };
      else {
        const x = c - (g.advance * k) / 2;
        const y = pen + em / 2 + bandMid;
        p = { id: g.id, x, y, rotate: 0, text: g.text };
        if (o === 'corner' && face.glyphBox) {
          // Move the mark's ink into the cell's top-right quarter.
          const b = face.glyphBox(g.id);
          const inkX = x + ((b.minX + b.maxX) / 2) * k;
          const inkY = y - ((b.minY + b.maxY) / 2) * k;
          p = { ...p, x: x + (c + em / 4 - inkX), y: y + (pen + em / 4 - inkY) };
        } else if (o === 'small') p = { ...p, x: x + em * 0.08, y: y - em * 0.08 };
      }
      pen += steps[j];
      return p;
    });
    return { text, glyphs: placed, box: { x: c - em / 2, y: -height / 2, width: em, height } };
  });
  return { fontId: face.id, sizeMm: em, vertical, lines: laid, fits };
}

/** Lays the text out at its size; `fits` false (and the lines cut where they must) when the shape is too small. */
export function layoutText(req: LayoutRequest): TextLayout {
  const lines = breakLines(req);
  if (lines) return placeLines(req, lines, true);
  const forced = breakLines({ ...req, shape: { ...req.shape, kind: 'rect', height: 1e6, width: 1e6 } });
  const cut = breakLines(req, true) ?? forced ?? [req.text];
  return placeLines(req, cut, false);
}

/**
 * Shrinks the letters (never below `minSizeMm`) until the text fits the shape: the largest size that fits, to a
 * hundredth of a millimetre.
 */
export function layoutShrinkToFit(req: LayoutRequest, minSizeMm: number): TextLayout {
  const first = breakLines(req);
  if (first) return placeLines(req, first, true);
  let lo = minSizeMm;
  let hi = req.sizeMm;
  if (!breakLines({ ...req, sizeMm: lo })) return layoutText({ ...req, sizeMm: lo });
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (breakLines({ ...req, sizeMm: mid })) lo = mid;
    else hi = mid;
  }
  return placeLines({ ...req, sizeMm: lo }, breakLines({ ...req, sizeMm: lo })!, true);
}

/** The smallest height (mm, to 0.05 mm) at which the text fits a shape of the given width; grows width for a long word. */
export function fitHeight(req: LayoutRequest, maxHeight: number): { width: number; height: number } {
  let width = req.shape.width;
  const vertical = !!req.vertical;
  if (vertical) {
    // Columns: the height is given, the width grows (the same search on the other axis).
    let lo = req.sizeMm + 2 * req.shape.padding;
    let hi = maxHeight;
    const at = (w: number) => breakLines({ ...req, shape: { ...req.shape, width: w } });
    if (!at(hi)) return { width: hi, height: req.shape.height };
    while (hi - lo > 0.05) {
      const mid = (lo + hi) / 2;
      if (at(mid)) hi = mid;
      else lo = mid;
    }
    return { width: hi, height: req.shape.height };
  }
  const measure = measurer(req.face, req.sizeMm, false);
  const widest = Math.max(0, ...itemsOf(req.text).filter((u): u is TextUnit => !isNewline(u) && !u.space).map((u) => measure(u.text)));
  const roundness = req.shape.kind === 'ellipse' ? 1.3 : 1;
  width = Math.max(width, widest * roundness + 2 * req.shape.padding);
  let lo = req.sizeMm + 2 * req.shape.padding;
  let hi = maxHeight;
  const at = (h: number) => breakLines({ ...req, shape: { ...req.shape, width, height: h } });
  if (!at(hi)) return { width, height: hi };
  while (hi - lo > 0.05) {
    const mid = (lo + hi) / 2;
    if (at(mid)) hi = mid;
    else lo = mid;
  }
  return { width, height: hi };
}
