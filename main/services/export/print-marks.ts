import { rgb, type PDFPage } from 'pdf-lib';
import { MM_PER_INCH } from '../../../app/page';

const pt = (mm: number) => (mm / MM_PER_INCH) * 72;

/** What a printer asks of a page: bleed beyond the trim, and crop marks in the slug outside it. */
export interface PrintSetup {
  /** Bleed beyond the trimmed page on every side (mm); 0.125 in (3.175 mm) is the usual ask. */
  bleed: number;
  /** Crop marks at the trim's corners, outside the bleed. */
  marks: boolean;
}

/** Print-on-demand practice (KDP, IngramSpark, Lulu): an eighth of an inch of bleed, crop marks outside it. */
export const PRINT_SETUP: PrintSetup = { bleed: 3.175, marks: true };

/** The print setup of an export's choices: undefined (a page for screens) when neither bleed nor marks. */
export function printSetup(bleed: boolean, marks: boolean): PrintSetup | undefined {
  return bleed || marks ? { bleed: bleed ? PRINT_SETUP.bleed : 0, marks } : undefined;
}

/** Room around the bleed for the crop marks (mm). */
const SLUG_MM = 10;
const MARK_GAP_MM = 1;
const MARK_LENGTH_MM = 6;

/**
 * Sets a page's boxes for print (TrimBox: the comic page; BleedBox: the bleed around it; MediaBox: the bleed and
 * the slug with the marks) and draws the crop marks. Drawing stays in trim coordinates: the larger boxes reach into
 * negative coordinates around them.
 */
export function preparePrintPage(page: PDFPage, print: PrintSetup): void {
  const w = page.getWidth();
  const h = page.getHeight();
  const bleed = pt(print.bleed);
  const outer = print.marks ? bleed + pt(SLUG_MM) : bleed;
  page.setMediaBox(-outer, -outer, w + 2 * outer, h + 2 * outer);
  page.setBleedBox(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed);
  page.setTrimBox(0, 0, w, h);
  if (!print.marks) return;
  const start = bleed + pt(MARK_GAP_MM);
  const end = start + pt(MARK_LENGTH_MM);
  const line = { thickness: 0.25, color: rgb(0, 0, 0) };
  for (const x of [0, w]) {
    for (const y of [0, h]) {
      const sx = x === 0 ? -1 : 1;
      const sy = y === 0 ? -1 : 1;
      // One mark along each trim edge through the corner, in the slug, never inside the bleed.
      page.drawLine({ start: { x: x + sx * start, y }, end: { x: x + sx * end, y }, ...line });
      page.drawLine({ start: { x, y: y + sy * start }, end: { x, y: y + sy * end }, ...line });
    }
  }
}
