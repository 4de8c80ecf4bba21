import { basename, join, resolve } from 'node:path';
import type { FindPanelsRequest, StylizeRequest, StylizeResult } from '../../app/api';
import type { JobContext } from '../../app/progress';
import type { ProviderChoice } from '../../app/stylize';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { isMaskShape, rasterizeShapes, scaleShape, type MaskShape } from '../../app/masks';
import { writeFileAtomic } from '../services/store';
import { DEFAULT_MODEL_ID, isProviderChoice, outputNames, planStylize as planModels, processImageFiles, type PlanLabels, type StylizePlanRequest } from '../services/stylize';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';

export interface StylizeJobPlan {
  images: string[];
  outDir: string;
  drawn?: Regions['drawn'];
  /** What the service plan is asked: a style, or people and background apart, or InstaGAN. */
  request: StylizePlanRequest;
}

/** The editor's words for the options, in the service's messages. */
const EDITOR_LABELS: PlanLabels = {
  model: 'style',
  people: 'people style',
  instagan: 'InstaGAN model',
  segmenter: 'segmenter',
  segmenterHint: ' in a terminal, then make the panels again',
};

interface Regions {
  people?: string;
  instagan?: string;
  /** Hand-drawn regions by picture path (resolved), fractions of the picture. */
  drawn?: Record<string, MaskShape[]>;
}

/** The options of a request that say how the people are treated, checked. */
function regionsOf(req: Record<string, unknown>): Regions {
  const people = optionalString(req.people, 'people');
  const instagan = optionalString(req.instagan, 'instagan');
  if (people && instagan) throw new RequestError('BAD_REQUEST', 'people and instagan are two ways to treat the people: give one');
  let drawn: Record<string, MaskShape[]> | undefined;
  if (req.regions !== undefined) {
    const given = requireObject(req.regions, 'regions');
    if (!people && !instagan) throw new RequestError('BAD_REQUEST', 'regions say where the people are: give people or instagan too');
    drawn = {};
    for (const [path, shapes] of Object.entries(given)) {
      if (!Array.isArray(shapes) || !shapes.every(isMaskShape)) throw new RequestError('BAD_REQUEST', `regions of ${path}: malformed shapes`);
      if (shapes.length) drawn[resolve(path)] = shapes;
    }
  }
  return { ...(people ? { people } : {}), ...(instagan ? { instagan } : {}), ...(drawn && Object.keys(drawn).length ? { drawn } : {}) };
}

/** A picture's drawn regions as masks at its size, one per shape. */
function masksFor(drawn: Regions['drawn']) {
  return drawn ? (input: string, width: number, height: number) => drawn[resolve(input)]?.map((s) => rasterizeShapes(width, height, [scaleShape(s, width, height)])) : undefined;
}

/**
 * What a folder's panels were made with, written beside them once a run has drawn every one (removed when a run
 * starts): the hand-drawn regions, and every model with its file. Panels without it, or of other regions, are not
 * found again; the models credit them.
 */
const MADE_WITH_FILE = 'made-with.json';
interface MadeWith {
  regions: string;
  models: Array<{ id: string; file: string }>;
}
const regionsText = (drawn: Regions['drawn']) => JSON.stringify(Object.entries(drawn ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));

export function planStylize(request: StylizeRequest): StylizeJobPlan {
  const req = requireObject(request, 'startStylize');
  const provider = optionalString(req.provider, 'provider') ?? 'auto';
  if (!isProviderChoice(provider)) throw new RequestError('BAD_REQUEST', `provider: "${provider}" is not one of auto, cpu, cuda, dml, coreml`);
  const model = optionalString(req.model, 'model');
  const outDir = optionalString(req.outDir, 'outDir');
  const projectDir = optionalString(req.projectDir, 'projectDir');
  if (!outDir && !projectDir) throw new RequestError('BAD_REQUEST', 'startStylize: give outDir or projectDir');
  const regions = regionsOf(req);
  if (regions.instagan && model) throw new RequestError('BAD_REQUEST', 'instagan keeps the rest of the picture: it takes no model');
  if (regions.people === 'photo' && (model ?? DEFAULT_MODEL_ID) === 'photo') {
    throw new RequestError('BAD_REQUEST', 'people and background both kept as photo: nothing would be drawn');
  }
  const { drawn, ...ways } = regions;
  const images = requireStrings(req.images, 'images').map((p) => resolve(p));
  const everyPictureMasked = !!drawn && images.every((p) => drawn[p]?.length);
  return {
    images,
    outDir: resolve(outDir ?? styledDir(projectDir as string, model ?? DEFAULT_MODEL_ID, regions)),
    request: {
      // The background's style: the default one when none is named (the folder's name says so too).
      ...(regions.instagan ? {} : { model: model ?? DEFAULT_MODEL_ID }),
      ...ways,
      masks: [],
      provider: provider as ProviderChoice,
      ...(drawn ? { masksFor: masksFor(drawn), everyPictureMasked } : {}),
    },
    ...(drawn ? { drawn } : {}),
  };
}

const folderName = (ref: string) => basename(ref).replace(/\.onnx$/i, '').replace(/[^\w.-]+/g, '-') || 'model';

/**
 * PROJECT/styled/MODEL: one folder per style, so panels of two styles sit side by side (a model file: its name);
 * MODEL+people-STYLE or instagan-MODEL when the people are drawn apart.
 */
export function styledDir(projectDir: string, model: string, regions: { people?: string; instagan?: string } = {}): string {
  const name = regions.instagan
    ? `instagan-${folderName(regions.instagan)}`
    : regions.people
      ? `${folderName(model)}+people-${folderName(regions.people)}`
      : folderName(model);
  return join(projectDir, 'styled', name);
}

/** Panels drawn earlier for exactly these pictures in this style, when none is missing or older than its sources. */
export async function findPanels(request: FindPanelsRequest, roots: ImageRoots): Promise<StylizeResult | null> {
  const req = requireObject(request, 'findPanels');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  const images = requireStrings(req.images, 'images').map((p) => resolve(p));
  const model = requireString(req.model, 'model');
  const regions = regionsOf(req);
  const outDir = styledDir(projectDir, model, regions);
  let made: MadeWith;
  try {
    made = JSON.parse(await readFile(join(outDir, MADE_WITH_FILE), 'utf8')) as MadeWith;
  } catch {
    return null;
  }
  if (made.regions !== regionsText(regions.drawn) || !Array.isArray(made.models) || !made.models.length) return null;
  // Newer than every model that drew them (a model file replaced since means new panels).
  const modelTimes = await Promise.all(made.models.map((m) => stat(m.file).then((st) => st.mtimeMs, () => Infinity)));
  const modelTime = Math.max(...modelTimes);
  const main = regions.instagan ?? model;
  const names = outputNames(images);
  const files: StylizeResult['files'] = [];
  for (const [i, input] of images.entries()) {
    const output = join(outDir, names[i]);
    const [panel, picture] = await Promise.all([stat(output).catch(() => undefined), stat(input).catch(() => undefined)]);
    if (!panel || !picture || panel.mtimeMs < picture.mtimeMs || panel.mtimeMs < modelTime) return null;
    files.push({ input, output, image: roots.refFor(outDir, output), model: main });
  }
  return { kind: 'stylize', outDir, models: made.models.map((m) => m.id), files, failures: [] };
}

/** Draws the panels into outDir (one PNG each) as the plan says; the outputs come back as ImageRefs of that folder. */
export async function runStylize(plan: StylizeJobPlan, roots: ImageRoots, ctx: JobContext): Promise<StylizeResult> {
  const models = await planModels({ ...plan.request, signal: ctx.signal }, EDITOR_LABELS);
  // Panels in this folder are only found again once this run has drawn them all (a cancel or a failure: redraw).
  await mkdir(plan.outDir, { recursive: true });
  await rm(join(plan.outDir, MADE_WITH_FILE), { force: true });
  const { files, failures } = await processImageFiles(plan.images, plan.outDir, models.work, ctx);
  if (!failures.length) {
    const made: MadeWith = { regions: regionsText(plan.drawn), models: models.models.map((m) => ({ id: m.id, file: m.file })) };
    await writeFileAtomic(join(plan.outDir, MADE_WITH_FILE), JSON.stringify(made));
  }
  // The panel's style as the user named it: InstaGAN's model, else the whole picture's (or the background's).
  const main = models.roles.instagan ?? models.roles.style ?? models.roles.background ?? models.models[0]?.id ?? '';
  return {
    kind: 'stylize',
    outDir: plan.outDir,
    models: models.models.map((m) => m.id),
    failures: failures.map((f) => ({ input: f.input, message: f.error, ...(f.code ? { code: f.code } : {}) })),
    files: files.map((f) => ({
      input: f.input,
      output: f.output,
      image: roots.refFor(plan.outDir, f.output),
      model: main,
      ...(f.provider ? { provider: f.provider } : {}),
      ...(f.fallback ? { fallback: f.fallback } : {}),
      ms: f.ms,
    })),
  };
}
