import { createHash } from 'node:crypto';
import { basename, extname, join, resolve } from 'node:path';
import type { KeyframesRequest, KeyframesResult } from '../../app/api';
import { DEFAULT_ANALYSIS_PARAMS, type AnalysisParams } from '../../app/keyframes';
import type { JobContext } from '../../app/progress';
import { validateAnalysisParams } from '../services/keyframes';
import { runKeyframesJob } from '../services/keyframes/keyframes-job';
import { dataDir } from '../services/store';
import type { ImageRoots } from './image-roots';
import { saveAnalysedProject } from './project-commands';
import { optionalString, requireObject, requireString } from './request-checks';

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

/** The key-frame job: full-resolution key frames + keyframes.json in PROJECT/frames, each frame as an ImageRef. */
export async function runKeyframes(plan: KeyframesPlan, roots: ImageRoots, ctx: JobContext): Promise<KeyframesResult> {
  const document = await runKeyframesJob(plan.video, { params: plan.params, outDir: plan.framesDir }, ctx);
  const frames = document.keyframes.map(({ file, ...k }) => ({
    ...k,
    path: join(plan.framesDir, file),
    image: roots.refFor(plan.framesDir, file),
  }));
  const project = await saveAnalysedProject(plan.projectDir, document);
  const framesRoot = roots.register(plan.framesDir);
  return { kind: 'keyframes', projectDir: plan.projectDir, framesDir: plan.framesDir, document, frames, project, framesRoot };
}
