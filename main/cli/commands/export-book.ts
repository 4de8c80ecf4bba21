import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { exportSettingsOf, exportSettingsProblem, type ExportFormat, type ExportSettings, type ImageEncoding } from '../../../app/export-settings';
import { isPageSizeId, PAGE_SIZES, type PageSize } from '../../../app/page';
import { exportPages, pageStyleOf } from '../../../app/pages';
import { comicKeyframes, layoutOf, projectPages, type Project } from '../../../app/project';
import { ImageRoots } from '../../api/image-roots';
import { findPanels } from '../../api/stylize-command';
import { exportComic, printSetup } from '../../services/export';
import { readProject } from '../../services/store';
import { modelAttribution } from '../../services/stylize';
import { listModels } from '../../services/stylize/install';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';

const usage = `Usage: your-cartoon export PROJECT_DIR --out FILE.pdf|FILE.cbz|DIR [options]

Exports a book made in the editor, exactly as laid out there (pages, panels, crops, balloons), with the panels the
editor drew in the project's style: a PDF for print, a CBZ for comic readers, or one PNG per page into DIR.
The format follows --out (.pdf, .cbz, anything else a folder); choices not given come from the project's saved
export settings.

Options:
  -o, --out PATH         FILE.pdf, FILE.cbz, or a folder for PNG pages (replaced only once complete)
      --dpi N            print resolution of the pictures and pages (150, 300, 600; default the project's or 300)
      --quality Q        JPEG quality 1..100 (default 88)
      --images KIND      auto (JPEG, or PNG where smaller), jpeg or png
      --bleed            0.125 in bleed with TrimBox and BleedBox (PDF)
      --marks            crop marks outside the bleed (PDF)
      --page SIZE        ${Object.keys(PAGE_SIZES).join('|')} or WxH in mm (e.g. 200x280): the page size
      --title TEXT       the document's title (default the project's, else the video's name)
      --author TEXT      the document's author
      --unstyled         use the key frames as they are when no panels were drawn
      --json             print the result as JSON on stdout`;

function formatOf(out: string): ExportFormat {
  const ext = extname(out).toLowerCase();
  return ext === '.pdf' ? 'pdf' : ext === '.cbz' ? 'cbz' : 'png';
}

/** --page: a preset id or WIDTHxHEIGHT in mm. */
export function pageSizeOption(value: string | undefined): PageSize | undefined {
  if (value === undefined) return undefined;
  const id = value.toLowerCase();
  if (isPageSizeId(id)) return PAGE_SIZES[id];
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/i.exec(value);
  if (!m) throw new UsageError(`--page must be one of ${Object.keys(PAGE_SIZES).join(', ')} or WxH in mm (got "${value}")`);
  const [width, height] = [Number(m[1]), Number(m[2])];
  if (width < 50 || height < 50 || width > 1000 || height > 1000) throw new UsageError(`--page ${value}: each side must be 50 to 1000 mm`);
  return { id: 'custom', name: `${width} × ${height} mm`, width, height };
}

/** The key frames' panels the editor drew in the project's style and the panels' own styles (or the frames themselves with --unstyled). */
async function panelPictures(dir: string, project: Project, unstyled: boolean): Promise<{ pictures: string[]; models: string[] }> {
  const kept = comicKeyframes(project);
  const frames = kept.map((k) => join(dir, 'frames', k.file));
  const missing = frames.find((f) => !existsSync(f));
  if (missing) throw new Error(`${missing}: a key frame's picture is missing (analyse the video again in the editor)`);
  const model = project.style?.model;
  const people = project.style?.people ?? '';
  if (model) {
    const regions = people.startsWith('instagan:') ? { instagan: people.slice(9) } : people === 'photo' ? { people: 'photo' } : people.startsWith('style:') ? { people: people.slice(6) } : {};
    const marked = Object.fromEntries(kept.flatMap((k, i) => (project.regions?.[k.id]?.length ? [[frames[i], project.regions[k.id]]] : [])));
    // Panels the user gave a style of their own (the editor's per-panel style): their pictures come from that style's folder.
    const own = regions.instagan ? {} : Object.fromEntries(kept.flatMap((k, i) => (project.style?.panels?.[k.id] && project.style.panels[k.id] !== model ? [[frames[i], project.style.panels[k.id]]] : [])));
    const found = await findPanels(
      { projectDir: dir, model, ...regions, ...(people && Object.keys(marked).length ? { regions: marked } : {}), ...(Object.keys(own).length ? { panelModels: own } : {}), images: frames },
      new ImageRoots(),
    ).catch(() => null);
    if (found) return { pictures: found.files.map((f) => f.output), models: found.models };
  }
  if (!unstyled) {
    throw new Error(`${dir}: no panels drawn for these key frames${model ? ` in the style ${model}` : ''}: make them in the editor (or with your-cartoon stylize), or give --unstyled to use the key frames as they are`);
  }
  return { pictures: frames, models: [] };
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a book made in the editor as a PDF, a CBZ or PNG pages',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(argv, {
      out: { type: 'string', short: 'o' },
      dpi: { type: 'string' },
      quality: { type: 'string' },
      images: { type: 'string' },
      bleed: { type: 'boolean' },
      marks: { type: 'boolean' },
      page: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      unstyled: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('give one project folder');
    if (!values.out) throw new UsageError('--out FILE.pdf|FILE.cbz|DIR is required');
    const dir = resolve(positionals[0]);
    const out = resolve(values.out);
    const format = formatOf(out);
    const quality = numberOption(values.quality, 'quality', 1, 100);
    const asked: Partial<ExportSettings> = {
      format,
      ...(values.dpi !== undefined ? { dpi: numberOption(values.dpi, 'dpi', 36, 2400) } : {}),
      ...(quality !== undefined ? { quality: Math.round(quality) } : {}),
      ...(values.images !== undefined ? { images: values.images as ImageEncoding } : {}),
      ...(values.bleed ? { bleed: true } : {}),
      ...(values.marks ? { marks: true } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
    };
    const problem = exportSettingsProblem(asked);
    if (problem) throw new UsageError(problem.replace(/^(\w+)/, '--$1'));
    const size = pageSizeOption(values.page);
    const project = await readProject(dir);
    if (!project) throw new Error(`${dir}: no project.json (a project folder is made by the editor or by your-cartoon keyframes)`);
    const settings = { ...exportSettingsOf(project.exportSettings), ...asked };
    const pages = exportPages(projectPages(project)).map((p) => (size ? { ...p, size } : p));
    if (!pages.length || !pages.some((p) => p.panels.length)) throw new Error(`${dir}: the book has no panel to export (keep some key frames)`);
    const { pictures, models } = await panelPictures(dir, project, !!values.unstyled);
    const listings = listModels();
    const attribution = modelAttribution(models.map((id) => listings.find((l) => l.entry.id === id)));
    const title = settings.title || project.video?.path?.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '') || 'comic';
    const bar = createProgressBar(io);
    const print = printSetup(settings.bleed, settings.marks);
    try {
      const r = await exportComic(
        out,
        {
          pictures,
          style: pageStyleOf(layoutOf(project)),
          title,
          ...(settings.author ? { author: settings.author } : {}),
          attribution,
          pages,
          format,
          images: { dpi: settings.dpi, quality: settings.quality, format: settings.images },
          ...(print && format === 'pdf' ? { print } : {}),
        },
        { signal: io.signal, onProgress: bar.listener },
      );
      bar.done();
      const summary = { ...r, dpi: settings.dpi, title, credits: attribution.lines };
      if (values.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        io.stdout.write(
          `export: ${r.file}: ${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.panels} panels, ${(r.bytes / 1e6).toFixed(1)} MB (${format.toUpperCase()}, ${settings.dpi} dpi)\n` +
            attribution.lines.map((l) => `credit: ${l}\n`).join(''),
        );
      }
      return 0;
    } finally {
      bar.done();
    }
  },
};
