import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { StylePreview, StylePreviewRequest } from '../../app/api';
import { bundledModelFile, dataDir, writeFileAtomic } from '../services/store';
import { resolveModel, stylizeImage } from '../services/stylize';
import { decodeImage, encodeImageBytes } from '../services/video';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString } from './request-checks';

/** The picture every style's preview is made from (public domain; see models/style-sample/README.md). */
export const STYLE_SAMPLE = 'style-sample/astronaut.jpg';

interface PreviewRecord {
  ms: number;
  provider: StylePreview['provider'];
  width: number;
  height: number;
  processedWidth: number;
  processedHeight: number;
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '-');

/**
 * A style's picture, made by the product itself and cached: of the app's sample photo (the style chooser's card,
 * in the data folder), or of one of the user's key frames (before/after, the draft preview and the cost estimate,
 * in PROJECT/previews). Made again when the picture or the model's file is newer than it. The time it took is kept
 * with it: the editor's per-frame estimate.
 */
export async function stylePreview(request: StylePreviewRequest, roots: ImageRoots): Promise<StylePreview> {
  const req = requireObject(request, 'stylePreview');
  const modelId = requireString(req.model, 'model');
  const image = optionalString(req.image, 'image');
  const projectDir = optionalString(req.projectDir, 'projectDir');
  if (image && !projectDir) throw new RequestError('BAD_REQUEST', 'stylePreview: a key frame\'s preview needs projectDir');
  const size = req.size === undefined ? undefined : Number(req.size);
  if (size !== undefined && !(Number.isInteger(size) && size >= 16 && size <= 8192)) throw new RequestError('BAD_REQUEST', 'stylePreview: size must be a long side of 16 to 8192 px');
  const model = await resolveModel(modelId);
  const picture = image ? resolve(image) : bundledModelFile(STYLE_SAMPLE);
  const [pictureStat, modelStat] = await Promise.all([stat(picture), stat(model.file)]).catch((err: Error) => {
    throw new RequestError('IMAGE_NOT_FOUND', `${picture}: ${err.message}`);
  });
  const dir = image ? join(resolve(projectDir!), 'previews', safe(modelId), size ? String(size) : 'panel') : join(dataDir(), 'style-previews');
  const name = image ? `${basename(picture, extname(picture))}.png` : `${safe(modelId)}-${modelStat.size}-${Math.round(modelStat.mtimeMs)}${size ? `-${size}` : ''}.png`;
  const out = join(dir, name);
  const recordFile = `${out}.json`;
  const done = await stat(out).catch(() => undefined);
  if (done && done.mtimeMs >= pictureStat.mtimeMs && done.mtimeMs >= modelStat.mtimeMs) {
    const record = JSON.parse(await readFile(recordFile, 'utf8').catch(() => 'null')) as PreviewRecord | null;
    if (record) return { model: model.id, image: roots.refFor(dir, out), cached: true, ...record };
  }
  const input = await decodeImage(picture);
  const r = await stylizeImage(input, { model, size });
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(out, await encodeImageBytes(r.image, 'png'));
  const record: PreviewRecord = { ms: r.ms, provider: r.provider, width: r.image.width, height: r.image.height, processedWidth: r.processedWidth, processedHeight: r.processedHeight };
  await writeFileAtomic(recordFile, JSON.stringify(record));
  return { model: model.id, image: roots.refFor(dir, out), cached: false, ...record, ...(r.fallback ? { fallback: r.fallback } : {}) };
}
