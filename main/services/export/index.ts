// The export service's public surface: the comic as a print-ready PDF, PNG pages and a CBZ.
export { writeComicPdf, ExportError, pictureOptions } from './comic-pdf';
export type { ComicPdfRequest, ComicPdfResult } from './comic-pdf';
export { exportComic } from './export-comic';
export type { ComicExport } from './export-comic';
export { PRINT_SETUP } from './print-marks';
export type { PrintSetup } from './print-marks';
export type { PictureOptions } from './pdf-pictures';
