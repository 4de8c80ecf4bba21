import { basename, join, resolve } from 'node:path';
import type { FindPanelsRequest, StylizeRequest, StylizeResult } from '../../app/api';
import type { JobContext } from '../../app/progress';
import type { ProviderChoice } from '../../app/stylize';
import { stat } from 'node:fs/promises';
import { DEFAULT_MODEL_ID, isProviderChoice, outputNames, planStylize as planModels, processImageFiles, resolveModel, type PlanLabels, type StylizePlanRequest } from '../services/stylize';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';

export interface StylizeJobPlan {
  images: string[];
  outDir: string;
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

/** The options of a request that say how the people are treated, checked. */
function regionsOf(req: Record<string, unknown>): { people?: string; instagan?: string } {
  const people = optionalString(req.people, 'people');
  const instagan = optionalString(req.instagan, 'instagan');
  if (people && instagan) throw new RequestError('BAD_REQUEST', 'people and instagan are two ways to treat the people: give one');
  return { ...(people ? { people } : {}), ...(instagan ? { instagan } : {}) };
}

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
  return {
    images: requireStrings(req.images, 'images').map((p) => resolve(p)),
    outDir: resolve(outDir ?? styledDir(projectDir as string, model ?? DEFAULT_MODEL_ID, regions)),
    request: { ...(model ? { model } : {}), ...regions, masks: [], provider: provider as ProviderChoice },
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
  const resolved = await resolveModel(regions.instagan ?? model).catch(() => undefined);
  if (!resolved) return null;
  const outDir = styledDir(projectDir, model, regions);
  const modelTime = (await stat(resolved.file)).mtimeMs;
  const names = outputNames(images);
  const files: StylizeResult['files'] = [];
  for (const [i, input] of images.entries()) {
    const output = join(outDir, names[i]);
    const [panel, picture] = await Promise.all([stat(output).catch(() => undefined), stat(input).catch(() => undefined)]);
    if (!panel || !picture || panel.mtimeMs < picture.mtimeMs || panel.mtimeMs < modelTime) return null;
    files.push({ input, output, image: roots.refFor(outDir, output), model: resolved.id });
  }
  return { kind: 'stylize', outDir, models: [resolved.id], files, failures: [] };
}

/** Draws the panels into outDir (one PNG each) as the plan says; the outputs come back as ImageRefs of that folder. */
export async function runStylize(plan: StylizeJobPlan, roots: ImageRoots, ctx: JobContext): Promise<StylizeResult> {
  const models = await planModels({ ...plan.request, signal: ctx.signal }, EDITOR_LABELS);
  const { files, failures } = await processImageFiles(plan.images, plan.outDir, models.work, ctx);
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
