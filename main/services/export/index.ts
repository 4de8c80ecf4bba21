// The export service's public surface: the comic as a print-ready PDF, PNG pages or a CBZ.
export { writeComicPdf, ExportError, pictureOptions } from './comic-pdf';
export type { ComicPdfRequest, ComicPdfResult } from './comic-pdf';
export { writeCbz, writePngPages } from './comic-raster';
export type { RasterRequest, RasterResult } from './comic-raster';
export { exportComic } from './export-comic';
export type { ComicExport, ComicExportResult } from './export-comic';
export { PRINT_SETUP, printSetup } from './print-marks';
export type { PrintSetup } from './print-marks';
export type { PictureOptions } from './pdf-pictures';
