import sharp from 'sharp';
import type { FaceLookup } from '../../../app/balloons';
import { MM_PER_INCH, visiblePart } from '../../../app/page';
import { hexColour, panelOutline, type PageLook, type PageWithLook } from './page-look';
import { pageOverlaySvg } from './page-svg';
import type { PicturePipeline } from './comic-pdf';

/**
 * A page as pixels at `dpi`: the background, each panel's picture (resampled for print as in the PDF) clipped to
 * the panel's outline, then the borders and balloons (page-svg.ts) over it. Returns raw RGB for the encoder.
 */
export async function rasterPage(
  page: PageWithLook,
  look: PageLook,
  pictures: PicturePipeline,
  faces: FaceLookup,
  dpi: number,
  extraSvg = '',
): Promise<{ raw: Buffer; width: number; height: number }> {
  const k = dpi / MM_PER_INCH; // px per mm
  const width = Math.max(1, Math.round(page.size.width * k));
  const height = Math.max(1, Math.round(page.size.height * k));
  const layers: sharp.OverlayOptions[] = [];
  for (const panel of page.panels) {
    const p = await pictures.get(panel.picture);
    const part = visiblePart(p.source, panel.rect, panel.crop);
    // Page px per source px; the prepared picture's region placed so that `part` fills the panel.
    const scale = (panel.rect.width * k) / part.width;
    const left = panel.rect.x * k - (part.x - p.region.x) * scale;
    const top = panel.rect.y * k - (part.y - p.region.y) * scale;
    const w = Math.max(1, Math.round(p.region.width * scale));
    const h = Math.max(1, Math.round(p.region.height * scale));
    // The panel's box on the page, clamped to the page.
    const box = {
      x0: Math.max(0, Math.floor(Math.min(...panelOutline(panel).map((q) => q.x)) * k)),
      y0: Math.max(0, Math.floor(Math.min(...panelOutline(panel).map((q) => q.y)) * k)),
      x1: Math.min(width, Math.ceil(Math.max(...panelOutline(panel).map((q) => q.x)) * k)),
      y1: Math.min(height, Math.ceil(Math.max(...panelOutline(panel).map((q) => q.y)) * k)),
    };
    const ox = Math.round(left);
    const oy = Math.round(top);
    const cut = {
      left: Math.max(0, box.x0 - ox),
      top: Math.max(0, box.y0 - oy),
      width: Math.min(w, box.x1 - ox) - Math.max(0, box.x0 - ox),
      height: Math.min(h, box.y1 - oy) - Math.max(0, box.y0 - oy),
    };
    if (cut.width <= 0 || cut.height <= 0) continue;
    let img = sharp(p.bytes).resize(w, h, { fit: 'fill', kernel: w === p.width && h === p.height ? 'nearest' : 'lanczos3' }).extract(cut);
    const at = { left: ox + cut.left, top: oy + cut.top };
    if (panel.outline && panel.outline.length >= 3) {
      // Clip to the polygon: its shape as an alpha mask over the cut-out.
      const poly = panel.outline.map((q) => `${(q.x * k - at.left).toFixed(2)},${(q.y * k - at.top).toFixed(2)}`).join(' ');
      const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${cut.width}" height="${cut.height}"><polygon points="${poly}" fill="#fff"/></svg>`);
      img = sharp(await img.ensureAlpha().composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer());
    }
    layers.push({ input: await img.png({ compressionLevel: 0 }).toBuffer(), left: at.left, top: at.top });
  }
  layers.push({ input: Buffer.from(pageOverlaySvg(page, look, faces, width, height, extraSvg)), left: 0, top: 0 });
  const background = hexColour(look.background) ?? '#ffffff';
  const { data, info } = await sharp({ create: { width, height, channels: 3, background } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { raw: data, width: info.width, height: info.height };
}
