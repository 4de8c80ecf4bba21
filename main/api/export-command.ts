import { basename, join, resolve } from 'node:path';
import type { ExportRequest, ExportResult } from '../../app/api';
import { isBalloon } from '../../app/balloons';
import { DEFAULT_PAGE_STYLE, isPageSizeId, PAGE_SIZES, type ComicPage, type PageStyle } from '../../app/page';
import type { JobContext } from '../../app/progress';
import { exportComic, PRINT_SETUP } from '../services/export';
import { modelAttribution } from '../services/stylize';
import { listModels } from '../services/stylize/install';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';

export interface ExportPlan {
  file: string;
  pictures: string[];
  title: string;
  models: string[];
  style: PageStyle;
  pages?: ComicPage[];
  print: boolean;
}

const finite = (...values: unknown[]) => values.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Pages from the renderer: sizes, rectangles and crops are numbers, every panel names one of the pictures. */
function checkPages(value: unknown, pictures: number): ComicPage[] {
  if (!Array.isArray(value) || !value.length) throw new RequestError('BAD_REQUEST', 'pages: expected a list of pages');
  value.forEach((page: ComicPage, i) => {
    // A page may be blank (no panels); a panel may be a polygon (3..8 corners); a page may bring its paper and borders.
    const ok =
      page && finite(page.size?.width, page.size?.height) && page.size.width > 0 && page.size.height > 0 && Array.isArray(page.panels) &&
      (page.style === undefined || (page.style && typeof page.style.background === 'string' && typeof page.style.borderColor === 'string' && finite(page.style.borderWidth) && page.style.borderWidth >= 0)) &&
      page.panels.every(
        (p) => p && finite(p.rect?.x, p.rect?.y, p.rect?.width, p.rect?.height, p.crop?.centerX, p.crop?.centerY, p.crop?.zoom) &&
          p.rect.width > 0 && p.rect.height > 0 && Number.isInteger(p.picture) && p.picture >= 0 && p.picture < pictures &&
          (p.outline === undefined || (Array.isArray(p.outline) && p.outline.length >= 3 && p.outline.length <= 8 && p.outline.every((c) => c && finite(c.x, c.y)))) &&
          (p.balloons === undefined || (Array.isArray(p.balloons) && p.balloons.every(isBalloon))),
      );
    if (!ok) throw new RequestError('BAD_REQUEST', `pages[${i}]: malformed (a size, a panel's rectangle, crop or balloon, or a picture out of range)`);
  });
  return value as ComicPage[];
}

export function planExport(request: ExportRequest): ExportPlan {
  const req = requireObject(request, 'startExport');
  const outFile = optionalString(req.outFile, 'outFile');
  const projectDir = optionalString(req.projectDir, 'projectDir');
  if (!outFile && !projectDir) throw new RequestError('BAD_REQUEST', 'startExport: give outFile or projectDir');
  if (outFile && !/\.pdf$/i.test(outFile)) throw new RequestError('BAD_REQUEST', `outFile: "${outFile}" is not a .pdf file`);
  const page = optionalString(req.page, 'page') ?? 'a4';
  if (!isPageSizeId(page)) throw new RequestError('BAD_REQUEST', `page: "${page}" is not one of ${Object.keys(PAGE_SIZES).join(', ')}`);
  const order = optionalString(req.readingOrder, 'readingOrder') ?? 'ltr';
  if (order !== 'ltr' && order !== 'rtl') throw new RequestError('BAD_REQUEST', `readingOrder: "${order}" is not ltr or rtl`);
  const models = Array.isArray(req.models) ? req.models.map((m, i) => requireString(m, `models[${i}]`)) : [];
  const pictures = requireStrings(req.pictures, 'pictures').map((p) => resolve(p));
  return {
    file: resolve(outFile ?? join(projectDir as string, 'comic.pdf')),
    pictures,
    title: requireString(req.title, 'title'),
    models,
    style: { ...DEFAULT_PAGE_STYLE, size: PAGE_SIZES[page], readingOrder: order },
    ...(req.pages !== undefined ? { pages: checkPages(req.pages, pictures.length) } : {}),
    print: req.print === true,
  };
}

/** Writes the comic PDF; the models' credits come from the catalog (or the record of an imported model). */
export async function runExport(plan: ExportPlan, roots: ImageRoots, ctx: JobContext): Promise<ExportResult> {
  const listings = listModels();
  const attribution = modelAttribution(plan.models.map((id) => listings.find((l) => l.entry.id === id)));
  const pdf = await exportComic(plan.file, { pictures: plan.pictures, style: plan.style, title: plan.title, attribution, pages: plan.pages, ...(plan.print ? { print: PRINT_SETUP } : {}) }, ctx);
  const dir = resolve(plan.file, '..');
  return {
    kind: 'export',
    file: pdf.file,
    document: roots.refFor(dir, basename(pdf.file)),
    pages: pdf.pages,
    panels: pdf.panels,
    minDpi: pdf.minDpi,
    credits: attribution.lines,
  };
}
