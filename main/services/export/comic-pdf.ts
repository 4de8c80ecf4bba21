import {
  clip,
  closePath,
  drawObject,
  endPath,
  lineTo,
  moveTo,
  PDFDocument,
  PDFHexString,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  concatTransformationMatrix,
  setFillingRgbColor,
  fill,
  rectangle,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  LineJoinStyle,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { FaceLookup } from '../../../app/balloons';
import { CREDITS_FONT } from '../../../app/lettering/fonts';
import { MM_PER_INCH, printDpi, visiblePart, type ComicPage } from '../../../app/page';
import type { JobContext } from '../../../app/progress';
import { throwIfAborted } from '../jobs';
import { loadFont, serverFaces } from '../lettering';
import { writeFileAtomic } from '../store';
import type { ModelAttribution } from '../stylize';
import { placeCredits } from './credits';
import { drawBalloons } from './draw-balloons';
import { PdfFonts } from './pdf-fonts';
import { DEFAULT_PICTURE_OPTIONS, embedPrepared, ExportError, preparePicture, xobjectName, type PictureOptions, type PictureUse, type PreparedPicture } from './pdf-pictures';
import { drawTextLayout, rgbOf } from './pdf-text';
import { hexColour, pageLook, panelOutline, type PanelWithOutline, type PageWithLook } from './page-look';
import { preparePrintPage, type PrintSetup } from './print-marks';
import { xmpPacket } from './xmp';

export { ExportError } from './pdf-pictures';

export interface ComicPdfRequest {
  pages: ComicPage[];
  /** The pictures panels show (PNG, JPEG or WebP files), indexed by `PagePanel.picture`. */
  pictures: string[];
  title: string;
  /** The book's author (Info /Author, XMP dc:creator). */
  author?: string;
  /** Credits and licences of the models that drew the pictures: stamped into the metadata, credited on the last page. */
  attribution: ModelAttribution;
  /** The app and its version, for the Creator field. */
  creator: string;
  /** Panel border width in mm when the page does not say (default 0.7; 0 for none). */
  border?: number;
  /** For a printer: bleed and crop marks around each page (default: the page alone, for screens and home printers). */
  print?: PrintSetup;
  /** Print resolution and encoding of the pictures (default 300 dpi, JPEG 88 or PNG where smaller). */
  images?: Partial<PictureOptions>;
}

export interface ComicPdfResult {
  file: string;
  /** Pages written: the layout's, and a credits page when the last page's margin could not hold them. */
  pages: number;
  panels: number;
  bytes: number;
  /** The lowest resolution any panel prints at (pixels per inch): under 300 a printer may show softness. */
  minDpi: number;
  /** Pictures embedded (each once, however many panels show it), and how many of them as PNG. */
  images: number;
  pngImages: number;
}

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;
/** Pictures resampled at once (libvips also threads inside each). */
const PICTURE_CONCURRENCY = 3;

export function pictureOptions(images: Partial<PictureOptions> | undefined): PictureOptions {
  const o = { ...DEFAULT_PICTURE_OPTIONS, ...(images ?? {}) };
  if (!Number.isFinite(o.dpi) || o.dpi < 36 || o.dpi > 2400) throw new ExportError('BAD_OPTIONS', `dpi must be between 36 and 2400 (got ${o.dpi})`);
  if (!Number.isInteger(o.quality) || o.quality < 1 || o.quality > 100) throw new ExportError('BAD_OPTIONS', `JPEG quality must be 1..100 (got ${o.quality})`);
  if (!['auto', 'jpeg', 'png'].includes(o.format)) throw new ExportError('BAD_OPTIONS', `image format must be auto, jpeg or png (got ${o.format})`);
  return o;
}

/** Every use of each picture in the book, so a picture shown by several panels is resampled and embedded once. */
export function pictureUses(pages: ComicPage[], count: number): Map<number, PictureUse[]> {
  const uses = new Map<number, PictureUse[]>();
  pages.forEach((page, index) => {
    for (const panel of page.panels) {
      if (!Number.isInteger(panel.picture) || panel.picture < 0 || panel.picture >= count) {
        throw new RangeError(`page ${index + 1}: panel shows picture ${panel.picture}, which is not in the list`);
      }
      const list = uses.get(panel.picture) ?? [];
      list.push({ rect: panel.rect, crop: panel.crop });
      uses.set(panel.picture, list);
    }
  });
  return uses;
}

/**
 * Resamples pictures ahead of the page being drawn, a few at a time, in the order pages need them: memory holds
 * the pictures in flight and the encoded bytes, never a whole book of decoded pixels.
 */
export class PicturePipeline {
  private readonly order: number[];
  private readonly started = new Map<number, Promise<PreparedPicture>>();
  private next = 0;

  constructor(pages: ComicPage[], private readonly pictures: string[], private readonly uses: Map<number, PictureUse[]>, private readonly opts: PictureOptions) {
    this.order = [...new Set(pages.flatMap((p) => p.panels.map((panel) => panel.picture)))];
  }

  /** The prepared picture; the next few in the book's order are started behind it. */
  get(picture: number): Promise<PreparedPicture> {
    const at = this.order.indexOf(picture);
    while (this.next < this.order.length && this.next <= at + PICTURE_CONCURRENCY - 1) {
      const i = this.order[this.next++];
      const promise = preparePicture(this.pictures[i], this.uses.get(i)!, this.opts);
      promise.catch(() => undefined); // reported when awaited
      this.started.set(i, promise);
    }
    const promise = this.started.get(picture) ?? preparePicture(this.pictures[picture], this.uses.get(picture)!, this.opts);
    this.started.delete(picture);
    return promise;
  }
}

/** Clips to the panel's outline, draws its picture, and strokes the outline. Returns the panel's print dpi. */
function drawPanel(page: PDFPage, name: PDFName, image: PreparedPicture & { ref: PDFRef }, panel: PanelWithOutline, look: { borderWidth: number; borderColor: string }): number {
  const h = page.getHeight();
  const { rect } = panel;
  const part = visiblePart(image.source, rect, panel.crop);
  // Page points per source pixel, and where the embedded region's top-left lands.
  const scale = pt(rect.width) / part.width;
  const left = pt(rect.x) - (part.x - image.region.x) * scale;
  const top = h - pt(rect.y) + (part.y - image.region.y) * scale;
  const w = image.region.width * scale;
  const hh = image.region.height * scale;
  const outline = panelOutline(panel);
  const path = () => [moveTo(pt(outline[0].x), h - pt(outline[0].y)), ...outline.slice(1).map((p) => lineTo(pt(p.x), h - pt(p.y))), closePath()];
  page.node.setXObject(name, image.ref);
  page.pushOperators(pushGraphicsState(), ...path(), clip(), endPath(), concatTransformationMatrix(w, 0, 0, hh, left, top - hh), drawObject(name), popGraphicsState());
  const colour = hexColour(look.borderColor);
  if (look.borderWidth > 0 && colour) {
    page.pushOperators(pushGraphicsState(), setStrokingRgbColor(...rgbOf(colour)), setLineWidth(pt(look.borderWidth)), setLineJoin(LineJoinStyle.Miter), ...path(), stroke(), popGraphicsState());
  }
  return printDpi(Math.min(part.width, (image.width / image.region.width) * part.width), rect.width);
}

/**
 * Writes a comic as a PDF: one page per layout page at its size in mm, each panel's picture resampled to the print
 * resolution asked and clipped to the panel's outline, borders, balloons lettered in embedded font subsets, the
 * models' credits both on the last page and in the document's metadata (Info /Subject, /Keywords and
 * /Attribution; XMP dc:rights). Written atomically: a failed export leaves any earlier file as it was.
 */
export async function writeComicPdf(file: string, req: ComicPdfRequest, ctx: JobContext = {}): Promise<ComicPdfResult> {
  throwIfAborted(ctx.signal);
  const opts = pictureOptions(req.images);
  const uses = pictureUses(req.pages, req.pictures.length);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const now = new Date();
  doc.setTitle(req.title, { showInWindowTitleBar: true });
  if (req.author) doc.setAuthor(req.author);
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
  const xmp = xmpPacket({ title: req.title, author: req.author, description: doc.getSubject() ?? '', rights: req.attribution.lines, creatorTool: req.creator, date: now });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  const fonts = new PdfFonts(doc);
  const faces: FaceLookup = (id) => serverFaces(id);
  loadFont(CREDITS_FONT.id);
  const pipeline = new PicturePipeline(req.pages, req.pictures, uses, opts);
  const embedded = new Map<number, PreparedPicture & { ref: PDFRef; name: PDFName }>();
  let minDpi = Infinity;
  let panels = 0;
  let pngImages = 0;
  for (const [index, layout] of (req.pages as PageWithLook[]).entries()) {
    throwIfAborted(ctx.signal);
    const page = doc.addPage([pt(layout.size.width), pt(layout.size.height)]);
    const look = pageLook(layout, req.border);
    const background = hexColour(look.background);
    if (background && background !== '#ffffff') page.pushOperators(setFillingRgbColor(...rgbOf(background)), rectangle(0, 0, page.getWidth(), page.getHeight()), fill());
    for (const panel of layout.panels) {
      let image = embedded.get(panel.picture);
      if (!image) {
        const prepared = await pipeline.get(panel.picture);
        throwIfAborted(ctx.signal);
        if (prepared.kind === 'png') pngImages++;
        const ref = embedPrepared(doc, prepared);
        // The encoded bytes now live in the document: keep only what drawing needs.
        const { bytes: _bytes, ...kept } = prepared;
        image = { ...kept, bytes: Buffer.alloc(0), ref, name: xobjectName(embedded.size) };
        embedded.set(panel.picture, image);
      }
      minDpi = Math.min(minDpi, drawPanel(page, image.name, image, panel, look));
      panels++;
    }
    // Balloons last: one may reach over a neighbouring panel, as in print.
    for (const panel of layout.panels) if (panel.balloons?.length) drawBalloons(page, fonts, faces, panel.balloons, panel.rect);
    const credits = index === req.pages.length - 1 ? placeCredits(req.attribution, layout, faces) : undefined;
    if (credits) {
      const target = credits.ownPage ? doc.addPage([pt(layout.size.width), pt(layout.size.height)]) : page;
      drawTextLayout(target, fonts, credits.layout, credits.cx, credits.cy, { ink: '#333333' });
    }
    ctx.onProgress?.({ stage: 'export', done: index + 1, total: req.pages.length, fraction: (index + 1) / req.pages.length });
  }
  fonts.finish();
  // Last: a credits page may have been added, and the boxes change what getWidth() reports.
  if (req.print) for (const page of doc.getPages()) preparePrintPage(page, req.print);
  const bytes = await doc.save({ useObjectStreams: true });
  throwIfAborted(ctx.signal);
  await writeFileAtomic(file, bytes);
  return { file, pages: doc.getPageCount(), panels, bytes: bytes.length, minDpi: Number.isFinite(minDpi) ? minDpi : 0, images: embedded.size, pngImages };
}

