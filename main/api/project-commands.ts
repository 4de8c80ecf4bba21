import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { GrabbedFrame, GrabFrameRequest, SavedProject, SaveProjectRequest } from '../../app/api';
import { keyframeThumbFile, type KeyframesDocument } from '../../app/keyframes';
import { THUMB_WIDTH } from '../services/keyframes/keyframes-job';
import { manualId, projectFromAnalysis, shotAt, type Project } from '../../app/project';
import { checkProject, cleanStaleTemps, ProjectFileError, readProject, renameDurable, setAsideProject, tempPathBeside, writeFileAtomic, writeProject } from '../services/store';
import { extractFrames } from '../services/video';
import { sharp } from '../services/video/sharp-instance';
import { RequestError } from './error-info';
import type { ImageRoots } from './image-roots';
import { requireObject, requireString } from './request-checks';

/**
 * After an analysis: the project with the earlier review kept, saved. A damaged project.json is set aside (kept for
 * the user, named in the warnings) and a new project started.
 */
export async function saveAnalysedProject(projectDir: string, document: KeyframesDocument): Promise<Project> {
  await cleanStaleTemps(projectDir, { legacyFilmstrip: true });
  let previous: Project | undefined;
  try {
    previous = await readProject(projectDir);
  } catch (err) {
    if (!(err instanceof ProjectFileError && err.code === 'PROJECT_DAMAGED')) throw err;
    const aside = await setAsideProject(projectDir, 'damaged');
    document.warnings.push(`${err.message}; kept as ${aside} and a new project started`);
  }
  // A review of other pictures (the file was replaced, or the folder held another video) would pin its choices,
  // crops and balloons on frames that now show something else.
  if (previous && !sameVideo(previous.video, document.video)) {
    const aside = await setAsideProject(projectDir, 'replaced');
    document.warnings.push(`${document.video.path} is not the video the saved review was made of; that review is kept as ${aside}`);
    previous = undefined;
  }
  // A new analysis is saved whatever revision is there; a window still editing the earlier one is then told.
  return writeProject(projectDir, projectFromAnalysis(document, previous));
}

/** The same file with the same pictures, as far as a probe tells: path, size and frame count. */
export function sameVideo(a: Project['video'], b: Project['video']): boolean {
  return resolve(a.path) === resolve(b.path) && a.frameCount === b.frameCount && a.width === b.width && a.height === b.height;
}

async function existingProject(projectDir: string): Promise<Project> {
  const project = await readProject(projectDir);
  if (!project) throw new RequestError('BAD_REQUEST', `${projectDir}: no project there (find the video's key frames first)`);
  return project;
}

export async function saveProject(request: SaveProjectRequest): Promise<SavedProject> {
  const req = requireObject(request, 'saveProject');
  const projectDir = resolve(requireString(req.projectDir, 'projectDir'));
  await existingProject(projectDir);
  const project = checkProject(req.project, 'saveProject: project');
  const base = (req.baseRevision ?? project.revision ?? 0) as number;
  if (typeof base !== 'number' || !Number.isInteger(base) || base < 0) throw new RequestError('BAD_REQUEST', 'baseRevision: expected a whole number ≥ 0');
  const saved = await writeProject(projectDir, project, req.overwrite === true ? {} : { baseRevision: base });
  return { revision: saved.revision ?? 0 };
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
  // Taken under a temporary name: which frame it is shows only once it is decoded, and a picture the project
  // already uses is never overwritten.
  const temp = tempPathBeside(join(framesDir, 'grab.jpg'));
  let got;
  try {
    [got] = await extractFrames(video.path, [{ frame: guess, time, outPath: temp }], { format: 'jpeg', quality: 92, exact: false });
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  const frame = Math.min(video.frameCount - 1, Math.round(got.actualTime * video.fps));
  const file = `manual-${String(frame).padStart(6, '0')}.jpg`;
  if (project.keyframes.some((k) => k.id === manualId(frame) || k.file === file)) {
    await rm(temp, { force: true });
    throw new RequestError('BAD_REQUEST', `frame ${frame} (${got.actualTime.toFixed(2)} s) is a key frame already`);
  }
  try {
    await renameDurable(temp, join(framesDir, file));
  } finally {
    await rm(temp, { force: true });
  }
  // Its thumbnail, as the key-frame job writes one for each of its pictures (the timeline shows those).
  const thumb = join(framesDir, keyframeThumbFile(file));
  await mkdir(dirname(thumb), { recursive: true });
  await writeFileAtomic(thumb, await sharp(join(framesDir, file)).resize({ width: THUMB_WIDTH, kernel: 'lanczos3' }).jpeg({ quality: 82 }).toBuffer());
  return {
    keyframe: { id: manualId(frame), shot: shotAt(project.shots, frame), frame, time: got.actualTime, origin: 'manual', status: 'accepted', file },
    image: roots.refFor(framesDir, file),
  };
}
