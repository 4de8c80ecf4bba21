/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { faceFromFontkit } from '../../../app/lettering/fontkit-metrics';
import { CREDITS_FONT, LETTERING_FONTS } from '../../../app/lettering/fonts';
import type { LetteringFace } from '../../../app/lettering/metrics';
import { fontFilePath } from './font-files';
import { woffToSfnt } from './woff';

export interface LoadedFont {
  id: string;
  file: string;
  face: LetteringFace;
  /** The font as an sfnt (a WOFF unwrapped), for the PDF's subset. */
  sfnt: Buffer;
  postscriptName: string;
  metrics: { unitsPerEm: number; ascent: number; descent: number; capHeight: number; bbox: { minX: number; minY: number; maxX: number; maxY: number }; italicAngle: number };
  /** Advance width of a glyph (font units), as the font's hmtx says. */
  advanceOf(gid: number): number;
}

const FILES: Record<string, string> = {
  ...Object.fromEntries(LETTERING_FONTS.map((f) => [f.id, f.file])),
  [CREDITS_FONT.id]: CREDITS_FONT.file,
};

const loaded = new Map<string, LoadedFont>();

/** A lettering font (or the credits font) by id, read once per process. */
export function loadFont(id: string): LoadedFont {
  let font = loaded.get(id);
  if (font) return font;
  const file = FILES[id];
  if (!file) throw new RangeError(`no lettering font ${id}`);
  const bytes = readFileSync(fontFilePath(file));
  const sfnt = bytes.readUInt32BE(0) === 0x774f4646 ? woffToSfnt(bytes) : bytes;
  const f = fontkit.create(sfnt);
  font = {
    id,
    file,
    face: faceFromFontkit(id, f),
    sfnt,
    postscriptName: f.postscriptName,
    metrics: { unitsPerEm: f.unitsPerEm, ascent: f.ascent, descent: f.descent, capHeight: f.capHeight, bbox: f.bbox, italicAngle: f.italicAngle },
    advanceOf: (gid) => f.getGlyph(gid).advanceWidth,
  };
  loaded.set(id, font);
  return font;
}

/** The faces by id, for balloonShape. */
export const serverFaces = (id: string): LetteringFace | undefined => loadFont(id).face;
