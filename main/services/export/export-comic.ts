import type { ComicPage, PageStyle } from '../../../app/page';
import type { JobContext } from '../../../app/progress';
import { autoLayout } from '../layout';
import { dirname } from 'node:path';
import { appCreator, cleanStaleTemps } from '../store';
import type { ModelAttribution } from '../stylize';
import { writeComicPdf, type ComicPdfResult } from './comic-pdf';
import type { PrintSetup } from './print-marks';

export interface ComicExport {
  /** The panels' pictures, in reading order. */
  pictures: string[];
  style: PageStyle;
  title: string;
  attribution: ModelAttribution;
  /** Pages laid out by the user; default the automatic layout of the pictures on pages of `style`. */
  pages?: ComicPage[];
  /** Bleed and crop marks for a print shop. */
  print?: PrintSetup;
}

/** The whole comic in one go: its pages (by default the automatic layout) written as a PDF. */
export async function exportComic(file: string, comic: ComicExport, ctx: JobContext = {}): Promise<ComicPdfResult> {
  await cleanStaleTemps(dirname(file));
  const pages = comic.pages ?? autoLayout(comic.pictures.length, comic.style);
  const { pictures, title, attribution, print } = comic;
  return writeComicPdf(file, { pages, pictures, title, attribution, creator: appCreator(), ...(print ? { print } : {}) }, ctx);
}
