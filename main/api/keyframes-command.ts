import { createHash } from 'node:crypto';
import { basename, extname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { FilmstripIndex } from '../../app/filmstrip';
import type { KeyframesRequest, KeyframesResult, OpenProjectRequest } from '../../app/api';
import { DEFAULT_ANALYSIS_PARAMS, type AnalysisParams, type KeyframesDocument } from '../../app/keyframes';
import type { Project } from '../../app/project';
import type { JobContext } from '../../app/progress';
import { validateAnalysisParams } from '../services/keyframes';
import { runKeyframesJob, THUMB_DIR } from '../services/keyframes/keyframes-job';
import { rememberProject } from '../services/recent';
import { cleanStaleTemps, dataDir, readProject } from '../services/store';
import { FILMSTRIP_INDEX, probeVideo } from '../services/video';
import type { ImageRoots } from './image-roots';
import { openProjectFolder } from './project-open';
import { sameVideo, saveAnalysedProject } from './project-commands';
import { optionalString, requireObject, requireString } from './request-checks';
import { removeUnusedGrabs } from './unused-grabs';

/** A project folder per video in the data folder: its name plus a hash of its full path (two "clip.mp4" differ). */
export function defaultProjectDir(video: string): string {
  const abs = resolve(video);
  const name = basename(abs, extname(abs)).replace(/[^\w.-]+/g, '-').slice(0, 40) || 'video';
  const hash = createHash('sha1').update(abs).digest('hex').slice(0, 8);
  return join(dataDir(), 'projects', `${name}-${hash}`);
}

export interface KeyframesPlan {
  video: string;
  projectDir: string;
  framesDir: string;
  params: AnalysisParams;
}

/** Checks a request and fills in its defaults; throws RequestError / AnalysisParamsError before any job starts. */
export function planKeyframes(request: KeyframesRequest): KeyframesPlan {
  const req = requireObject(request, 'startKeyframes');
  const video = resolve(requireString(req.video, 'video'));
  const projectDir = resolve(optionalString(req.projectDir, 'projectDir') ?? defaultProjectDir(video));
  const extra = req.params === undefined ? {} : requireObject(req.params, 'params');
  const params = { ...DEFAULT_ANALYSIS_PARAMS, ...extra } as AnalysisParams;
  validateAnalysisParams(params);
  return { video, projectDir, framesDir: join(projectDir, 'frames'), params };
}

/**
 * Finishes what a killed job left in a project's folders before they are read (a swap it had begun is completed,
 * its staging folders and temporary files removed), so the editor opens a whole analysis and a whole filmstrip.
 */
export async function finishInterruptedWrites(projectDir: string): Promise<void> {
  for (const dir of [join(projectDir, 'frames'), join(projectDir, 'frames', THUMB_DIR), join(projectDir, 'filmstrip')]) await cleanStaleTemps(dir);
  // The project folder itself: temporary files beside project.json, and an earlier build's filmstrip folders.
  await cleanStaleTemps(projectDir, { legacyFilmstrip: true });
}

/** The filmstrip's index in PROJECT/filmstrip, when there is a whole one. */
async function readFilmstrip(projectDir: string): Promise<FilmstripIndex | undefined> {
  try {
    const index = JSON.parse(await readFile(join(projectDir, 'filmstrip', FILMSTRIP_INDEX), 'utf8')) as FilmstripIndex;
    return index.schema === 1 && Array.isArray(index.sheets) && index.count > 0 && index.rate > 0 ? index : undefined;
  } catch {
    return undefined;
  }
}

/** What the renderer gets of an analysed project: the analysis, its pictures as ImageRefs, the review. */
export async function keyframesResult(projectDir: string, document: KeyframesDocument, project: Project, roots: ImageRoots): Promise<KeyframesResult> {
  const framesDir = join(projectDir, 'frames');
  const frames = document.keyframes.map(({ file, ...k }) => ({ ...k, path: join(framesDir, file), image: roots.refFor(framesDir, file) }));
  const index = await readFilmstrip(projectDir);
  const filmstrip = index ? { root: roots.register(join(projectDir, 'filmstrip')), index } : undefined;
  return {
    kind: 'keyframes',
    projectDir,
    framesDir,
    document,
    frames,
    project,
    framesRoot: roots.register(framesDir),
    ...(filmstrip ? { filmstrip } : {}),
    video: roots.registerFile(project.video.path),
  };
}

/** The key-frame job: full-resolution key frames + keyframes.json in PROJECT/frames, the review in project.json. */
export async function runKeyframes(plan: KeyframesPlan, roots: ImageRoots, ctx: JobContext): Promise<KeyframesResult> {
  const document = await runKeyframesJob(plan.video, { params: plan.params, outDir: plan.framesDir, filmstripDir: join(plan.projectDir, 'filmstrip'), shotsSoFar: true }, ctx);
  const project = await saveAnalysedProject(plan.projectDir, document);
  await rememberProject(plan.projectDir);
  return keyframesResult(plan.projectDir, document, project, roots);
}

/**
 * The saved review of a video, without analysing it again; null when there is none to trust: no project or no
 * keyframes.json, a damaged one (the next analysis sets it aside), another video, or the video changed since.
 */
export async function openProject(request: OpenProjectRequest, roots: ImageRoots): Promise<KeyframesResult | null> {
  const req = requireObject(request, 'openProject');
  if (req.video === undefined || req.video === null) return openProjectFolder(requireString(req.projectDir, 'projectDir'), roots);
  const video = resolve(requireString(req.video, 'video'));
  const projectDir = resolve(optionalString(req.projectDir, 'projectDir') ?? defaultProjectDir(video));
  const project = await readProject(projectDir).catch(() => undefined);
  if (!project || resolve(project.video.path) !== video) return null;
  await finishInterruptedWrites(projectDir);
  let document: KeyframesDocument;
  try {
    document = JSON.parse(await readFile(join(projectDir, 'frames', 'keyframes.json'), 'utf8')) as KeyframesDocument;
  } catch {
    return null;
  }
  const info = await probeVideo(video).catch(() => undefined);
  if (!info || !sameVideo(project.video, { ...info, path: video })) return null;
  await removeUnusedGrabs(projectDir, project);
  return keyframesResult(projectDir, document, project, roots);
}
