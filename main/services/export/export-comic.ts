import type { ExportFormat } from '../../../app/export-settings';
import type { ComicPage, PageStyle } from '../../../app/page';
import type { JobContext } from '../../../app/progress';
import { autoLayout } from '../layout';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { appCreator, cleanStaleTemps } from '../store';
import type { ModelAttribution } from '../stylize';
import { writeComicPdf } from './comic-pdf';
import { writeCbz, writePngPages } from './comic-raster';
import type { PictureOptions } from './pdf-pictures';
import type { PrintSetup } from './print-marks';

export interface ComicExport {
  /** The panels' pictures, in reading order. */
  pictures: string[];
  style: PageStyle;
  title: string;
  author?: string;
  attribution: ModelAttribution;
  /** Pages laid out by the user; default the automatic layout of the pictures on pages of `style`. */
  pages?: ComicPage[];
  /** Bleed and crop marks for a print shop (PDF). */
  print?: PrintSetup;
  /** pdf (default), png (a folder of pages) or cbz. */
  format?: ExportFormat;
  images?: Partial<PictureOptions>;
}

export interface ComicExportResult {
  format: ExportFormat;
  /** The PDF, the CBZ, or the folder of PNG pages. */
  file: string;
  /** PNG pages: their files. */
  files?: string[];
  pages: number;
  panels: number;
  bytes: number;
  /** The lowest resolution a panel prints at (PDF), or the pages' resolution (PNG, CBZ). */
  minDpi: number;
}

/** The whole comic in one go: its pages (by default the automatic layout) written as a PDF, PNG pages or a CBZ. */
export async function exportComic(file: string, comic: ComicExport, ctx: JobContext = {}): Promise<ComicExportResult> {
  await mkdir(dirname(file), { recursive: true });
  await cleanStaleTemps(dirname(file));
  const pages = comic.pages ?? autoLayout(comic.pictures.length, comic.style);
  const { pictures, title, author, attribution, print, images } = comic;
  const format = comic.format ?? 'pdf';
  if (format === 'pdf') {
    const r = await writeComicPdf(file, { pages, pictures, title, ...(author ? { author } : {}), attribution, creator: appCreator(), ...(print ? { print } : {}), ...(images ? { images } : {}) }, ctx);
    return { format, file: r.file, pages: r.pages, panels: r.panels, bytes: r.bytes, minDpi: r.minDpi };
  }
  const req = { pages, pictures, title, ...(author ? { author } : {}), attribution, readingOrder: comic.style.readingOrder, ...(images ? { images } : {}) };
  const r = format === 'cbz' ? await writeCbz(file, req, ctx) : await writePngPages(file, req, ctx);
  return { format, file: r.file, ...(format === 'png' ? { files: r.files } : {}), pages: r.pages, panels: r.panels, bytes: r.bytes, minDpi: images?.dpi ?? 300 };
}
