import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PDFName, PDFRef, type PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { MM_PER_INCH, visiblePart, type PanelCrop, type Rect } from '../../../app/page';

/** A picture the export cannot use (unreadable, or not an image), named. */
export class ExportError extends Error {
  constructor(
    readonly code: 'UNSUPPORTED_IMAGE' | 'MISSING_IMAGE' | 'BAD_OPTIONS' | 'TARGET_TAKEN',
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** How pictures go into the document: at most `dpi` pixels per inch of print, JPEG at `quality`, or PNG where smaller. */
export interface PictureOptions {
  dpi: number;
  /** JPEG quality 1..100. */
  quality: number;
  /** auto: PNG when it is the smaller file (flat cartoon colours), else JPEG. */
  format: 'auto' | 'jpeg' | 'png';
}

export const DEFAULT_PICTURE_OPTIONS: PictureOptions = { dpi: 300, quality: 88, format: 'auto' };

/** One use of a picture: the panel's printed size (mm) and the crop it shows. */
export interface PictureUse {
  rect: Rect;
  crop: PanelCrop;
}

/** A picture ready to embed, already at print resolution: its bytes, pixel size and the part of the source it holds. */
export interface PreparedPicture {
  kind: 'jpeg' | 'png';
  bytes: Buffer;
  width: number;
  height: number;
  /** The source region it shows, in source pixels (the whole picture when several panels share it). */
  region: Rect;
  source: { width: number; height: number };
}

export async function readPicture(file: string): Promise<{ bytes: Buffer; width: number; height: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new ExportError('MISSING_IMAGE', `${file}: cannot read the panel's picture (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  try {
    const meta = await sharp(bytes).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = turned ? meta.height : meta.width;
    const height = turned ? meta.width : meta.height;
    if (!width || !height) throw new Error('no size');
    return { bytes, width, height };
  } catch {
    throw new ExportError('UNSUPPORTED_IMAGE', `${basename(file)}: not a PNG, JPEG or WebP picture (or a damaged one)`);
  }
}

const px = (mm: number, dpi: number) => Math.max(1, Math.round((mm / MM_PER_INCH) * dpi));

/**
 * Resamples a picture for print: one panel's use is cut to the part it shows and scaled to the panel's printed size
 * at `dpi` (never enlarged); a picture several panels share is embedded once, whole, at the finest scale any of them
 * needs. Then JPEG, or PNG where PNG is smaller.
 */
export async function preparePicture(file: string, uses: PictureUse[], opts: PictureOptions): Promise<PreparedPicture> {
  const src = await readPicture(file);
  const source = { width: src.width, height: src.height };
  let region: Rect;
  let width: number;
  let height: number;
  if (uses.length === 1) {
    const part = visiblePart(source, uses[0].rect, uses[0].crop);
    const x = Math.floor(part.x);
    const y = Math.floor(part.y);
    region = { x, y, width: Math.min(source.width - x, Math.ceil(part.x + part.width) - x), height: Math.min(source.height - y, Math.ceil(part.y + part.height) - y) };
    // Print size of the panel at dpi, or the source's own pixels when it has fewer.
    const s = Math.min(1, px(uses[0].rect.width, opts.dpi) / part.width, px(uses[0].rect.height, opts.dpi) / part.height);
    width = s === 1 ? region.width : px(uses[0].rect.width, opts.dpi);
    height = s === 1 ? region.height : px(uses[0].rect.height, opts.dpi);
  } else {
    region = { x: 0, y: 0, ...source };
    const s = Math.min(1, Math.max(...uses.map((u) => {
      const part = visiblePart(source, u.rect, u.crop);
      return px(u.rect.width, opts.dpi) / part.width;
    })));
    width = Math.max(1, Math.round(source.width * s));
    height = Math.max(1, Math.round(source.height * s));
  }
  const base = sharp(src.bytes, { failOn: 'error' })
    .rotate()
    .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .flatten({ background: '#ffffff' })
    .toColorspace('srgb')
    .removeAlpha();
  // Decoded and resampled once; the encoders (and the format test) start from these pixels.
  const { data, info } = await base.raw().toBuffer({ resolveWithObject: true });
  const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as 3 } });
  // Without the Huffman-optimising pass (lossless: the same pixels decode): 8 ms instead of 30 for a 1075×1028 panel
  // at quality 88, the file about 1 % larger (bench/README.md, "Fourth stop").
  const jpegOf = (img: sharp.Sharp) =>
    img.jpeg({ quality: opts.quality, chromaSubsampling: opts.quality >= 90 ? '4:4:4' : '4:2:0', mozjpeg: false, optimiseCoding: false }).toBuffer();
  const pngOf = (img: sharp.Sharp) => img.png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer();
  let kind: 'jpeg' | 'png' = opts.format === 'png' ? 'png' : 'jpeg';
  if (opts.format === 'auto') {
    // Which is smaller, judged on a quarter-size copy (PNG encoding of the whole picture costs five JPEGs): flat
    // cartoon colours come out smaller as PNG, photographs and gradients as JPEG.
    const proxy = () => pixels().resize(Math.max(8, Math.round(info.width / 4)), Math.max(8, Math.round(info.height / 4)), { kernel: 'nearest' });
    const [pj, pp] = await Promise.all([jpegOf(proxy()), pngOf(proxy())]);
    kind = pp.length < pj.length ? 'png' : 'jpeg';
  }
  const bytes = kind === 'jpeg' ? await jpegOf(pixels()) : await pngOf(pixels());
  return { kind, bytes, width, height, region, source };
}

/** The IDAT data of an 8-bit RGB, non-interlaced PNG: exactly a PDF FlateDecode stream with PNG predictors. */
function pngIdat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IHDR') {
      const depth = png[at + 16];
      const colour = png[at + 17];
      const interlace = png[at + 20];
      if (depth !== 8 || colour !== 2 || interlace !== 0) throw new Error('expected an 8-bit RGB PNG');
    }
    if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

/** Puts a prepared picture in the document as an image XObject without decoding it again (DCT or Flate with predictors). */
export function embedPrepared(doc: PDFDocument, p: PreparedPicture): PDFRef {
  const ctx = doc.context;
  const dict =
    p.kind === 'jpeg'
      ? { Type: 'XObject', Subtype: 'Image', Width: p.width, Height: p.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }
      : {
          Type: 'XObject',
          Subtype: 'Image',
          Width: p.width,
          Height: p.height,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'FlateDecode',
          DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: p.width },
        };
  const stream = ctx.stream(p.kind === 'jpeg' ? p.bytes : pngIdat(p.bytes), dict);
  return ctx.register(stream);
}

export const xobjectName = (i: number) => PDFName.of(`YCImg${i}`);
