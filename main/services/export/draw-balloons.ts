import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { balloonShape, shoutOutline, tailTriangle, thoughtBubbles, type Balloon } from '../../../app/balloons';
import { MM_PER_INCH, type Rect } from '../../../app/page';

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;
const INK = rgb(0.07, 0.07, 0.08);
const WHITE = rgb(1, 1, 1);
const CAPTION = rgb(1, 0.97, 0.77);
const LINE_MM = 0.35;

/** Cap height of Helvetica Bold (718/1000 em): half of it above the line's middle puts the letters in the middle. */
const HALF_CAP = 0.359;

/** The standard PDF fonts encode WinAnsi only: anything else is shown as '?' rather than failing the export. */
export function winAnsi(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/…/g, '...').replace(/→/g, '->').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

/**
 * Draws a panel's balloons on top of it (they may reach over its border, as in print): outline, tail, lettering in
 * Helvetica Bold with the same line breaks as the editor's canvas.
 */
export function drawBalloons(page: PDFPage, font: PDFFont, balloons: Balloon[], panel: Rect): void {
  const h = page.getHeight();
  // Page mm (y down) to PDF points (y up), and an SVG path in points with y down from the page's top-left.
  const path = (points: Array<{ x: number; y: number }>) => `M ${points.map((p) => `${pt(p.x)} ${pt(p.y)}`).join(' L ')} Z`;
  const line = { borderColor: INK, borderWidth: pt(LINE_MM) };
  for (const b of balloons) {
    const s = balloonShape(b, panel);
    const { cx, cy, rx, ry } = s.outline;
    if (b.kind === 'caption') {
      page.drawRectangle({ x: pt(cx - rx), y: h - pt(cy + ry), width: pt(2 * rx), height: pt(2 * ry), color: CAPTION, ...line });
    } else if (b.kind === 'thought') {
      for (const [x, y, r] of thoughtBubbles(s)) page.drawEllipse({ x: pt(x), y: h - pt(y), xScale: pt(r), yScale: pt(r), color: WHITE, ...line });
      page.drawEllipse({ x: pt(cx), y: h - pt(cy), xScale: pt(rx), yScale: pt(ry), color: WHITE, ...line });
    } else {
      const tail = tailTriangle(s);
      if (tail) page.drawSvgPath(path(tail), { x: 0, y: h, color: WHITE, ...line });
      if (b.kind === 'shout') page.drawSvgPath(path(shoutOutline(s)), { x: 0, y: h, color: WHITE, ...line });
      else page.drawEllipse({ x: pt(cx), y: h - pt(cy), xScale: pt(rx), yScale: pt(ry), color: WHITE, ...line });
      // The ellipse is drawn over the tail's base; redraw the tail's fill inside it so no seam shows.
      if (tail) page.drawSvgPath(path(tail), { x: 0, y: h, color: WHITE });
    }
    const size = pt(s.fontSizeMm);
    s.lines.forEach((text, i) => {
      const safe = winAnsi(text);
      const width = font.widthOfTextAtSize(safe, size);
      const middle = s.text.y + (i + 0.5) * s.lineHeightMm;
      page.drawText(safe, { x: pt(s.text.x + s.text.width / 2) - width / 2, y: h - pt(middle + HALF_CAP * s.fontSizeMm), size, font, color: INK });
    });
  }
}
