import type { LetteringFace, ShapedGlyph } from './metrics';

/** The part of a fontkit Font this adapter uses (fontkit itself is loaded by the caller: main or renderer). */
export interface FontkitFontLike {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string, features?: string[]): {
    glyphs: Array<{ id: number; codePoints: number[] }>;
    positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>;
  };
  getGlyph(id: number): { path: { toSVG(): string }; bbox: { minX: number; minY: number; maxX: number; maxY: number } };
}

/**
 * A LetteringFace over a fontkit font: shaping with the font's own kerning (GPOS) and compositions (ccmp), runs
 * cached (balloons are laid out again on every edit).
 */
export function faceFromFontkit(id: string, font: FontkitFontLike): LetteringFace {
  const runs = new Map<string, ShapedGlyph[]>();
  const paths = new Map<number, string>();
  return {
    id,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascent,
    descender: font.descent,
    shape(text) {
      let run = runs.get(text);
      if (!run) {
        const r = font.layout(text);
        run = r.glyphs.map((g, i) => ({
          id: g.id,
          advance: r.positions[i].xAdvance,
          dx: r.positions[i].xOffset,
          dy: r.positions[i].yOffset,
          text: String.fromCodePoint(...g.codePoints),
        }));
        if (runs.size > 5000) runs.clear();
        runs.set(text, run);
      }
      return run;
    },
    glyphPath(gid) {
      let d = paths.get(gid);
      if (d === undefined) paths.set(gid, (d = font.getGlyph(gid).path.toSVG()));
      return d;
    },
    glyphBox(gid) {
      const b = font.getGlyph(gid).bbox;
      return { minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY };
    },
  };
}
