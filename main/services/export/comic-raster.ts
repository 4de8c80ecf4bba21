import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipPassThrough, ZipDeflate } from 'fflate';
import sharp from 'sharp';
import type { FaceLookup } from '../../../app/balloons';
import type { ComicPage, ReadingOrder } from '../../../app/page';
import type { JobContext } from '../../../app/progress';
import { throwIfAborted } from '../jobs';
import { serverFaces } from '../lettering';
import { renameDurable, StagedFiles, tempPathBeside, writeFileAtomic } from '../store';
import type { ModelAttribution } from '../stylize';
import { PicturePipeline, pictureOptions, pictureUses } from './comic-pdf';
import { placeCredits } from './credits';
import { comicInfoXml } from './comic-info';
import { pageLook, type PageWithLook } from './page-look';
import { rasterPage } from './page-raster';
import { textSvg } from './page-svg';
import { ExportError, type PictureOptions } from './pdf-pictures';

export interface RasterRequest {
  pages: ComicPage[];
  pictures: string[];
  title: string;
  author?: string;
  attribution: ModelAttribution;
  readingOrder: ReadingOrder;
  /** Border width (mm) when a page does not say. */
  border?: number;
  /** dpi of the pages (and the pictures in them), page encoding: JPEG quality, or PNG where smaller. */
  images?: Partial<PictureOptions>;
}

export interface RasterResult {
  /** The folder of PNG pages, or the CBZ. */
  file: string;
  files: string[];
  pages: number;
  panels: number;
  bytes: number;
  width: number;
  height: number;
}

/** Pages in order as encoded images, one at a time (a page's pixels are let go before the next is drawn). */
async function* encodedPages(req: RasterRequest, encoding: 'png' | 'auto' | 'jpeg', ctx: JobContext) {
  const opts = pictureOptions(req.images);
  const faces: FaceLookup = (id) => serverFaces(id);
  const uses = pictureUses(req.pages, req.pictures.length);
  const pipeline = new PicturePipeline(req.pages, req.pictures, uses, opts);
  const pages = req.pages as PageWithLook[];
  const last = pages[pages.length - 1];
  const credits = last ? placeCredits(req.attribution, last, faces) : undefined;
  const creditsSvg = credits ? textSvg(credits.layout, credits.cx, credits.cy, faces(credits.layout.fontId as never)!, '#333333') : '';
  const all: PageWithLook[] = credits?.ownPage ? [...pages, { size: last.size, panels: [] }] : pages;
  for (const [index, page] of all.entries()) {
    throwIfAborted(ctx.signal);
    const extra = credits && (credits.ownPage ? index === all.length - 1 : index === pages.length - 1) ? creditsSvg : '';
    const { raw, width, height } = await rasterPage(page, pageLook(page, req.border), pipeline, faces, opts.dpi, extra);
    const img = () => sharp(raw, { raw: { width, height, channels: 3 } }).withMetadata({ density: opts.dpi });
    let kind: 'png' | 'jpeg' = encoding === 'jpeg' ? 'jpeg' : 'png';
    if (encoding === 'auto') {
      // JPEG or PNG, whichever is smaller on a quarter-size copy (a whole page as PNG costs several JPEGs).
      const proxy = () => img().resize(Math.max(8, Math.round(width / 4)), Math.max(8, Math.round(height / 4)), { kernel: 'nearest' });
      const [pj, pp] = await Promise.all([proxy().jpeg({ quality: opts.quality }).toBuffer(), proxy().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()]);
      kind = pp.length < pj.length ? 'png' : 'jpeg';
    }
    const bytes = kind === 'png' ? await img().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer() : await img().jpeg({ quality: opts.quality }).toBuffer();
    ctx.onProgress?.({ stage: 'export', done: index + 1, total: all.length, fraction: (index + 1) / all.length });
    yield { index, kind, bytes, width, height, panels: page.panels.length };
  }
}

const pageName = (i: number, count: number, kind: string) => `page-${String(i + 1).padStart(Math.max(3, String(count).length), '0')}.${kind === 'jpeg' ? 'jpg' : 'png'}`;

/**
 * One PNG per page at the chosen dpi into `dir`: written into a staging folder in it and swapped in only when every
 * page is there, so a cancel, a failure or a kill leaves an earlier export as it was. The pages of an earlier export
 * into the same folder that this one does not have are removed with the swap; any other file there is left alone.
 */
export async function writePngPages(dir: string, req: RasterRequest, ctx: JobContext = {}): Promise<RasterResult> {
  throwIfAborted(ctx.signal);
  const made = await mkdir(dir, { recursive: true });
  const count = req.pages.length + 1;
  // A page name already in the folder that no earlier export of this app wrote there is the user's: never replaced.
  const earlier = await earlierPages(dir);
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const taken = req.pages.map((_, i) => pageName(i, count, 'png')).filter((n) => present.has(n) && !earlier.includes(n));
  if (taken.length) {
    throw new ExportError('TARGET_TAKEN', `${dir} already has ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ` and ${taken.length - 3} more` : ''}, not written by an earlier export of this comic app: choose an empty folder (or the folder of an earlier export)`);
  }
  // The pages are made aside and swapped in together (StagedFiles: crash-consistent); the folder may be one the
  // user picked, so nothing in it but the pages an earlier export wrote (its list) is ever replaced or removed.
  const stage = await StagedFiles.create(dir);
  const files: string[] = [];
  let bytes = 0;
  let panels = 0;
  let size = { width: 0, height: 0 };
  try {
    for await (const p of encodedPages(req, 'png', ctx)) {
      const name = pageName(p.index, count, 'png');
      await writeFileAtomic(stage.path(name), p.bytes);
      files.push(name);
      bytes += p.bytes.length;
      panels += p.panels;
      size = { width: p.width, height: p.height };
    }
    throwIfAborted(ctx.signal);
    await writeFileAtomic(stage.path(PAGES_LIST), `${JSON.stringify({ pages: files })}\n`);
    await stage.commit({ remove: earlier });
  } catch (err) {
    await stage.discard();
    if (made) await rmdir(dir).catch(() => undefined);
    throw err;
  }
  return { file: dir, files: files.map((f) => join(dir, f)), pages: files.length, panels, bytes, ...size };
}

/** Beside PNG pages: the names of the pages this app wrote into the folder (so the next export replaces only them). */
const PAGES_LIST = '.your-cartoon-pages.json';

async function earlierPages(dir: string): Promise<string[]> {
  try {
    const list = JSON.parse(await readFile(join(dir, PAGES_LIST), 'utf8')) as { pages?: unknown };
    return Array.isArray(list.pages) ? list.pages.filter((n): n is string => typeof n === 'string' && /^page-\d+\.png$/.test(n)) : [];
  } catch {
    return [];
  }
}

/**
 * A CBZ for comic readers: the pages as images (JPEG, or PNG where smaller) in reading order, and ComicInfo.xml
 * (title, author, page count, Manga=YesAndRightToLeft for right-to-left books, the credits). Streamed into a
 * temporary file beside `file` and renamed into place when complete.
 */
export async function writeCbz(file: string, req: RasterRequest, ctx: JobContext = {}): Promise<RasterResult> {
  throwIfAborted(ctx.signal);
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempPathBeside(file);
  const out = createWriteStream(tmp);
  let failed: Error | undefined;
  out.on('error', (e) => (failed = e));
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const pages: Array<{ name: string; width: number; height: number; bytes: number }> = [];
  let bytes = 0;
  let panels = 0;
  try {
    const count = req.pages.length + 1;
    for await (const p of encodedPages(req, 'auto', ctx)) {
      const name = pageName(p.index, count, p.kind);
      const entry = new ZipPassThrough(name); // already compressed
      zip.add(entry);
      entry.push(p.bytes, true);
      pages.push({ name, width: p.width, height: p.height, bytes: p.bytes.length });
      bytes += p.bytes.length;
      panels += p.panels;
      if (failed) throw failed;
      // Let the file stream drain: memory holds about one page.
      if (out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    throwIfAborted(ctx.signal);
    const info = new ZipDeflate('ComicInfo.xml', { level: 9 });
    zip.add(info);
    info.push(new TextEncoder().encode(comicInfoXml({ title: req.title, author: req.author, readingOrder: req.readingOrder, credits: req.attribution.lines, pages })), true);
    zip.end();
    await closed;
    if (failed) throw failed;
    await renameDurable(tmp, file);
  } catch (err) {
    zip.terminate();
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  return { file, files: pages.map((p) => p.name), pages: pages.length, panels, bytes, width: pages[0]?.width ?? 0, height: pages[0]?.height ?? 0 };
}

export const cbzName = (title: string) => `${basename(title).replace(/[\\/:*?"<>|]/g, '_') || 'comic'}.cbz`;
