import type { CliCommand } from '../command';

/**
 * A command whose module, and the services it imports, loads only when it runs or its usage is printed: starting
 * `your-cartoon stylize` then does not load the PDF writer, the fonts or the browser host (about half the CLI's start).
 */
function lazy(name: string, summary: string, load: () => CliCommand, options: { runsModels?: boolean } = {}): CliCommand {
  let command: CliCommand | undefined;
  const get = () => (command ??= load());
  return {
    name,
    summary,
    get usage() {
      return get().usage;
    },
    run: options.runsModels ? (argv, io) => withInferenceStarted(() => get().run(argv, io)) : (argv, io) => get().run(argv, io),
  };
}

/**
 * A command that runs a model starts the inference worker (and onnxruntime in it) before its own modules load, so
 * the two overlap (about 0.1 s of a `stylize` run: benchmarks in bench/README.md); the worker stops on every way
 * out, a usage error included, cooperatively (shutdown: it waits for what onnxruntime is doing, up to a minute; a
 * second Ctrl-C still quits at once).
 */
async function withInferenceStarted(run: () => Promise<number>): Promise<number> {
  const { inference } = require('../../services/stylize/worker-client') as typeof import('../../services/stylize/worker-client');
  inference.prestart();
  try {
    return await run();
  } finally {
    await inference.shutdown();
  }
}

/** Every sub-command, in the order `your-cartoon help` lists them (each summary is checked against its module). */
export const commands: CliCommand[] = [
  lazy('comic', 'make a comic PDF of a video in one go: key frames, cartoon panels, pages', () => (require('./comic') as typeof import('./comic')).comicCommand),
  lazy('export', 'export a book made in the editor as a PDF, a CBZ or PNG pages', () => (require('./export-book') as typeof import('./export-book')).exportCommand),
  lazy('keyframes', 'find the shots and key frames of a video (writes keyframes.json + images)', () => (require('./keyframes') as typeof import('./keyframes')).keyframesCommand),
  lazy('stylize', 'turn images into cartoon panels with a style model (or people and background in two styles)', () => (require('./stylize') as typeof import('./stylize')).stylizeCommand, { runsModels: true }),
  lazy('models', 'list, install (download), import and install-dir (a folder of) style models', () => (require('./models') as typeof import('./models')).modelsCommand),
  lazy('sample', 'make the built-in sample video', () => (require('./sample') as typeof import('./sample')).sampleCommand),
  lazy('serve', 'run the editor in a web browser (HTTP on 127.0.0.1 with a per-run token)', () => (require('./serve') as typeof import('./serve')).serveCommand),
];
