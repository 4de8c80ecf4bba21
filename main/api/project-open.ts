import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { KeyframesResult, RecentProject, RelinkVideoRequest } from '../../app/api';
import type { KeyframesDocument } from '../../app/keyframes';
import { comicKeyframes, type Project } from '../../app/project';
import { forgetProject, readRecentList, rememberProject } from '../services/recent';
import { ProjectFileError, readProject, setAsideProject, writeFileAtomic, writeProject } from '../services/store';
import { probeVideo } from '../services/video';
import type { ImageRoots } from './image-roots';
import { finishInterruptedWrites, keyframesResult } from './keyframes-command';
import { sameVideo } from './project-commands';
import { requireObject, requireString } from './request-checks';
import { removeUnusedGrabs } from './unused-grabs';

export type ProjectOpenCode = 'PROJECT_MISSING' | 'PROJECT_DAMAGED' | 'PROJECT_TOO_NEW' | 'VIDEO_MISSING' | 'VIDEO_MISMATCH';

/** Why a project the user asked for does not open; the message names the file and the cause. */
export class ProjectOpenError extends Error {
  constructor(readonly code: ProjectOpenCode, message: string, readonly videoPath?: string) {
    super(message);
    this.name = 'ProjectOpenError';
  }
}

/**
 * project.json of a folder the user is opening. A damaged one is moved aside at once (never overwritten, never
 * deleted) and reported; one of a newer app is left exactly as it is and reported.
 */
async function projectToOpen(projectDir: string): Promise<Project> {
  let project: Project | undefined;
  try {
    project = await readProject(projectDir);
  } catch (err) {
    if (!(err instanceof ProjectFileError)) throw err;
    if (err.code === 'PROJECT_TOO_NEW') throw new ProjectOpenError('PROJECT_TOO_NEW', `${err.message}; it is left as it is: open it with that version`);
    const aside = await setAsideProject(projectDir, 'damaged');
    throw new ProjectOpenError('PROJECT_DAMAGED', `${err.message}; it is kept as ${aside} (nothing was overwritten): find the key frames again to start anew`);
  }
  if (!project) throw new ProjectOpenError('PROJECT_MISSING', await missingWhy(projectDir));
  return project;
}

/** Why a folder has no project.json: set aside earlier (named), or the folder moved or deleted. */
async function missingWhy(projectDir: string): Promise<string> {
  const aside = (await readdir(projectDir).catch(() => [] as string[])).filter((f) => f.startsWith('project.json.damaged-')).sort();
  const file = join(projectDir, 'project.json');
  return aside.length
    ? `${file}: none; the damaged one was set aside as ${join(projectDir, aside[aside.length - 1])}: find the key frames again to start anew`
    : `${file}: no project there (was the folder moved or deleted?)`;
}

async function readAnalysis(projectDir: string): Promise<KeyframesDocument> {
  const file = join(projectDir, 'frames', 'keyframes.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as KeyframesDocument;
  } catch (err) {
    throw new ProjectOpenError('PROJECT_DAMAGED', `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'damaged'}; find the key frames again`);
  }
}

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

/** Opens a project folder as the user asked (recent list, reload): remembered at the top of the recent list. */
export async function openProjectFolder(projectDir: string, roots: ImageRoots): Promise<KeyframesResult> {
  const dir = resolve(projectDir);
  const project = await projectToOpen(dir);
  await finishInterruptedWrites(dir);
  const document = await readAnalysis(dir);
  const video = project.video.path;
  if (!(await isFile(video))) {
    throw new ProjectOpenError('VIDEO_MISSING', `${video}: the video of this project is not there any more (moved, renamed or deleted); show where it is now`, video);
  }
  const info = await probeVideo(video);
  if (!sameVideo(project.video, { ...info, path: video })) {
    throw new ProjectOpenError('VIDEO_MISMATCH', `${video}: not the video this project was made of (${describe(info)} now, ${describe(project.video)} then); find the key frames again`, video);
  }
  await rememberProject(dir);
  await removeUnusedGrabs(dir, project);
  return keyframesResult(dir, document, project, roots);
}

const describe = (v: Project['video']) => `${v.width}×${v.height}, ${v.frameCount} frames`;

/** Points the project at its video's new place once a probe shows it is the same video, then opens it. */
export async function relinkVideo(request: RelinkVideoRequest, roots: ImageRoots): Promise<KeyframesResult> {
  const req = requireObject(request, 'relinkVideo');
  const dir = resolve(requireString(req.projectDir, 'projectDir'));
  const video = resolve(requireString(req.video, 'video'));
  const project = await projectToOpen(dir);
  await finishInterruptedWrites(dir);
  const document = await readAnalysis(dir);
  const info = await probeVideo(video);
  const moved = { ...project.video, path: video };
  if (!sameVideo(moved, { ...info, path: video })) {
    throw new ProjectOpenError('VIDEO_MISMATCH', `${basename(video)}: not the video this project was made of (${describe(info)}; the project's has ${describe(project.video)}); nothing was changed`);
  }
  await writeProject(dir, { ...project, video: moved });
  const framesDir = join(dir, 'frames');
  await writeFileAtomic(join(framesDir, 'keyframes.json'), `${JSON.stringify({ ...document, video: { ...document.video, path: video } }, null, 2)}\n`);
  return openProjectFolder(dir, roots);
}

/** The recent list, each entry read from its folder now (a folder gone, a video moved: said, not hidden). */
export async function listRecentProjects(roots: ImageRoots): Promise<RecentProject[]> {
  const entries = await readRecentList();
  return Promise.all(entries.map((e) => describeProject(e.projectDir, e.openedAt, roots)));
}

async function describeProject(projectDir: string, openedAt: string, roots: ImageRoots): Promise<RecentProject> {
  const base = { projectDir, openedAt, title: basename(projectDir), videoName: '', videoPath: '' };
  let project: Project | undefined;
  try {
    project = await readProject(projectDir);
  } catch (err) {
    return { ...base, problem: { code: (err as ProjectFileError).code ?? 'PROJECT_DAMAGED', message: (err as Error).message } };
  }
  if (!project) return { ...base, problem: { code: 'PROJECT_MISSING', message: await missingWhy(projectDir) } };
  const { video } = project;
  const videoName = basename(video.path);
  const kept = comicKeyframes(project);
  const changed = await stat(join(projectDir, 'project.json')).then((s) => s.mtime.toISOString(), () => undefined);
  const first = kept[0] ?? project.keyframes[0];
  const thumbnail = first && (await isFile(join(projectDir, 'frames', first.file))) ? roots.refFor(join(projectDir, 'frames'), first.file) : undefined;
  const missing = !(await isFile(video.path));
  return {
    ...base,
    title: basename(videoName, extname(videoName)) || base.title,
    videoName,
    videoPath: video.path,
    duration: video.duration,
    keyframes: project.keyframes.length,
    kept: kept.length,
    ...(changed ? { changedAt: changed } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    ...(missing ? { problem: { code: 'VIDEO_MISSING', message: `${video.path}: the video is not there any more` } } : {}),
  };
}

export async function forgetRecentProject(projectDir: unknown): Promise<void> {
  await forgetProject(requireString(projectDir, 'projectDir'));
}
