import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { DEFAULT_PAGE_STYLE, isPageSizeId, PAGE_SIZES, type PageStyle } from '../../../app/page';
import { PROVIDER_CHOICES, type ProviderChoice } from '../../../app/stylize';
import type { ComicPage } from '../../../app/page';
import { exportComic, PRINT_SETUP } from '../../services/export';
import { autoLayout } from '../../services/layout';
import { letterPages, readCues } from './subtitle-balloons';
import { runKeyframesJob } from '../../services/keyframes/keyframes-job';
import { isProviderChoice, modelAttribution, processImageFiles, shutdownInference } from '../../services/stylize';
import { locateFfmpeg, probeVideo } from '../../services/video';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';
import { planStylize } from './stylize-plan';

const usage = `Usage: your-cartoon comic VIDEO --out FILE.pdf [options]

Makes a comic of VIDEO in one go: finds its shots and key frames, draws each key frame as a cartoon panel, lays
the panels out on pages (three tiers a page) and writes a PDF at print size. The key frames and panels stay beside
it in FILE-work/ (keyframes/, panels/). The models' credits and licences are printed under the last panels and
stamped into the PDF's metadata.

Options:
  -o, --out FILE.pdf     the PDF to write (replaced only by a complete new one: when panels fail, the new
                         comic goes to FILE.incomplete.pdf and an earlier FILE.pdf stays as it was)
  -m, --model ID|FILE    cartoon style, as for stylize (default: the built-in style)
      --provider NAME    auto|cpu|cuda|dml|coreml (default auto)
      --page SIZE        ${Object.keys(PAGE_SIZES).join('|')} (default a4)
      --rtl              read right to left (manga order)
      --margin MM        page margin (default ${DEFAULT_PAGE_STYLE.margin})
      --gutter MM        space between panels (default ${DEFAULT_PAGE_STYLE.gutter})
      --delta X          key-frame clustering threshold δ (default ${DEFAULT_ANALYSIS_PARAMS.delta})
      --print            for a print shop: 0.125 in bleed and crop marks around each page (TrimBox = the page)
      --subtitles SRC    FILE.srt, FILE.vtt or stream:N (the video's N-th subtitle stream, 0 the first): each line
                         in a speech balloon on the panel shown at that moment
      --dpi N            print resolution of the panels (default 300)
      --work DIR         where the key frames and panels go (default FILE-work beside the PDF)
      --json             print the result as JSON on stdout`;

function pageStyle(values: Record<string, string | boolean | undefined>): PageStyle {
  const page = String(values.page ?? 'a4').toLowerCase();
  if (!isPageSizeId(page)) throw new UsageError(`--page must be one of ${Object.keys(PAGE_SIZES).join(', ')} (got "${values.page}")`);
  const size = PAGE_SIZES[page];
  const margin = numberOption(values.margin as string | undefined, 'margin', 0, size.width / 4) ?? DEFAULT_PAGE_STYLE.margin;
  const gutter = numberOption(values.gutter as string | undefined, 'gutter', 0, 30) ?? DEFAULT_PAGE_STYLE.gutter;
  return { size, margin, gutter, readingOrder: values.rtl ? 'rtl' : 'ltr' };
}

export const comicCommand: CliCommand = {
  name: 'comic',
  summary: 'make a comic PDF of a video in one go: key frames, cartoon panels, pages',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(argv, {
      out: { type: 'string', short: 'o' },
      model: { type: 'string', short: 'm' },
      provider: { type: 'string' },
      page: { type: 'string' },
      rtl: { type: 'boolean' },
      margin: { type: 'string' },
      gutter: { type: 'string' },
      delta: { type: 'string' },
      work: { type: 'string' },
      print: { type: 'boolean' },
      subtitles: { type: 'string' },
      dpi: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('give one video');
    if (!values.out) throw new UsageError('--out FILE.pdf is required');
    if (extname(values.out).toLowerCase() !== '.pdf') throw new UsageError(`--out must name a .pdf file (got "${values.out}")`);
    const provider = values.provider ?? 'auto';
    if (!isProviderChoice(provider)) throw new UsageError(`--provider must be one of ${PROVIDER_CHOICES.join(', ')} (got "${provider}")`);
    const style = pageStyle(values);
    const delta = numberOption(values.delta, 'delta', 0, 1) ?? DEFAULT_ANALYSIS_PARAMS.delta;
    const out = resolve(values.out);
    const work = resolve(values.work ?? join(dirname(out), `${basename(out, extname(out))}-work`));
    const [video] = positionals;

    // The video and the style are checked first: a wrong file or a missing model is said before minutes of
    // analysis, and before anything is written.
    await probeVideo(video, { signal: io.signal });
    const dpi = numberOption(values.dpi, 'dpi', 36, 2400) ?? 300;
    // Subtitles are read before the analysis too: a bad file is said at once, with its line.
    const cues = values.subtitles ? await readCues(values.subtitles, video, io.signal) : undefined;
    const plan = await planStylize({ model: values.model, masks: [], provider: provider as ProviderChoice, signal: io.signal });
    const ffmpeg = locateFfmpeg();
    if (!values.json) io.stderr.write(`ffmpeg: ${ffmpeg.path} (${ffmpeg.source})\nstyle: ${plan.roles.style}\n`);
    const bar = createProgressBar(io);
    try {
      const keyframes = await runKeyframesJob(
        video,
        { params: { ...DEFAULT_ANALYSIS_PARAMS, delta }, outDir: join(work, 'keyframes') },
        { signal: io.signal, onProgress: bar.listener },
      );
      if (!keyframes.keyframes.length) throw new Error(`${video}: no key frame to draw (${keyframes.shots.length} shots, all blank)`);
      const frames = keyframes.keyframes.map((k) => join(work, 'keyframes', k.file));
      plan.prepare();
      const styled = await processImageFiles(frames, join(work, 'panels'), plan.work, { signal: io.signal, onProgress: bar.listener });
      if (!styled.files.length) throw new Error(`no panel could be drawn: ${styled.failures.map((f) => f.error).join('; ')}`);
      const pictures = styled.files.map((f) => f.output);
      const attribution = modelAttribution(plan.models);
      // A comic missing panels never replaces a complete one made earlier: it goes beside it.
      const incomplete = styled.failures.length > 0 && existsSync(out);
      const target = incomplete ? join(dirname(out), `${basename(out, extname(out))}.incomplete.pdf`) : out;
      // With subtitles: each cue lettered on the panel of the key frame on screen at that moment.
      let pages: ComicPage[] | undefined;
      let lettered = 0;
      if (cues) {
        const byFile = new Map(keyframes.keyframes.map((k) => [join(work, 'keyframes', k.file), { id: String(k.frame), shot: k.shot, time: k.time }]));
        const shown = styled.files.map((f) => byFile.get(f.input)!);
        ({ pages, lettered } = letterPages(autoLayout(pictures.length, style), shown, cues, keyframes.shots));
      }
      const pdf = await exportComic(
        target,
        { pictures, style, title: basename(video, extname(video)), attribution, images: { dpi }, ...(pages ? { pages } : {}), ...(values.print ? { print: PRINT_SETUP } : {}) },
        { signal: io.signal, onProgress: bar.listener },
      );
      bar.done();
      const summary = {
        pdf: pdf.file,
        pages: pdf.pages,
        panels: pdf.panels,
        page: style.size.name,
        minDpi: Math.round(pdf.minDpi),
        ...(cues ? { subtitles: { cues: cues.length, lettered } } : {}),
        shots: keyframes.shots.length,
        keyframes: keyframes.keyframes.length,
        style: plan.models.map((m) => m.id),
        provider: styled.files[0].provider,
        work,
        failures: styled.failures,
        warnings: [
          ...keyframes.warnings,
          ...(incomplete ? [`${styled.failures.length} of ${frames.length} panels could not be drawn: ${out} was kept as it was and this comic written to ${target}`] : []),
        ],
        complete: styled.failures.length === 0,
        attribution: attribution.lines,
      };
      if (values.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        io.stdout.write(
          [
            `comic: ${pdf.file}: ${pdf.pages} page${pdf.pages === 1 ? "" : "s"} (${style.size.name}), ${pdf.panels} panels from ${keyframes.shots.length} shots`,
            `style: ${summary.style.join(' + ')} on ${summary.provider ?? 'cpu'}; panels print at ${summary.minDpi} dpi or more` +
              (summary.minDpi < 300 ? ' (under 300: a large print may look soft)' : ''),
            ...styled.failures.map((f) => `skipped ${f.input}: ${f.error}`),
            ...summary.warnings.map((w) => `warning: ${w}`),
            ...(cues ? [`subtitles: ${lettered} of ${cues.length} lines lettered in speech balloons`] : []),
            ...attribution.lines.map((l) => `credit: ${l}`),
            `key frames and panels: ${work}`,
            '',
          ].join('\n'),
        );
      }
      return styled.failures.length ? 1 : 0;
    } finally {
      bar.done();
      await shutdownInference();
    }
  },
};
