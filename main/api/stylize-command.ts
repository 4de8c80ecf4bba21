import { basename, join, resolve } from 'node:path';
import type { FindPanelsRequest, StylizeRequest, StylizeResult } from '../../app/api';
import type { JobContext } from '../../app/progress';
import type { ProviderChoice } from '../../app/stylize';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { isMaskShape, rasterizeShapes, scaleShape, type MaskShape } from '../../app/masks';
import { writeFileAtomic } from '../services/store';
import { DEFAULT_MODEL_ID, isProviderChoice, outputNames, planStylize as planModels, processImageFiles, type PlanLabels, type StylizePlanRequest } from '../services/stylize';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { optionalString, requireObject, requireString, requireStrings } from './request-checks';


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
 * What a folder's panels were made with, written beside them after each run: every model with its file, and each
 * panel's hand-drawn regions by its file name. A panel is drawn again only when its picture, a model's file or its
 * regions changed since (or it is missing); panels of a cancelled or failed run are drawn again.
 */
const MADE_WITH_FILE = 'made-with.json';
interface MadeWith {
  models: Array<{ id: string; file: string }>;
  /** Regions of each panel drawn (by output file name), as regionsText of that picture's own. */
  panels?: Record<string, string>;
  /** Older folders: the regions of the whole set. */
  regions?: string;
}
const regionsText = (drawn: Regions['drawn']) => JSON.stringify(Object.entries(drawn ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
const pictureRegions = (drawn: Regions['drawn'], input: string) => JSON.stringify(drawn?.[input] ?? []);

async function readMadeWith(outDir: string): Promise<MadeWith | undefined> {
  try {
    const made = JSON.parse(await readFile(join(outDir, MADE_WITH_FILE), 'utf8')) as MadeWith;
    return Array.isArray(made.models) && made.models.length ? made : undefined;
  } catch {
    return undefined;
  }
}

/** The panels of `images` in outDir that are there and up to date: drawn after their picture and every model's file. */
async function freshPanels(outDir: string, images: string[], drawn: Regions['drawn'], made: MadeWith | undefined, models?: Array<{ id: string; file: string }>): Promise<Map<string, string>> {
  const fresh = new Map<string, string>();
  if (!made) return fresh;
  if (models && JSON.stringify(models) !== JSON.stringify(made.models)) return fresh;
  const modelTimes = await Promise.all(made.models.map((m) => stat(m.file).then((st) => st.mtimeMs, () => Infinity)));
  const modelTime = Math.max(...modelTimes);
  const names = outputNames(images);
  for (const [i, input] of images.entries()) {
    const same = made.panels ? made.panels[names[i]] === pictureRegions(drawn, input) : made.regions === regionsText(drawn);
    if (!same) continue;
    const output = join(outDir, names[i]);
    const [panel, picture] = await Promise.all([stat(output).catch(() => undefined), stat(input).catch(() => undefined)]);
    if (panel && picture && panel.mtimeMs >= picture.mtimeMs && panel.mtimeMs >= modelTime) fresh.set(input, output);
  }
  return fresh;
}

/** One style's share of a run: its pictures, its folder, what the service plan is asked. */
export interface StylizeGroup {
  model?: string;
  images: string[];
  outDir: string;
  request: StylizePlanRequest;
}

export interface StylizeJobPlan {
  /** Every picture, in the order asked. */
  images: string[];
  /** The book's folder (the first group's). */
  outDir: string;
  drawn?: Regions['drawn'];
  /** The book's style first, then each per-panel style. */
  groups: StylizeGroup[];
  redrawAll: boolean;
  /** The book style's request (kept for callers that read one). */
  request: StylizePlanRequest;
}

function groupRequest(model: string | undefined, ways: Omit<Regions, 'drawn'>, drawn: Regions['drawn'], images: string[], provider: ProviderChoice): StylizePlanRequest {
  const everyPictureMasked = !!drawn && images.every((p) => drawn[p]?.length);
  return {
    // The background's style: the default one when none is named (the folder's name says so too).
    ...(ways.instagan ? {} : { model: model ?? DEFAULT_MODEL_ID }),
    ...ways,
    masks: [],
    provider,
    ...(drawn ? { masksFor: masksFor(drawn), everyPictureMasked } : {}),
  };
}

/** Per-panel styles, by resolved picture path; checked. */
function panelModelsOf(req: Record<string, unknown>): Record<string, string> {
  if (req.panelModels === undefined) return {};
  const given = requireObject(req.panelModels, 'panelModels');
  const out: Record<string, string> = {};
  for (const [path, m] of Object.entries(given)) {
    if (typeof m !== 'string' || !m) throw new RequestError('BAD_REQUEST', `panelModels of ${path}: a model id is needed`);
    out[resolve(path)] = m;
  }
  return out;
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
  if (regions.people === 'photo' && (model ?? DEFAULT_MODEL_ID) === 'photo') {
    throw new RequestError('BAD_REQUEST', 'people and background both kept as photo: nothing would be drawn');
  }
  const { drawn, ...ways } = regions;
  const images = requireStrings(req.images, 'images').map((p) => resolve(p));
  const own = panelModelsOf(req);
  if (Object.keys(own).length && (!projectDir || regions.instagan)) {
    throw new RequestError('BAD_REQUEST', regions.instagan ? 'panelModels: InstaGAN panels take no style' : 'panelModels: give projectDir (each style has its folder there)');
  }
  const book = model ?? DEFAULT_MODEL_ID;
  const byModel = new Map<string, string[]>([[book, []]]);
  for (const p of images) {
    const m = own[p] && own[p] !== book ? own[p] : book;
    byModel.set(m, [...(byModel.get(m) ?? []), p]);
  }
  const groups = [...byModel].filter(([m, list]) => list.length || m === book).map(([m, list]): StylizeGroup => ({
    ...(regions.instagan ? {} : { model: m }),
    images: list,
    outDir: resolve(m === book && outDir ? outDir : styledDir(projectDir as string, m, regions)),
    request: groupRequest(regions.instagan ? undefined : m, ways, drawn, list, provider as ProviderChoice),
  }));
  return {
    images,
    outDir: groups[0].outDir,
    groups,
    redrawAll: req.redrawAll === true,
    request: groups[0].request,
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

/** Panels drawn earlier for exactly these pictures in these styles, when none is missing or older than its sources. */
export async function findPanels(request: FindPanelsRequest, roots: ImageRoots): Promise<StylizeResult | null> {
  const req = requireObject(request, 'findPanels');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  const model = requireString(req.model, 'model');
  const { model: _model, outDir: _outDir, ...rest } = req as unknown as StylizeRequest;
  // InstaGAN panels keep the rest of the picture: no model is asked for them.
  const plan = planStylize({ ...rest, ...(rest.instagan ? {} : { model }), projectDir });
  const byInput = new Map<string, StylizeResult['files'][number]>();
  const models: string[] = [];
  for (const g of plan.groups) {
    if (!g.images.length) continue;
    const made = await readMadeWith(g.outDir);
    const fresh = await freshPanels(g.outDir, g.images, plan.drawn, made);
    if (fresh.size !== g.images.length || !made) return null;
    const main = g.request.instagan ?? g.model ?? model;
    for (const [input, output] of fresh) byInput.set(input, { input, output, image: roots.refFor(g.outDir, output), model: main });
    for (const m of made.models) if (!models.includes(m.id)) models.push(m.id);
  }
  return { kind: 'stylize', outDir: plan.outDir, models, files: plan.images.map((p) => byInput.get(p)!), failures: [] };
}

/**
 * Draws the panels of each style into its folder (one PNG each): only those whose picture, style or regions
 * changed since they were drawn (or all with redrawAll); the outputs come back as ImageRefs, in the order asked.
 */
export async function runStylize(plan: StylizeJobPlan, roots: ImageRoots, ctx: JobContext): Promise<StylizeResult> {
  const byInput = new Map<string, StylizeResult['files'][number]>();
  const failures: StylizeResult['failures'] = [];
  const used: string[] = [];
  const planned = await Promise.all(plan.groups.map((g) => planModels({ ...g.request, signal: ctx.signal }, EDITOR_LABELS)));
  const fresh = await Promise.all(plan.groups.map(async (g, i) => {
    if (plan.redrawAll || !g.images.length) return new Map<string, string>();
    const models = planned[i].models.map((m) => ({ id: m.id, file: m.file }));
    return freshPanels(g.outDir, g.images, plan.drawn, await readMadeWith(g.outDir), models);
  }));
  const total = plan.groups.reduce((n, g, i) => n + g.images.length - fresh[i].size, 0);
  let before = 0;
  for (const [i, g] of plan.groups.entries()) {
    const models = planned[i];
    for (const m of models.models) if (!used.includes(m.id)) used.push(m.id);
    // The panel's style as the user named it: InstaGAN's model, else the whole picture's (or the background's).
    const main = models.roles.instagan ?? models.roles.style ?? models.roles.background ?? models.models[0]?.id ?? '';
    for (const [input, output] of fresh[i]) byInput.set(input, { input, output, image: roots.refFor(g.outDir, output), model: main, reused: true });
    const todo = g.images.filter((p) => !fresh[i].has(p));
    if (!todo.length) continue;
    await mkdir(g.outDir, { recursive: true });
    const names = outputNames(g.images);
    const drawnNames = outputNames(todo);
    // Names follow the whole group (two pictures of one name get longer ones): draw it whole if a subset would differ.
    const list = drawnNames.every((n, k) => n === names[g.images.indexOf(todo[k])]) ? todo : g.images;
    const share = list.length / Math.max(1, total);
    const offset = before;
    models.prepare();
    const result = await processImageFiles(list, g.outDir, models.work, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress?.({ ...p, done: offset + p.done, total, fraction: (offset + (p.fraction ?? 0) * list.length) / Math.max(1, total) }),
    });
    before += list.length;
    const failed = new Set(result.failures.map((f) => f.input));
    const made = await readMadeWith(g.outDir);
    const modelsNow = models.models.map((m) => ({ id: m.id, file: m.file }));
    const keep = made && JSON.stringify(made.models) === JSON.stringify(modelsNow) && made.panels ? made.panels : {};
    const panels: Record<string, string> = { ...keep };
    for (const [k, input] of g.images.entries()) {
      if (list.includes(input)) {
        if (failed.has(input)) delete panels[names[k]];
        else panels[names[k]] = pictureRegions(plan.drawn, input);
      }
    }
    await writeFileAtomic(join(g.outDir, MADE_WITH_FILE), JSON.stringify({ models: modelsNow, panels } satisfies MadeWith));
    failures.push(...result.failures.map((f) => ({ input: f.input, message: f.error, ...(f.code ? { code: f.code } : {}) })));
    for (const f of result.files) {
      byInput.set(f.input, {
        input: f.input,
        output: f.output,
        image: roots.refFor(g.outDir, f.output),
        model: main,
        ...(f.provider ? { provider: f.provider } : {}),
        ...(f.fallback ? { fallback: f.fallback } : {}),
        ms: f.ms,
      });
    }
  }
  return {
    kind: 'stylize',
    outDir: plan.outDir,
    models: used,
    failures,
    files: plan.images.flatMap((p) => byInput.get(p) ?? []),
  };
}
