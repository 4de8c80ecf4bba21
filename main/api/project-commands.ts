import { join, resolve } from 'node:path';
import type { GrabbedFrame, GrabFrameRequest, SaveProjectRequest } from '../../app/api';
import type { KeyframesDocument } from '../../app/keyframes';
import { manualId, projectFromAnalysis, shotAt, type Project } from '../../app/project';
import { checkProject, ProjectFileError, readProject, setAsideDamagedProject, writeProject } from '../services/store';
import { extractFrames } from '../services/video';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { requireObject, requireString } from './request-checks';

/**
 * After an analysis: the project with the earlier review kept, saved. A damaged project.json is set aside (kept for
 * the user, named in the warnings) and a new project started.
 */
export async function saveAnalysedProject(projectDir: string, document: KeyframesDocument): Promise<Project> {
  let previous: Project | undefined;
  try {
    previous = await readProject(projectDir);
  } catch (err) {
    if (!(err instanceof ProjectFileError && err.code === 'PROJECT_DAMAGED')) throw err;
    const aside = await setAsideDamagedProject(projectDir);
    document.warnings.push(`${err.message}; kept as ${aside} and a new project started`);
  }
  const project = projectFromAnalysis(document, previous);
  await writeProject(projectDir, project);
  return project;
}

async function existingProject(projectDir: string): Promise<Project> {
  const project = await readProject(projectDir);
  if (!project) throw new RequestError('BAD_REQUEST', `${projectDir}: no project there (find the video's key frames first)`);
  return project;
}

export async function saveProject(request: SaveProjectRequest): Promise<void> {
  const req = requireObject(request, 'saveProject');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  await existingProject(projectDir);
  await writeProject(projectDir, checkProject(req.project, 'saveProject: project'));
}

export async function grabFrame(request: GrabFrameRequest, roots: ImageRoots): Promise<GrabbedFrame> {
  const req = requireObject(request, 'grabFrame');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  const time = req.time;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) throw new RequestError('BAD_REQUEST', 'time: expected seconds ≥ 0');
  const project = await existingProject(projectDir);
  const { video } = project;
  if (time >= video.duration) throw new RequestError('BAD_REQUEST', `time: ${time} s is past the end of the video (${video.duration.toFixed(2)} s)`);
  const guess = Math.min(video.frameCount - 1, Math.round(time * video.fps));
  const framesDir = join(projectDir, 'frames');
  const file = `manual-${String(guess).padStart(6, '0')}.jpg`;
  const [got] = await extractFrames(video.path, [{ frame: guess, time, outPath: join(framesDir, file) }], { format: 'jpeg', quality: 92, exact: false });
  // The frame taken is the first at or after `time`: name it by its own time.
  const frame = Math.min(video.frameCount - 1, Math.round(got.actualTime * video.fps));
  return {
    keyframe: { id: manualId(frame), shot: shotAt(project.shots, frame), frame, time: got.actualTime, origin: 'manual', status: 'accepted', file },
    image: roots.refFor(framesDir, file),
  };
}
