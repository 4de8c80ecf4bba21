// fontkit 2 ships no types: the part the lettering uses (app/lettering/fontkit-metrics.ts has the same shape).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    path: { toSVG(): string };
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    numGlyphs: number;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    italicAngle: number;
    capHeight: number;
    xHeight: number;
    hasGlyphForCodePoint(cp: number): boolean;
    layout(text: string, features?: string[]): { glyphs: Glyph[]; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
    getGlyph(id: number): Glyph;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
