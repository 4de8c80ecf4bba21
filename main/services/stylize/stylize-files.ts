import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { JobContext } from '../../../app/progress';
import { StylizeError } from './errors';
import { processImageFiles, type ProcessedFile, type ProcessFilesResult } from './process-files';
import { stylizeImage, toResolved, type StylizeOptions, type StylizeResult } from './stylize-image';

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff', '.gif', '.avif'];

/**
 * The images a CLI argument names: the file itself, or the image files of a folder (sorted, not recursive). Other
 * files of a folder (a key-frame folder's keyframes.json, sub-folders, hidden files such as macOS "._x.jpg" or a
 * writer's ".x.png.tmp") are passed over quietly.
 */
export async function listInputImages(path: string): Promise<string[]> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new StylizeError('IMAGE_INVALID', `${path}: no such file or folder`, path);
  }
  if (!st.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || !IMAGE_EXTENSIONS.includes(extname(e.name).toLowerCase())) continue;
    if (e.isFile() || (e.isSymbolicLink() && (await stat(join(path, e.name)).catch(() => undefined))?.isFile())) names.push(e.name);
  }
  if (!names.length) throw new StylizeError('IMAGE_INVALID', `${path}: the folder has no images (${IMAGE_EXTENSIONS.join(' ')})`, path);
  return names.sort().map((n) => join(path, n));
}

export type StylizedFile = ProcessedFile<StylizeResult>;

/**
 * Stylizes image files into `outDir`, one PNG per input named after it. Decoding and encoding go through sharp
 * (the video service's image I/O), inference through the worker, overlapped (see processImageFiles). An input that does not decode (or otherwise fails on its
 * own) is listed in `failures` and the others still run; a model that cannot run stops everything (it throws).
 * Progress: stage "stylize", done = files, with tiles as fractions in between.
 */
export async function stylizeFiles(inputs: string[], outDir: string, options: StylizeOptions = {}, ctx: JobContext = {}): Promise<ProcessFilesResult<StylizeResult>> {
  const model = await toResolved(options.model);
  return processImageFiles<StylizeResult>(inputs, outDir, (image, _input, fileCtx) => stylizeImage(image, { ...options, model, transferImage: true }, fileCtx), ctx);
}
