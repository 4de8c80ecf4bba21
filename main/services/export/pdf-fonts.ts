import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFRef, type PDFPage } from 'pdf-lib';
import { loadFont, subsetFont, type LoadedFont } from '../lettering';

/**
 * The document's fonts, embedded as subsets: a Type 0 font per lettering font used (Identity-H, CID = glyph id),
 * its CIDFontType2 with the advance widths (W), the HarfBuzz subset of the TrueType file (FontFile2, glyph ids
 * kept, Flate-compressed) under a six-letter subset tag, and a ToUnicode CMap so a reader can search and copy the
 * words. Pages name a font when they draw with it; the dictionaries are written once, at the end.
 */
export class PdfFonts {
  private readonly used = new Map<string, { font: LoadedFont; ref: PDFRef; gids: Map<number, string> }>();

  constructor(private readonly doc: PDFDocument) {}

  /** The resource name of font `id` on `page` (added to the page's resources), recording the glyphs drawn with it. */
  use(page: PDFPage, id: string): { name: PDFName; record(gid: number, text: string): void; font: LoadedFont } {
    let entry = this.used.get(id);
    if (!entry) {
      entry = { font: loadFont(id), ref: this.doc.context.nextRef(), gids: new Map() };
      this.used.set(id, entry);
    }
    const name = PDFName.of(`YC-${id}`);
    page.node.setFontDictionary(name, entry.ref);
    const gids = entry.gids;
    return {
      name,
      font: entry.font,
      record(gid, text) {
        const known = gids.get(gid);
        if (known === undefined || (!known && text)) gids.set(gid, text);
      },
    };
  }

  /** Writes every used font's dictionaries and subset. */
  finish(): void {
    for (const { font, ref, gids } of this.used.values()) this.writeFont(font, ref, gids);
  }

  private writeFont(font: LoadedFont, ref: PDFRef, gids: Map<number, string>): void {
    const ctx = this.doc.context;
    const ids = [...gids.keys()].sort((a, b) => a - b);
    const tag = subsetTag(font.id, ids);
    const baseFont = `${tag}+${font.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}`;
    const k = 1000 / font.metrics.unitsPerEm;
    const subset = subsetFont(font.sfnt, ids);
    const fontFile = ctx.register(ctx.flateStream(subset, { Length1: subset.length }));
    const b = font.metrics.bbox;
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: 4,
        FontBBox: [b.minX * k, b.minY * k, b.maxX * k, b.maxY * k].map(Math.round),
        ItalicAngle: font.metrics.italicAngle,
        Ascent: Math.round(font.metrics.ascent * k),
        Descent: Math.round(font.metrics.descent * k),
        CapHeight: Math.round((font.metrics.capHeight || font.metrics.ascent * 0.7) * k),
        StemV: 120,
        FontFile2: fontFile,
      }),
    );
    const widths: Array<number | number[]> = [];
    for (const gid of ids) widths.push(gid, [Math.round(font.advanceOf(gid) * k)]);
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widths,
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = ctx.register(ctx.flateStream(toUnicodeCMap(gids)));
    ctx.assign(ref, ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }));
  }
}

/** Six capitals from the font and its glyphs (PDF 32000 §9.6.4): the same subset gets the same tag. */
function subsetTag(id: string, gids: number[]): string {
  const h = createHash('sha256').update(id).update(Uint32Array.from(gids)).digest();
  return Array.from(h.subarray(0, 6), (v) => String.fromCharCode(65 + (v % 26))).join('');
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const utf16 = (s: string) => Array.from(s, (ch) => {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}).join('');

/** The CMap from glyph ids to the characters they stand for (a second glyph of one character maps to nothing). */
export function toUnicodeCMap(gids: Map<number, string>): string {
  const entries = [...gids].filter(([, t]) => t).sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([g, t]) => `<${hex4(g)}> <${utf16(t)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
