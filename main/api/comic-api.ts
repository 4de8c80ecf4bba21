import { join, resolve } from 'node:path';
import type { AppInfo, ComicCommands, ImageRef, JobEvent } from '../../app/api';
import { dataDir } from '../services/store';
import { shutdownInference } from '../services/stylize';
import { makeSampleVideoAsync, probeVideo } from '../services/video';
import { appInfo } from './app-info';
import { planExport, runExport } from './export-command';
import { grabFrame, saveProject } from './project-commands';
import { FolderAccess } from './folder-access';
import type { PickedExports } from './picked-exports';
import { ImageRoots } from './image-roots';
import { JobRegistry } from './job-registry';
import { openProject, planKeyframes, runKeyframes } from './keyframes-command';
import { importModelFile, installModelsFolder, listModelSummaries } from './models-commands';
import { forgetRecentProject, listRecentProjects, relinkVideo } from './project-open';
import { requireString } from './request-checks';
import { findPanels, planStylize, runStylize } from './stylize-command';
import { stylePreview } from './style-preview';

/** The ComicApi's one implementation, plus what only the adapters use (image files, shutdown). */
export interface ComicService extends ComicCommands {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** The checked absolute path of an image the API handed out; RequestError (IMAGE_*) for anything else. */
  resolveImage(ref: ImageRef): Promise<string>;
  /** Cancels every running job and waits for them (ffmpeg children killed), then stops the inference worker. */
  dispose(): Promise<void>;
}

export interface ComicServiceOptions {
  /** Which adapter serves the renderer (reported by appInfo). */
  host?: AppInfo['host'];
  /**
   * The only folders the API may write into and take pictures from (read at each call); default: anywhere. The
   * browser host passes the data folder and what its owner allowed.
   */
  allowedFolders?: () => string[];
  /**
   * Where exports may go besides the project folder: only the targets the user picked in a dialog (Electron), each
   * once. Without it an export's `outFile` is checked like any other write (allowedFolders).
   */
  pickedExports?: PickedExports;
}

/**
 * The plain-Node service object behind both adapters (Electron ipc and the browser host). No Electron, no HTTP:
 * tests call it directly.
 */
export function createComicApi(options: ComicServiceOptions = {}): ComicService {
  const jobs = new JobRegistry();
  const roots = new ImageRoots();
  const sampleAbort = new AbortController();
  const access = new FolderAccess(options.allowedFolders);
  const project = <R extends { projectDir?: unknown }>(request: R, what: string): R => {
    if (request && typeof request.projectDir === 'string') access.check(resolve(request.projectDir), `${what}: projectDir`);
    return request;
  };
  return {
    appInfo: async () => appInfo(options.host ?? 'node'),
    probeVideo: async (path) => probeVideo(resolve(requireString(path, 'path'))),
    makeSampleVideo: async () => makeSampleVideoAsync(join(dataDir(), 'sample', 'sample.mp4'), sampleAbort.signal),
    startKeyframes: async (request) => {
      const plan = planKeyframes(request);
      access.check(plan.projectDir, 'startKeyframes: projectDir');
      return { job: jobs.start('keyframes', (ctx) => runKeyframes(plan, roots, ctx)), kind: 'keyframes' };
    },
    startStylize: async (request) => {
      const plan = planStylize(request);
      access.check(plan.outDir, 'startStylize: the panels\' folder');
      access.checkAll(plan.images, 'startStylize: images');
      return { job: jobs.start('stylize', (ctx) => runStylize(plan, roots, ctx)), kind: 'stylize' };
    },
    openProject: async (request) => openProject(project(request, 'openProject'), roots),
    findPanels: async (request) => {
      if (Array.isArray(request?.images)) access.checkAll(request.images.map((p) => resolve(String(p))), 'findPanels: images');
      return findPanels(project(request, 'findPanels'), roots);
    },
    saveProject: async (request) => saveProject(project(request, 'saveProject')),
    grabFrame: async (request) => grabFrame(project(request, 'grabFrame'), roots),
    startExport: async (request) => {
      const plan = planExport(request);
      // A target the user picked in the dialog is admitted by that pick alone (it may be anywhere); any other export
      // goes into the project folder, which must be one this editor may use.
      if (options.pickedExports && request.outFile !== undefined) options.pickedExports.take(plan.file, plan.format, 'startExport: outFile');
      else access.check(plan.file, 'startExport: the PDF');
      access.checkAll(plan.pictures, 'startExport: pictures');
      return { job: jobs.start('export', (ctx) => runExport(plan, roots, ctx)), kind: 'export' };
    },
    getJob: async (id) => jobs.snapshot(id),
    cancelJob: async (id) => jobs.cancel(id),
    listModels: listModelSummaries,
    importModel: importModelFile,
    installModelsFolder,
    stylePreview: (request) => stylePreview(request, roots),
    listRecentProjects: () => listRecentProjects(roots),
    forgetRecentProject,
    relinkVideo: (request) => relinkVideo(request, roots),
    onJobEvent: (listener) => jobs.onEvent(listener),
    resolveImage: (ref) => roots.resolve(ref),
    dispose: async () => {
      sampleAbort.abort();
      await jobs.cancelAll();
      await shutdownInference();
    },
  };
}
