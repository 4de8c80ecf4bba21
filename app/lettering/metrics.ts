/**
 * What the text layout needs of a font: its vertical metrics and a shaper. Implemented over fontkit
 * (fontkit-metrics.ts) in the main process and in the renderer alike, from the same font files, so both lay out
 * the same lines.
 */
export interface ShapedGlyph {
  /** Glyph id in the font file. */
  id: number;
  /** Horizontal advance, kerning included, in font units. */
  advance: number;
  /** Offsets from the pen position, font units (y up). */
  dx: number;
  dy: number;
  /** The characters this glyph stands for ('' for a second glyph of one character). */
  text: string;
}

export interface FontMetrics {
  /** The font's id (LetteringFontId or the credits font's). */
  id: string;
  unitsPerEm: number;
  /** Above the baseline (positive) and below it (negative), font units. */
  ascender: number;
  descender: number;
  /** Glyphs of one run of text, in order, with their advances. */
  shape(text: string): ShapedGlyph[];
}

/** Glyph outlines, for drawers that draw glyphs as paths (the canvas, the SVG of a PNG page). */
export interface GlyphOutlines {
  /** SVG path data of a glyph in font units, y up (the font's own coordinates). */
  glyphPath(id: number): string;
  /** The glyph's bounding box in font units, y up. */
  glyphBox(id: number): { minX: number; minY: number; maxX: number; maxY: number };
}

export type LetteringFace = FontMetrics & GlyphOutlines;
