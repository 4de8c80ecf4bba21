import type { StylizeEngine } from './worker-protocol';
import { basename } from 'node:path';
import type { Mask } from '../../../app/masks';
import type { ProviderChoice, ProviderName } from '../../../app/stylize';
import { StylizeError } from './errors';
import { translatePeople } from './instagan';
import { readMaskFile } from './masks';
import { DEFAULT_MODEL_ID, resolveModel, type ResolvedModel } from './model-resolve';
import type { ImageWork } from './process-files';
import { stylizePeople } from './regions';
import { prepareModels, stylizeImage } from './stylize-image';

/**
 * How a caller names its options in messages: the CLI's flags by default; the editor passes its own words.
 * `segmenterHint` says how to get the person segmenter when it is missing.
 */
export interface PlanLabels {
  model: string;
  people: string;
  instagan: string;
  segmenter: string;
  segmenterHint: string;
}

export const CLI_LABELS: PlanLabels = {
  model: '--model',
  people: '--people',
  instagan: '--instagan',
  segmenter: '--segmenter',
  segmenterHint: ' (or pass --segmenter FILE), or give the regions yourself with --mask FILE.png',
};

/** What is to be drawn: a style for the whole picture, or people and background apart (or people by InstaGAN). */
export interface StylizeRequest {
  model?: string;
  people?: string;
  instagan?: string;
  segmenter?: string;
  masks: string[];
  /**
   * Regions drawn for one picture (the editor's boxes, lassos and brush strokes, one instance each): they replace
   * the mask files and the segmenter for that picture. A picture without any falls back to those.
   */
  masksFor?: (input: string, width: number, height: number) => Mask[] | undefined;
  /** Every picture has regions of its own (masksFor): the segmenter is not needed, not loaded, not credited. */
  everyPictureMasked?: boolean;
  feather?: number;
  provider: ProviderChoice;
  /** 'onnxruntime': every model through onnxruntime, also the built-in style the native kernel would compute. */
  engine?: StylizeEngine;
  size?: number;
  tile?: number;
  overlap?: number;
  signal?: AbortSignal;
}

/** One picture's line in the report, whatever the mode. */
export interface FileReport {
  provider?: ProviderName;
  fallback?: string;
  ms: number;
  tiles?: number;
  processedWidth?: number;
  processedHeight?: number;
  /** People (or non-empty masks) found, in the region modes. */
  people?: number;
  /** InstaGAN mini-batches run. */
  batches?: number;
}

export interface StylizePlan {
  mode: 'style' | 'people' | 'instagan';
  /** Model ids by role, for the summary and --json (photo where a region is left as the picture). */
  roles: Record<string, string>;
  /** Every model that will run, for licences and attribution. */
  models: ResolvedModel[];
  work: ImageWork<FileReport>;
  /**
   * Opens every model's session (or the native kernels) in the inference worker in the background: called just
   * before the pictures are read, the first one finds its model loaded. The caller shuts the inference down on
   * every way out, as after any picture.
   */
  prepare(): ReturnType<typeof prepareModels>;
}

const PHOTO = 'photo';
const SEGMENTER_ID = 'deeplabv3-person';

/** A model that paints a picture: not a segmenter, not an instance-aware model (those need masks). */
async function styleModel(ref: string, option: string, labels: PlanLabels): Promise<ResolvedModel> {
  const m = await resolveModel(ref);
  if (m.spec.maskInput) throw new StylizeError('MODEL_SPEC_MISMATCH', `${option} ${ref}: "${m.id}" is an instance-aware (InstaGAN) model; use it with ${labels.instagan}`, m.file);
  if ((m.spec.output.meaning ?? 'image') !== 'image') throw new StylizeError('MODEL_SPEC_MISMATCH', `${option} ${ref}: "${m.id}" is a segmentation model, not a style`, m.file);
  return m;
}

/** The person segmenter, with advice that fits this command when it is missing. */
async function segmenterModel(ref: string | undefined, labels: PlanLabels): Promise<ResolvedModel> {
  let m: ResolvedModel;
  try {
    m = await resolveModel(ref ?? SEGMENTER_ID);
  } catch (err) {
    if (ref || !(err instanceof StylizeError) || err.code !== 'MODEL_NOT_FOUND') throw err;
    throw new StylizeError('MODEL_NOT_FOUND',
      `finding people needs the person segmenter "${SEGMENTER_ID}", which is not installed: import its file once with ` +
        `"your-cartoon models import deeplabv3_mnv2_257_voc.onnx"${labels.segmenterHint}`);
  }
  if (m.spec.output.meaning !== 'logits') throw new StylizeError('MODEL_SPEC_MISMATCH', `${labels.segmenter} ${ref}: "${m.id}" is not a segmentation model`, m.file);
  return m;
}

async function instaGanModel(ref: string, labels: PlanLabels): Promise<ResolvedModel> {
  const m = await resolveModel(ref);
  if (!m.spec.maskInput || !m.spec.maskOutput) throw new StylizeError('MODEL_SPEC_MISMATCH', `${labels.instagan} ${ref}: "${m.id}" is not an instance-aware (InstaGAN) model`, m.file);
  return m;
}

/** Resolves every model before any picture is read, so a missing model fails at once and not per file. */
export async function planStylize(r: StylizeRequest, labels: PlanLabels = CLI_LABELS): Promise<StylizePlan> {
  const plan = await planWork(r, labels);
  return { ...plan, prepare: () => prepareModels(plan.models, { provider: r.provider, engine: r.engine }) };
}

async function planWork(r: StylizeRequest, labels: PlanLabels): Promise<Omit<StylizePlan, 'prepare'>> {
  const common = { provider: r.provider, size: r.size, ...(r.engine ? { engine: r.engine } : {}) };
  const timed = async <T>(f: () => Promise<T>) => {
    const t0 = performance.now();
    return { value: await f(), ms: performance.now() - t0 };
  };

  if (r.people === undefined && r.instagan === undefined) {
    const model = await styleModel(r.model ?? DEFAULT_MODEL_ID, labels.model, labels);
    return {
      mode: 'style',
      roles: { style: model.id },
      models: [model],
      // The pipeline hands each decoded picture over: its pixels move to the worker.
      work: (image, _input, ctx) => stylizeImage(image, { ...common, model, tile: r.tile, overlap: r.overlap, transferImage: true }, ctx),
    };
  }

  const masks: Mask[] = [];
  for (const file of r.masks) masks.push(await readMaskFile(file, { signal: r.signal }));
  const maskNames = r.masks.map((f) => `--mask ${basename(f)}`);
  // The segmenter is needed unless every picture has regions of its own: said before any picture is drawn.
  const segmenter = masks.length || r.everyPictureMasked ? undefined : await segmenterModel(r.segmenter, labels);
  const sourceFor = (input: string, image: { width: number; height: number }) => {
    const own = r.masksFor?.(input, image.width, image.height);
    if (own?.length) return { masks: own, maskNames: own.map((_, i) => `region ${i + 1} of ${basename(input)}`), segmenter: undefined };
    return { masks, maskNames, segmenter };
  };
  const withSegmenter = (ms: ResolvedModel[]) => (segmenter ? [segmenter, ...ms] : ms);
  const segmenterRole: Record<string, string> = segmenter ? { segmenter: segmenter.id } : { masks: r.masks.map((f) => basename(f)).join(', ') };

  if (r.instagan !== undefined) {
    const model = await instaGanModel(r.instagan, labels);
    return {
      mode: 'instagan',
      roles: { instagan: model.id, ...segmenterRole },
      models: withSegmenter([model]),
      work: async (image, input, ctx) => {
        const source = sourceFor(input, image);
        const { value: t, ms } = await timed(() => translatePeople(image, { ...common, ...source, model, feather: r.feather }, ctx));
        const { processedWidth, processedHeight, provider, fallback } = t;
        return { image: t.image, ms, people: t.people, batches: t.batches.length, processedWidth, processedHeight, provider, fallback };
      },
    };
  }

  const people = r.people === PHOTO ? PHOTO : await styleModel(r.people!, labels.people, labels);
  const background = (r.model ?? PHOTO) === PHOTO ? PHOTO : await styleModel(r.model!, labels.model, labels);
  const used = [people, background].filter((m): m is ResolvedModel => m !== PHOTO);
  return {
    mode: 'people',
    roles: { people: people === PHOTO ? PHOTO : people.id, background: background === PHOTO ? PHOTO : background.id, ...segmenterRole },
    models: withSegmenter(used.filter((m, i) => used.findIndex((o) => o.file === m.file) === i)),
    work: async (image, input, ctx) => {
      const opts = { ...common, ...sourceFor(input, image), people, background, feather: r.feather, tile: r.tile, overlap: r.overlap };
      const { value: p, ms } = await timed(() => stylizePeople(image, opts, ctx));
      return { image: p.image, ms, people: p.people, provider: p.provider, fallback: p.fallback };
    },
  };
}
