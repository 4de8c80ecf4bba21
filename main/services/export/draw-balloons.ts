import { rgb, type PDFPage } from 'pdf-lib';
import { balloonShape, shoutOutline, tailTriangle, thoughtBubbles, thoughtCloud, type Balloon, type FaceLookup } from '../../../app/balloons';
import { MM_PER_INCH, type Rect } from '../../../app/page';
import type { PdfFonts } from './pdf-fonts';
import { drawTextLayout, rgbOf } from './pdf-text';

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;
const INK = rgb(0.07, 0.07, 0.08);
const LINE_MM = 0.35;

/**
 * Draws a panel's balloons on top of it (they may reach over its border, as in print): outline, tail, and the
 * words in their font, from the same layout as the editor's canvas.
 */
export function drawBalloons(page: PDFPage, fonts: PdfFonts, faces: FaceLookup, balloons: Balloon[], panel: Rect): void {
  const h = page.getHeight();
  // Page mm (y down) to an SVG path in points, y down from the page's top-left (drawSvgPath's own convention).
  const path = (points: Array<{ x: number; y: number }>) => `M ${points.map((p) => `${pt(p.x)} ${pt(p.y)}`).join(' L ')} Z`;
  const line = { borderColor: INK, borderWidth: pt(LINE_MM) };
  for (const b of balloons) {
    const s = balloonShape(b, panel, faces);
    const { cx, cy, rx, ry } = s.outline;
    const fill = s.fill ? rgb(...rgbOf(s.fill)) : undefined;
    if (b.kind === 'caption' || b.kind === 'narration') {
      page.drawRectangle({ x: pt(cx - rx), y: h - pt(cy + ry), width: pt(2 * rx), height: pt(2 * ry), color: fill, ...line, ...(b.kind === 'narration' ? { borderWidth: pt(LINE_MM * 1.6) } : {}) });
    } else if (b.kind === 'thought') {
      for (const [x, y, r] of thoughtBubbles(s)) page.drawEllipse({ x: pt(x), y: h - pt(y), xScale: pt(r), yScale: pt(r), color: fill, ...line });
      for (const [x, y, r] of thoughtCloud(s)) page.drawEllipse({ x: pt(x), y: h - pt(y), xScale: pt(r), yScale: pt(r), color: fill, ...line });
      page.drawEllipse({ x: pt(cx), y: h - pt(cy), xScale: pt(rx), yScale: pt(ry), color: fill });
    } else if (b.kind !== 'sfx') {
      const tail = tailTriangle(s);
      if (tail) page.drawSvgPath(path(tail), { x: 0, y: h, color: fill, ...line });
      if (b.kind === 'shout') page.drawSvgPath(path(shoutOutline(s)), { x: 0, y: h, color: fill, ...line });
      else page.drawEllipse({ x: pt(cx), y: h - pt(cy), xScale: pt(rx), yScale: pt(ry), color: fill, ...line });
      // The ellipse is drawn over the tail's base; redraw the tail's fill inside it so no seam shows.
      if (tail) page.drawSvgPath(path(tail), { x: 0, y: h, color: fill });
    }
    drawTextLayout(page, fonts, s.text, cx, cy, { ink: s.ink, ...(s.stroke ? { stroke: s.stroke } : {}) });
  }
}
