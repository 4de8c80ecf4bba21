import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  clip,
  closePath,
  endPath,
  lineTo,
  moveTo,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  PDFDocument,
  PDFHexString,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import { MM_PER_INCH, printDpi, visiblePart, type ComicPage, type PagePanel } from '../../../app/page';
import type { JobContext } from '../../../app/progress';
import { throwIfAborted } from '../jobs';
import { writeFileAtomic } from '../store';
import type { ModelAttribution } from '../stylize';
import { drawBalloons, winAnsi } from './draw-balloons';
import { preparePrintPage, type PrintSetup } from './print-marks';
import { xmpPacket } from './xmp';

export interface ComicPdfRequest {
  pages: ComicPage[];
  /** The pictures panels show (PNG or JPEG files), indexed by `PagePanel.picture`. */
  pictures: string[];
  title: string;
  /** Credits and licences of the models that drew the pictures: stamped into the metadata, credited on the last page. */
  attribution: ModelAttribution;
  /** The app and its version, for the Creator field. */
  creator: string;
  /** Panel border width in mm (default 0.7; 0 for none). */
  border?: number;
  /** For a printer: bleed and crop marks around each page (default: the page alone, for screens and home printers). */
  print?: PrintSetup;
}

export interface ComicPdfResult {
  file: string;
  /** Pages written: the layout's, and a credits page when the last page's margin could not hold them. */
  pages: number;
  panels: number;
  bytes: number;
  /** The lowest resolution any panel prints at (pixels per inch): under 300 a printer may show softness. */
  minDpi: number;
}

/** A picture the PDF cannot hold (not PNG or JPEG, or unreadable), named. */
export class ExportError extends Error {
  constructor(
    readonly code: 'UNSUPPORTED_IMAGE' | 'MISSING_IMAGE',
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;
const CREDIT_SIZE_PT = 6.5;
/** Left and right inset of the credit lines, and their top inset on a credits page (mm). */
const PAGE_EDGE_MM = 12;

async function embedPicture(doc: PDFDocument, file: string): Promise<PDFImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new ExportError('MISSING_IMAGE', `${file}: cannot read the panel's picture (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return doc.embedPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return doc.embedJpg(bytes);
  throw new ExportError('UNSUPPORTED_IMAGE', `${basename(file)}: not a PNG or JPEG picture`);
}

/** A CSS hex colour (#rgb or #rrggbb) as pdf-lib's rgb; anything else black. */
export function cssColour(css: string | undefined, fallback = rgb(0, 0, 0)) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css ?? '');
  if (!m) return fallback;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return rgb(parseInt(hex.slice(0, 2), 16) / 255, parseInt(hex.slice(2, 4), 16) / 255, parseInt(hex.slice(4, 6), 16) / 255);
}

/** The operators of a panel's outline as a closed path in PDF points (y up). */
function outlinePath(page: PDFPage, outline: NonNullable<PagePanel['outline']>) {
  const h = page.getHeight();
  return [...outline.map((p, i) => (i ? lineTo : moveTo)(pt(p.x), h - pt(p.y))), closePath()];
}

/** Draws a panel: its picture cropped by a clipping path to the panel (its polygon, if it is one), then the border. Returns its print dpi. */
function drawPanel(page: PDFPage, image: PDFImage, panel: PagePanel, border: number, borderColor = rgb(0, 0, 0)): number {
  const pageHeight = page.getHeight();
  const { rect } = panel;
  const part = visiblePart({ width: image.width, height: image.height }, rect, panel.crop);
  const scale = pt(rect.width) / part.width; // points per picture pixel
  const clipBox = { x: pt(rect.x), y: pageHeight - pt(rect.y + rect.height), width: pt(rect.width), height: pt(rect.height) };
  const shape = panel.outline ? outlinePath(page, panel.outline) : [rectangle(clipBox.x, clipBox.y, clipBox.width, clipBox.height)];
  page.pushOperators(pushGraphicsState(), ...shape, clip(), endPath());
  page.drawImage(image, {
    x: clipBox.x - part.x * scale,
    y: pageHeight - pt(rect.y) + part.y * scale - image.height * scale,
    width: image.width * scale,
    height: image.height * scale,
  });
  page.pushOperators(popGraphicsState());
  if (border > 0 && panel.outline) {
    const { red, green, blue } = borderColor as { red: number; green: number; blue: number };
    page.pushOperators(pushGraphicsState(), setStrokingRgbColor(red, green, blue), setLineWidth(pt(border)), ...outlinePath(page, panel.outline), stroke(), popGraphicsState());
  } else if (border > 0) page.drawRectangle({ ...clipBox, borderColor, borderWidth: pt(border) });
  return printDpi(part.width, rect.width);
}

/** Wraps `text` to lines no wider than `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The credits the models' licences ask for, printed small under the panels of the last page, or on a page of their
 * own when the margin cannot hold them.
 */
function drawCredits(doc: PDFDocument, last: PDFPage, font: PDFFont, attribution: ModelAttribution, marginMm: number): void {
  const text = winAnsi(attribution.lines.join(' '));
  if (!text) return;
  const lines = wrap(text, font, CREDIT_SIZE_PT, last.getWidth() - 2 * pt(PAGE_EDGE_MM));
  const lineHeight = CREDIT_SIZE_PT * 1.3;
  const fits = (lines.length + 1) * lineHeight <= pt(marginMm);
  const page = fits ? last : doc.addPage([last.getWidth(), last.getHeight()]);
  let y = fits ? pt(marginMm) - 1.5 * lineHeight : page.getHeight() - pt(PAGE_EDGE_MM) - lineHeight;
  for (const line of lines) {
    page.drawText(line, { x: pt(PAGE_EDGE_MM), y, size: CREDIT_SIZE_PT, font, color: rgb(0.2, 0.2, 0.2) });
    y -= lineHeight;
  }
}

/** Smallest page margin of the layout (mm): where the credits may go without touching a panel. */
function bottomMargin(page: ComicPage): number {
  const lowest = Math.max(0, ...page.panels.map((p) => p.rect.y + p.rect.height));
  return page.size.height - lowest;
}

/**
 * Writes a comic as a PDF: one page per layout page at its size in mm, each panel's picture at its full resolution
 * cropped by a clipping path, a black border, and the models' credits both on the last page and in the document's
 * metadata (Info /Subject, /Keywords and /Attribution; XMP dc:rights). Written atomically: a failed export leaves
 * any earlier file as it was.
 */
export async function writeComicPdf(file: string, req: ComicPdfRequest, ctx: JobContext = {}): Promise<ComicPdfResult> {
  throwIfAborted(ctx.signal);
  const doc = await PDFDocument.create();
  const now = new Date();
  doc.setTitle(req.title, { showInWindowTitleBar: true });
  doc.setCreator(req.creator);
  doc.setProducer(`${req.creator} (pdf-lib)`);
  doc.setSubject(req.attribution.summary || `A comic made with ${req.creator}`);
  doc.setKeywords(['comic', ...req.attribution.credits.map((c) => c.name)]);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (req.attribution.lines.length && info && 'set' in info) {
    (info as { set(k: PDFName, v: PDFHexString): void }).set(PDFName.of('Attribution'), PDFHexString.fromText(req.attribution.lines.join('\n')));
  }
  const xmp = xmpPacket({ title: req.title, description: doc.getSubject() ?? '', rights: req.attribution.lines, creatorTool: req.creator, date: now });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));

  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lettering = await doc.embedFont(StandardFonts.HelveticaBold);
  const images = new Map<number, PDFImage>();
  const border = req.border ?? 0.7;
  let minDpi = Infinity;
  let panels = 0;
  for (const [index, layout] of req.pages.entries()) {
    throwIfAborted(ctx.signal);
    const page = doc.addPage([pt(layout.size.width), pt(layout.size.height)]);
    const background = cssColour(layout.style?.background, rgb(1, 1, 1));
    if (layout.style && layout.style.background.toLowerCase() !== '#ffffff' && layout.style.background.toLowerCase() !== '#fff') {
      page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight(), color: background });
    }
    for (const panel of layout.panels) {
      const source = req.pictures[panel.picture];
      if (source === undefined) throw new RangeError(`page ${index + 1}: panel shows picture ${panel.picture}, which is not in the list`);
      let image = images.get(panel.picture);
      if (!image) images.set(panel.picture, (image = await embedPicture(doc, source)));
      minDpi = Math.min(minDpi, drawPanel(page, image, panel, layout.style?.borderWidth ?? border, cssColour(layout.style?.borderColor)));
      panels++;
    }
    // Balloons last: one may reach over a neighbouring panel, as in print.
    for (const panel of layout.panels) if (panel.balloons?.length) drawBalloons(page, lettering, panel.balloons, panel.rect);
    if (index === req.pages.length - 1) drawCredits(doc, page, font, req.attribution, bottomMargin(layout));
    ctx.onProgress?.({ stage: 'export', done: index + 1, total: req.pages.length, fraction: (index + 1) / req.pages.length });
  }
  // Last: a credits page may have been added, and the boxes change what getWidth() reports.
  if (req.print) for (const page of doc.getPages()) preparePrintPage(page, req.print);
  const bytes = await doc.save();
  throwIfAborted(ctx.signal);
  await writeFileAtomic(file, bytes);
  return { file, pages: doc.getPageCount(), panels, bytes: bytes.length, minDpi: Number.isFinite(minDpi) ? minDpi : 0 };
}
