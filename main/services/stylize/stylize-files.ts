import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import { throwIfAborted } from '../jobs';
import { decodeImage, encodeImage } from '../video';
import { StylizeError } from './errors';
import { stylizeImage, toResolved, type StylizeOptions, type StylizeResult } from './stylize-image';

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.bmp', '.tif', '.tiff'];

/** The images a CLI argument names: the file itself, or the image files of a folder (sorted, not recursive). */
export async function listInputImages(path: string): Promise<string[]> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new StylizeError('IMAGE_INVALID', `${path}: no such file or folder`, path);
  }
  if (!st.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => IMAGE_EXTENSIONS.includes(extname(n).toLowerCase())).sort();
  if (!names.length) throw new StylizeError('IMAGE_INVALID', `${path}: the folder has no images (${IMAGE_EXTENSIONS.join(' ')})`, path);
  return names.map((n) => join(path, n));
}

export interface StylizedFile extends Omit<StylizeResult, 'image'> {
  input: string;
  output: string;
  width: number;
  height: number;
}

/** Output name for an input: its base name with .png (a.jpg → a.png; a clash a.png + a.jpg gets a.jpg.png). */
function outputNames(inputs: string[]): string[] {
  const plain = inputs.map((p) => basename(p, extname(p)));
  return inputs.map((p, i) => (plain.indexOf(plain[i]) !== plain.lastIndexOf(plain[i]) ? `${basename(p)}.png` : `${plain[i]}.png`));
}

/**
 * Stylizes image files into `outDir`, one PNG per input named after it. Decoding and encoding go through the
 * video service (ffmpeg); inference through the worker. Progress: stage "stylize", done = files, with tiles as
 * fractions in between.
 */
export async function stylizeFiles(inputs: string[], outDir: string, options: StylizeOptions = {}, ctx: JobContext = {}): Promise<StylizedFile[]> {
  const model = await toResolved(options.model);
  await mkdir(outDir, { recursive: true });
  const names = outputNames(inputs);
  const results: StylizedFile[] = [];
  for (let i = 0; i < inputs.length; i++) {
    throwIfAborted(ctx.signal);
    const input = inputs[i];
    const report = (fraction: number) =>
      ctx.onProgress?.({ stage: 'stylize', done: i, total: inputs.length, fraction: (i + fraction) / inputs.length, message: basename(input) });
    report(0);
    const image = await decodeImage(input, { signal: ctx.signal });
    const res = await stylizeImage(image, { ...options, model }, {
      signal: ctx.signal,
      onProgress: (p) => report(p.fraction ?? 0),
    });
    const output = join(outDir, names[i]);
    await encodeImage(output, res.image, { signal: ctx.signal });
    const { image: _img, ...rest } = res;
    results.push({ ...rest, input, output, width: image.width, height: image.height });
  }
  ctx.onProgress?.({ stage: 'stylize', done: inputs.length, total: inputs.length, fraction: 1 });
  return results;
}
