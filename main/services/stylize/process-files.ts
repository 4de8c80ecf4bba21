import { access, constants, mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import type { RgbImage } from '../../../app/video';
import { CancelledError, throwIfAborted } from '../jobs';
import { cleanStaleTemps } from '../store';
import { decodeImage, encodeImage } from '../video';
import { StylizeError } from './errors';

/** An input that could not be turned into an output, and why (the message names the file). */
export interface FailedFile {
  input: string;
  error: string;
  code?: string;
}

/** What one image's work gives back: the picture to write, plus whatever the caller wants to report about it. */
export type ImageWork<R> = (image: RgbImage, input: string, ctx: JobContext) => Promise<R & { image: RgbImage }>;

export type ProcessedFile<R> = Omit<R, 'image'> & { input: string; output: string; width: number; height: number };

export interface ProcessFilesResult<R> {
  files: ProcessedFile<R>[];
  failures: FailedFile[];
}

/**
 * Errors that would fail every remaining file the same way (the model, the worker, the catalog) or that the user
 * asked for (cancel): the run stops. Anything else belongs to one file (it does not decode, it is too large for the
 * provider, its mask does not fit it) and the run goes on with the next.
 */
const RUN_ERRORS = new Set(['CATALOG_INVALID', 'MODEL_UNKNOWN', 'MODEL_NOT_FOUND', 'MODEL_CORRUPT', 'MODEL_SPEC_MISMATCH']);

function stopsTheRun(err: unknown): boolean {
  return err instanceof CancelledError || (err instanceof StylizeError && RUN_ERRORS.has(err.code));
}

/** Output name for an input: its base name with .png (a.jpg → a.png; a clash a.png + a.jpg gets a.jpg.png). */
export function outputNames(inputs: string[]): string[] {
  const plain = inputs.map((p) => basename(p, extname(p)));
  return inputs.map((p, i) => (plain.indexOf(plain[i]) !== plain.lastIndexOf(plain[i]) ? `${basename(p)}.png` : `${plain[i]}.png`));
}

/**
 * Decodes each input, runs `work` on it and writes the result into `outDir` as a PNG named after the input
 * (atomically: a failed or cancelled write leaves no partial file). A file that fails is reported in `failures`
 * and the rest still run. Progress: stage "stylize", done = files, with the work's own fraction in between.
 */
export async function processImageFiles<R>(inputs: string[], outDir: string, work: ImageWork<R>, ctx: JobContext = {}): Promise<ProcessFilesResult<R>> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
    await cleanStaleTemps(outDir);
  } catch (err) {
    // Every file would fail to be written: say so once, before any inference runs.
    throw new StylizeError('IMAGE_INVALID', `${outDir}: cannot write the output folder (${(err as Error).message})`, outDir);
  }
  const names = outputNames(inputs);
  const files: ProcessedFile<R>[] = [];
  const failures: FailedFile[] = [];
  for (let i = 0; i < inputs.length; i++) {
    throwIfAborted(ctx.signal);
    const input = inputs[i];
    const report = (fraction: number) =>
      ctx.onProgress?.({ stage: 'stylize', done: i, total: inputs.length, fraction: (i + fraction) / inputs.length, message: basename(input) });
    report(0);
    try {
      const image = await decodeImage(input, { signal: ctx.signal });
      const res = await work(image, input, { signal: ctx.signal, onProgress: (p) => report(Math.min(1, Math.max(0, p.fraction ?? 0))) });
      const output = join(outDir, names[i]);
      await encodeImage(output, res.image, { signal: ctx.signal });
      const { image: _img, ...rest } = res;
      files.push({ ...rest, input, output, width: image.width, height: image.height });
    } catch (err) {
      if (stopsTheRun(err) || ctx.signal?.aborted) throw err;
      const e = err as Error & { code?: unknown };
      const message = e?.message ?? String(err);
      // Most messages already start with the file's name; the others get it, so each line says which file.
      const named = message.includes(basename(input)) ? message : `${basename(input)}: ${message}`;
      failures.push({ input, error: named, code: typeof e?.code === 'string' ? e.code : undefined });
    }
  }
  ctx.onProgress?.({ stage: 'stylize', done: inputs.length, total: inputs.length, fraction: 1 });
  return { files, failures };
}
