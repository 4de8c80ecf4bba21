import {
  beginText,
  endText,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames as Op,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  LineJoinStyle,
  TextRenderingMode,
  type PDFPage,
} from 'pdf-lib';
import type { TextLayout } from '../../../app/lettering/layout';
import { MM_PER_INCH } from '../../../app/page';
import type { PdfFonts } from './pdf-fonts';

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export function rgbOf(css: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (!m) return [0, 0, 0];
  return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}

export interface TextPaint {
  /** Letter colour (CSS hex). */
  ink: string;
  /** An outline around each letter (sound effects), drawn under the fill. */
  stroke?: { color: string; widthMm: number };
}

/**
 * Draws a laid-out text on a page at (cx, cy) page mm: each horizontal line as one TJ with the layout's own
 * positions (kerning included) against the font's widths, each vertical column glyph by glyph (sideways ones turned);
 * each line inside an ActualText span, so text extraction gives its words back in reading order.
 */
export function drawTextLayout(page: PDFPage, fonts: PdfFonts, layout: TextLayout, cx: number, cy: number, paint: TextPaint): void {
  const f = fonts.use(page, layout.fontId);
  const size = pt(layout.sizeMm);
  const h = page.getHeight();
  const upm = f.font.metrics.unitsPerEm;
  const ops: PDFOperator[] = [pushGraphicsState()];
  const passes: Array<'stroke' | 'fill'> = paint.stroke ? ['stroke', 'fill'] : ['fill'];
  for (const pass of passes) {
    if (pass === 'stroke') {
      ops.push(setStrokingRgbColor(...rgbOf(paint.stroke!.color)), setLineWidth(pt(paint.stroke!.widthMm) * 2), setLineJoin(LineJoinStyle.Round));
    } else ops.push(setFillingRgbColor(...rgbOf(paint.ink)));
    // Horizontal lines each in an ActualText span (one line of text each); vertical columns all in one span, so
    // text extraction gives the balloon's words in reading order rather than its columns' tops side by side.
    const spans = layout.vertical ? [layout.lines] : layout.lines.map((l) => [l]);
    for (const lines of spans) {
      if (!lines.some((l) => l.glyphs.length)) continue;
      const actual = lines.map((l) => l.text).join('');
      // Extraction from the fill pass only: the stroke pass is marked as an artifact.
      ops.push(
        pass === 'fill'
          ? PDFOperator.of(Op.BeginMarkedContentSequence, [PDFName.of('Span'), page.doc.context.obj({ ActualText: PDFHexString.fromText(actual) }) as unknown as PDFName])
          : PDFOperator.of(Op.BeginMarkedContent, [PDFName.of('Artifact')]),
      );
      ops.push(beginText(), setFontAndSize(f.name, size), setTextRenderingMode(pass === 'stroke' ? TextRenderingMode.Outline : TextRenderingMode.Fill));
      for (const line of lines) {
        if (!line.glyphs.length) continue;
        for (const g of line.glyphs) f.record(g.id, g.text);
        if (!layout.vertical) {
          const first = line.glyphs[0];
          ops.push(setTextMatrix(1, 0, 0, 1, pt(cx + first.x), h - pt(cy + first.y)));
          const items: Array<PDFHexString | PDFNumber> = [];
          let pen = first.x;
          for (const g of line.glyphs) {
            const gap = g.x - pen; // mm the layout moves beyond the font's advances (kerning, offsets)
            if (Math.abs(gap) > 1e-6) items.push(PDFNumber.of(Math.round((-gap / layout.sizeMm) * 1000 * 100) / 100));
            items.push(PDFHexString.of(hex4(g.id)));
            pen = g.x + (f.font.advanceOf(g.id) / upm) * layout.sizeMm;
          }
          ops.push(PDFOperator.of(Op.ShowTextAdjusted, [page.doc.context.obj(items)]));
        } else {
          for (const g of line.glyphs) {
            const x = pt(cx + g.x);
            const y = h - pt(cy + g.y);
            // Turned 90° clockwise on the page: the glyph's x axis points down, its y axis right.
            ops.push(g.rotate === 90 ? setTextMatrix(0, -1, 1, 0, x, y) : setTextMatrix(1, 0, 0, 1, x, y));
            ops.push(showText(PDFHexString.of(hex4(g.id))));
          }
        }
      }
      ops.push(endText(), PDFOperator.of(Op.EndMarkedContent));
    }
  }
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
}
