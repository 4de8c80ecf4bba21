import { basename, join, resolve } from 'node:path';
import type { FindPanelsRequest, StylizeRequest, StylizeResult } from '../../app/api';
import type { JobContext } from '../../app/progress';
import type { ProviderChoice } from '../../app/stylize';
import { stat } from 'node:fs/promises';
import { DEFAULT_MODEL_ID, isProviderChoice, outputNames, resolveModel, stylizeFiles } from '../services/stylize';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';

export interface StylizePlan {
  images: string[];
  outDir: string;
  model?: string;
  provider: ProviderChoice;
}

export function planStylize(request: StylizeRequest): StylizePlan {
  const req = requireObject(request, 'startStylize');
  const provider = optionalString(req.provider, 'provider') ?? 'auto';
  if (!isProviderChoice(provider)) throw new RequestError('BAD_REQUEST', `provider: "${provider}" is not one of auto, cpu, cuda, dml, coreml`);
  const model = optionalString(req.model, 'model');
  const outDir = optionalString(req.outDir, 'outDir');
  const projectDir = optionalString(req.projectDir, 'projectDir');
  if (!outDir && !projectDir) throw new RequestError('BAD_REQUEST', 'startStylize: give outDir or projectDir');
  return {
    images: requireStrings(req.images, 'images').map((p) => resolve(p)),
    outDir: resolve(outDir ?? styledDir(projectDir as string, model ?? DEFAULT_MODEL_ID)),
    model,
    provider,
  };
}

/** PROJECT/styled/MODEL: one folder per style, so panels of two styles sit side by side (a model file: its name). */
export function styledDir(projectDir: string, model: string): string {
  const name = basename(model).replace(/\.onnx$/i, '').replace(/[^\w.-]+/g, '-') || 'model';
  return join(projectDir, 'styled', name);
}

/** Panels drawn earlier for exactly these pictures in this style, when none is missing or older than its sources. */
export async function findPanels(request: FindPanelsRequest, roots: ImageRoots): Promise<StylizeResult | null> {
  const req = requireObject(request, 'findPanels');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  const images = requireStrings(req.images, 'images').map((p) => resolve(p));
  const model = requireString(req.model, 'model');
  const resolved = await resolveModel(model).catch(() => undefined);
  if (!resolved) return null;
  const outDir = styledDir(projectDir, model);
  const modelTime = (await stat(resolved.file)).mtimeMs;
  const names = outputNames(images);
  const files: StylizeResult['files'] = [];
  for (const [i, input] of images.entries()) {
    const output = join(outDir, names[i]);
    const [panel, picture] = await Promise.all([stat(output).catch(() => undefined), stat(input).catch(() => undefined)]);
    if (!panel || !picture || panel.mtimeMs < picture.mtimeMs || panel.mtimeMs < modelTime) return null;
    files.push({ input, output, image: roots.refFor(outDir, output), model: resolved.id });
  }
  return { kind: 'stylize', outDir, files, failures: [] };
}

/** Stylizes the images into outDir (one PNG each); the outputs come back as ImageRefs of that folder. */
export async function runStylize(plan: StylizePlan, roots: ImageRoots, ctx: JobContext): Promise<StylizeResult> {
  const { files, failures } = await stylizeFiles(plan.images, plan.outDir, { model: plan.model, provider: plan.provider }, ctx);
  return {
    kind: 'stylize',
    outDir: plan.outDir,
    failures: failures.map((f) => ({ input: f.input, message: f.error, ...(f.code ? { code: f.code } : {}) })),
    files: files.map((f) => ({
      input: f.input,
      output: f.output,
      image: roots.refFor(plan.outDir, f.output),
      model: f.model,
      provider: f.provider,
      ...(f.fallback ? { fallback: f.fallback } : {}),
      ms: f.ms,
    })),
  };
}
