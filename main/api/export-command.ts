import { basename, join, resolve } from 'node:path';
import type { ExportRequest, ExportResult } from '../../app/api';
import { isBalloon } from '../../app/balloons';
import { DEFAULT_PAGE_STYLE, isPageSizeId, PAGE_SIZES, type ComicPage, type PageStyle } from '../../app/page';
import type { JobContext } from '../../app/progress';
import { EXPORT_FILE_NAMES, exportSettingsProblem, type ExportFormat, type ExportSettings } from '../../app/export-settings';
import { exportComic, printSetup, type PictureOptions, type PrintSetup } from '../services/export';
import { modelAttribution } from '../services/stylize';
import { listModels } from '../services/stylize/install';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';

export interface ExportPlan {
  file: string;
  pictures: string[];
  title: string;
  author?: string;
  models: string[];
  style: PageStyle;
  pages?: ComicPage[];
  print?: PrintSetup;
  format: ExportFormat;
  images: PictureOptions;
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
  const asked = { format: req.format, dpi: req.dpi, quality: req.quality, images: req.images, bleed: req.bleed, marks: req.marks, author: req.author } as Partial<ExportSettings>;
  const settingsProblem = exportSettingsProblem(asked);
  if (settingsProblem) throw new RequestError('BAD_REQUEST', settingsProblem);
  const format: ExportFormat = asked.format ?? 'pdf';
  if (outFile && format !== 'png' && !new RegExp(`\\.${format}$`, 'i').test(outFile)) throw new RequestError('BAD_REQUEST', `outFile: "${outFile}" is not a .${format} file`);
  if (outFile && format === 'png' && /\.(pdf|cbz|png)$/i.test(outFile)) throw new RequestError('BAD_REQUEST', `outFile: PNG pages go into a folder, not "${outFile}"`);
  const page = optionalString(req.page, 'page') ?? 'a4';
  if (!isPageSizeId(page)) throw new RequestError('BAD_REQUEST', `page: "${page}" is not one of ${Object.keys(PAGE_SIZES).join(', ')}`);
  const order = optionalString(req.readingOrder, 'readingOrder') ?? 'ltr';
  if (order !== 'ltr' && order !== 'rtl') throw new RequestError('BAD_REQUEST', `readingOrder: "${order}" is not ltr or rtl`);
  const models = Array.isArray(req.models) ? req.models.map((m, i) => requireString(m, `models[${i}]`)) : [];
  const pictures = requireStrings(req.pictures, 'pictures').map((p) => resolve(p));
  const print = req.print === true ? printSetup(true, true) : printSetup(asked.bleed === true, asked.marks === true);
  return {
    file: resolve(outFile ?? join(projectDir as string, EXPORT_FILE_NAMES[format])),
    pictures,
    title: requireString(req.title, 'title'),
    models,
    style: { ...DEFAULT_PAGE_STYLE, size: PAGE_SIZES[page], readingOrder: order },
    ...(req.pages !== undefined ? { pages: checkPages(req.pages, pictures.length) } : {}),
    ...(asked.author ? { author: asked.author } : {}),
    ...(print ? { print } : {}),
    format,
    images: { dpi: asked.dpi ?? 300, quality: asked.quality ?? 88, format: asked.images ?? 'auto' },
  };
}

/** Writes the comic PDF; the models' credits come from the catalog (or the record of an imported model). */
export async function runExport(plan: ExportPlan, roots: ImageRoots, ctx: JobContext): Promise<ExportResult> {
  const listings = listModels();
  const attribution = modelAttribution(plan.models.map((id) => listings.find((l) => l.entry.id === id)));
  const out = await exportComic(
    plan.file,
    { pictures: plan.pictures, style: plan.style, title: plan.title, ...(plan.author ? { author: plan.author } : {}), attribution, pages: plan.pages, format: plan.format, images: plan.images, ...(plan.print ? { print: plan.print } : {}) },
    ctx,
  );
  // The document to open: the PDF or CBZ, or the first PNG page (its folder registered for the others).
  const shown = out.files?.[0] ?? out.file;
  const dir = resolve(shown, '..');
  return {
    kind: 'export',
    format: out.format,
    file: out.file,
    document: roots.refFor(dir, basename(shown)),
    ...(out.files ? { files: out.files } : {}),
    pages: out.pages,
    panels: out.panels,
    minDpi: out.minDpi,
    bytes: out.bytes,
    credits: attribution.lines,
  };
}
