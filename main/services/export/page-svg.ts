import { balloonShape, shoutOutline, tailTriangle, thoughtBubbles, thoughtCloud, type BalloonShape, type FaceLookup } from '../../../app/balloons';
import type { TextLayout } from '../../../app/lettering/layout';
import type { LetteringFace } from '../../../app/lettering/metrics';
import { hexColour, panelOutline, type PageLook, type PageWithLook, type Point } from './page-look';

/**
 * A page's vector layer as SVG in page mm: the panels' borders and the balloons, their words as glyph outlines from
 * the same layout and font files as the PDF and the canvas. The PNG pages composite it over the pictures.
 */
const INK = '#121214';
const LINE_MM = 0.35;
const n = (v: number) => (Math.round(v * 1000) / 1000).toString();
/** Scales (font units to mm are about 1/500) need more digits than lengths. */
const sc = (v: number) => Number(v.toPrecision(7)).toString();
const points = (ps: Point[]) => ps.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function textSvg(layout: TextLayout, cx: number, cy: number, face: LetteringFace, ink: string, stroke?: { color: string; widthMm: number }): string {
  const k = layout.sizeMm / face.unitsPerEm;
  const glyphs = layout.lines.flatMap((l) => l.glyphs);
  const paint = stroke
    ? `fill="${esc(ink)}" stroke="${esc(stroke.color)}" stroke-width="${sc((stroke.widthMm * 2) / k)}" stroke-linejoin="round" paint-order="stroke"`
    : `fill="${esc(ink)}"`;
  const paths = glyphs
    .map((g) => {
      const d = face.glyphPath(g.id);
      if (!d) return '';
      return `<path transform="translate(${n(cx + g.x)} ${n(cy + g.y)})${g.rotate ? ` rotate(${g.rotate})` : ''} scale(${sc(k)} ${sc(-k)})" d="${d}"/>`;
    })
    .join('');
  return `<g ${paint}>${paths}</g>`;
}

function outlineSvg(s: BalloonShape): string {
  const { cx, cy, rx, ry } = s.outline;
  const line = `stroke="${INK}" stroke-width="${LINE_MM}"`;
  const fill = `fill="${esc(s.fill)}"`;
  const tail = tailTriangle(s);
  switch (s.kind) {
    case 'sfx':
      return '';
    case 'caption':
    case 'narration':
      return `<rect x="${n(cx - rx)}" y="${n(cy - ry)}" width="${n(2 * rx)}" height="${n(2 * ry)}" ${fill} stroke="${INK}" stroke-width="${s.kind === 'narration' ? LINE_MM * 1.6 : LINE_MM}"/>`;
    case 'thought':
      return [
        ...thoughtBubbles(s).map(([x, y, r]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${fill} ${line}/>`),
        ...thoughtCloud(s).map(([x, y, r]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${fill} ${line}/>`),
        `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" ${fill}/>`,
      ].join('');
    default:
      return [
        tail ? `<polygon points="${points(tail)}" ${fill} ${line}/>` : '',
        s.kind === 'shout' ? `<polygon points="${points(shoutOutline(s))}" ${fill} ${line}/>` : `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" ${fill} ${line}/>`,
        tail ? `<polygon points="${points(tail)}" ${fill}/>` : '',
      ].join('');
  }
}

/** The SVG of a page's borders and balloons, `widthPx` × `heightPx`, drawn in page mm (transparent elsewhere). */
export function pageOverlaySvg(page: PageWithLook, look: PageLook, faces: FaceLookup, widthPx: number, heightPx: number, extra = ''): string {
  const parts: string[] = [];
  const border = hexColour(look.borderColor);
  if (look.borderWidth > 0 && border) {
    for (const panel of page.panels) parts.push(`<polygon points="${points(panelOutline(panel))}" fill="none" stroke="${border}" stroke-width="${n(look.borderWidth)}" stroke-linejoin="miter"/>`);
  }
  for (const panel of page.panels) {
    for (const b of panel.balloons ?? []) {
      const s = balloonShape(b, panel.rect, faces);
      parts.push(outlineSvg(s), textSvg(s.text, s.outline.cx, s.outline.cy, faces(s.text.fontId as never)!, s.ink, s.stroke));
    }
  }
  parts.push(extra);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${n(page.size.width)} ${n(page.size.height)}">${parts.join('')}</svg>`;
}
