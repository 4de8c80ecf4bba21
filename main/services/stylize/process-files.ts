import { access, constants, mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import type { RgbImage } from '../../../app/video';
import { CancelledError, throwIfAborted } from '../jobs';
import { cleanStaleTemps } from '../store/stale-temps';
import { decodeImage, encodeImage } from '../video/image-io';
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

/** The still I/O the pipeline uses (a seam for tests that watch the stages overlap). */
export const pipelineIo = { decode: decodeImage, encode: encodeImage };

type Decoded = { ok: true; image: RgbImage } | { ok: false; error: unknown };

/**
 * Decodes each input, runs `work` on it and writes the result into `outDir` as a PNG named after the input
 * (atomically: a failed or cancelled write leaves no partial file). A file that fails is reported in `failures`
 * and the rest still run. Progress: stage "stylize", done = files, with the work's own fraction in between.
 *
 * A pipeline of three stages, so the inference never waits on stills: while picture i is worked on (in the
 * inference worker), picture i + 1 is decoded and picture i − 1 encoded and written (both by sharp, on libvips'
 * threads). At most one picture waits decoded and one is being written: memory holds about three pictures
 * whatever the number of files. Results and failures come back in input order.
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
  const files: Array<ProcessedFile<R> & { index: number }> = [];
  const failures: Array<FailedFile & { index: number }> = [];
  const fail = (index: number, err: unknown) => {
    const input = inputs[index];
    const e = err as Error & { code?: unknown };
    const message = e?.message ?? String(err);
    // Most messages already start with the file's name; the others get it, so each line says which file.
    const named = message.includes(basename(input)) ? message : `${basename(input)}: ${message}`;
    failures.push({ index, input, error: named, code: typeof e?.code === 'string' ? e.code : undefined });
  };
  const decode = (i: number): Promise<Decoded> =>
    pipelineIo.decode(inputs[i], { signal: ctx.signal }).then(
      (image) => ({ ok: true as const, image }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  let writing: Promise<void> = Promise.resolve();
  let next: Promise<Decoded> | undefined = inputs.length ? decode(0) : undefined;
  try {
    for (let i = 0; i < inputs.length; i++) {
      throwIfAborted(ctx.signal);
      const input = inputs[i];
      const report = (fraction: number) =>
        ctx.onProgress?.({ stage: 'stylize', done: i, total: inputs.length, fraction: (i + fraction) / inputs.length, message: basename(input) });
      report(0);
      const decoded = (await next) as Decoded;
      next = i + 1 < inputs.length ? decode(i + 1) : undefined;
      if (!decoded.ok) {
        if (decoded.error instanceof CancelledError || ctx.signal?.aborted) throw new CancelledError();
        fail(i, decoded.error);
        continue;
      }
      const { image } = decoded;
      const { width, height } = image;
      let res: R & { image: RgbImage };
      try {
        res = await work(image, input, { signal: ctx.signal, onProgress: (p) => report(Math.min(1, Math.max(0, p.fraction ?? 0))) });
      } catch (err) {
        if (stopsTheRun(err) || ctx.signal?.aborted) throw err;
        fail(i, err);
        continue;
      }
      // One write at a time: the next picture's work starts now, its write waits for this one.
      const output = join(outDir, names[i]);
      const { image: styled, ...rest } = res;
      writing = writing.then(async () => {
        try {
          await pipelineIo.encode(output, styled, { signal: ctx.signal, fast: true });
          files.push({ ...(rest as Omit<R, 'image'>), index: i, input, output, width, height } as ProcessedFile<R> & { index: number });
        } catch (err) {
          if (!(err instanceof CancelledError) && !ctx.signal?.aborted) fail(i, err);
        }
      });
    }
  } finally {
    // A cancel or a run error returns only once the write in flight has finished or been dropped: nothing is
    // written after this returns, and nothing half-written is left (writes are atomic).
    await writing;
  }
  throwIfAborted(ctx.signal);
  ctx.onProgress?.({ stage: 'stylize', done: inputs.length, total: inputs.length, fraction: 1 });
  const inOrder = <T extends { index: number }>(list: T[]) => list.sort((a, b) => a.index - b.index).map(({ index: _i, ...v }) => v);
  return { files: inOrder(files) as unknown as ProcessedFile<R>[], failures: inOrder(failures) };
}
