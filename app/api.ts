/**
 * ComicApi: the one contract between the editor UI (renderer/) and the engines (main/services/).
 *
 * One plain-Node object implements it (main/api createComicApi); two thin adapters carry it to the renderer:
 * Electron (main/electron: preload + ipc) and the browser host (main/host: HTTP + Server-Sent Events). Arguments and
 * results are plain JSON data so both transports carry them unchanged. The editor grows it by adding a command to
 * ComicCommands and its name to COMIC_COMMANDS; both adapters forward every listed command without further code.
 */
import type { ExportFormat, ImageEncoding } from './export-settings';
import type { FilmstripIndex } from './filmstrip';
import type { AnalysisParams, DetectedKeyFrame, KeyframesDocument } from './keyframes';
import type { MaskShape } from './masks';
import type { ComicPage, PageSizeId, ReadingOrder } from './page';
import type { Project, ProjectKeyFrame } from './project';
import type { Progress } from './progress';
import type { CatalogEntry, ModelKind, ProviderChoice, ProviderName } from './stylize';
import type { VideoInfo } from './video';

/**
 * An image the renderer may show: a file inside a folder the API registered (a job's output folder). The renderer
 * turns it into a URL with ComicApi.imageUrl; the adapters serve only files inside registered folders.
 */
export interface ImageRef {
  /** Opaque id of the registered folder. */
  root: string;
  /** Path inside it, '/'-separated, no '..'. */
  file: string;
}

export interface BinaryInfo {
  path: string;
  /** Where it came from: env, ffmpeg-static, @ffmpeg-installer/ffmpeg, PATH, ... */
  source: string;
  version: string;
}

export interface ProviderStatus {
  name: ProviderName;
  available: boolean;
  /** Why it is not available. */
  reason?: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Which adapter serves this renderer. */
  host: 'electron' | 'browser' | 'node';
  versions: { node: string; electron?: string; chrome?: string };
  /** The ffmpeg the app uses, or why there is none. */
  ffmpeg: BinaryInfo | { error: string };
  /** null: no ffprobe; videos are probed from ffmpeg's own report. */
  ffprobe: BinaryInfo | null;
  kernels: { kind: 'native' | 'typescript'; reason?: string };
  providers: ProviderStatus[];
  defaultModel: string;
  dataDir: string;
  defaultParams: AnalysisParams;
  /** The browser host's largest video upload (bytes, POST /api/upload); absent where files are used in place. */
  uploadMaxBytes?: number;
}

export interface KeyframesRequest {
  video: string;
  /** Project folder; key frames go to PROJECT/frames. Default: a folder per video in the data folder. */
  projectDir?: string;
  /** Merged over the defaults (AppInfo.defaultParams). */
  params?: Partial<AnalysisParams>;
}

export interface KeyframeImage extends DetectedKeyFrame {
  /** Absolute path of the full-resolution image. */
  path: string;
  image: ImageRef;
}

export interface KeyframesResult {
  kind: 'keyframes';
  projectDir: string;
  framesDir: string;
  document: KeyframesDocument;
  /** document.keyframes with their files, in time order. */
  frames: KeyframeImage[];
  /**
   * The project as saved in PROJECT/project.json after this analysis: the key frames to review, with the statuses
   * and hand-added frames of an earlier review of the same video kept.
   */
  project: Project;
  /** Root of PROJECT/frames: a ProjectKeyFrame's picture is { root: framesRoot, file }. */
  framesRoot: string;
  /**
   * The filmstrip written during the analysis (PROJECT/filmstrip) for scrubbing the timeline: a sheet's picture is
   * { root, file: sheet }. Absent for a project analysed before filmstrips were written.
   */
  filmstrip?: { root: string; index: FilmstripIndex };
  /** The video itself, to play in the editor (served with range requests); absent when it is not there. */
  video?: ImageRef;
}

export interface OpenProjectRequest {
  /**
   * The video whose saved review to look up (null when it has none to trust). Without it, `projectDir` is opened as
   * the user asked for it (from the recent list, after a reload): what stops it opening is thrown, with the file and
   * the cause (PROJECT_DAMAGED, set aside; PROJECT_TOO_NEW, left untouched; VIDEO_MISSING, to be re-linked).
   */
  video?: string;
  /** Default: the video's project folder in the data folder, as startKeyframes uses. */
  projectDir?: string;
}

/** One entry of the start screen's recent projects, read from its folder when the list is asked for. */
export interface RecentProject {
  projectDir: string;
  /** The video's name without its extension. */
  title: string;
  videoName: string;
  videoPath: string;
  /** Seconds. */
  duration?: number;
  keyframes?: number;
  /** Key frames going into the comic (all but the dropped). */
  kept?: number;
  /** When project.json last changed (ISO 8601). */
  changedAt?: string;
  openedAt: string;
  /** The first kept key frame's picture. */
  thumbnail?: ImageRef;
  /** Why it will not open as it is, found when the list was read. */
  problem?: { code: string; message: string };
}

export interface RelinkVideoRequest {
  projectDir: string;
  /** Where the project's video is now. */
  video: string;
}

/** A file the browser host received (POST /api/upload): where it is in the data folder, and what the probe saw. */
export interface UploadedVideo {
  path: string;
  name: string;
  size: number;
  info: VideoInfo;
}

export interface SaveProjectRequest {
  projectDir: string;
  project: Project;
  /**
   * The revision this state was made on (the one openProject/the analysis gave, or the last save's); default the
   * project's own `revision`. When project.json has another (a save from another tab or window since), the save is
   * refused with PROJECT_CONFLICT and nothing is written.
   */
  baseRevision?: number;
  /** Save over whatever revision is there (the user chose to keep this window's version). */
  overwrite?: boolean;
}

export interface SavedProject {
  /** The revision project.json now has: the base of the next save. */
  revision: number;
}

export interface GrabFrameRequest {
  projectDir: string;
  /** Seconds from the first frame; the first frame at or after it is taken. */
  time: number;
}

export interface GrabbedFrame {
  /** A manual key frame, accepted, its picture in PROJECT/frames: not in the project until the editor adds it. */
  keyframe: ProjectKeyFrame;
  image: ImageRef;
}

export interface StylizeRequest {
  images: string[];
  /** Where the panels go; default PROJECT/styled/MODEL when projectDir is given (one of the two is needed). */
  outDir?: string;
  /** The project the images belong to (KeyframesResult.projectDir). */
  projectDir?: string;
  /** Catalog or imported model id; default the built-in style. With `people`: the background's, or 'photo'. */
  model?: string;
  provider?: ProviderChoice;
  /** The people (found by the person segmenter) in their own style: a model id, or 'photo' to keep them as they are. */
  people?: string;
  /** Or translate the people with an InstaGAN model, the rest of the picture kept as it is. */
  instagan?: string;
  /**
   * Regions drawn by hand (with people or instagan), by picture path: one instance each, in fractions of the picture.
   * A picture with none has its people found by the segmenter.
   */
  regions?: Record<string, MaskShape[]>;
  /**
   * Pictures drawn in another style than `model` (a per-panel style), by picture path: each goes to that style's
   * folder (projectDir is then needed). With people apart, they are treated the same way.
   */
  panelModels?: Record<string, string>;
  /** Draw every panel again, even those already drawn from the same picture, style and regions. */
  redrawAll?: boolean;
}

export interface StylizedImage {
  input: string;
  output: string;
  image: ImageRef;
  model: string;
  /** Where it ran, and how long it took (absent for a panel drawn in an earlier session: FindPanelsRequest). */
  provider?: ProviderName;
  /** Why the provider that ran is not the one asked for. */
  fallback?: string;
  ms?: number;
  /** Drawn earlier from the same picture, style and regions, so not drawn again in this run. */
  reused?: boolean;
}

export interface FindPanelsRequest {
  projectDir: string;
  model: string;
  /** As in StylizeRequest: panels with the people apart live in a folder of their own. */
  people?: string;
  instagan?: string;
  regions?: Record<string, MaskShape[]>;
  /** The key frames' pictures the panels were drawn from. */
  images: string[];
  /** As in StylizeRequest: pictures drawn in a style of their own. */
  panelModels?: Record<string, string>;
}

export interface StylizeResult {
  kind: 'stylize';
  outDir: string;
  /** Every model that drew (and found people in) the panels: the comic credits them. */
  models: string[];
  files: StylizedImage[];
  /** Inputs that failed on their own (did not decode, ...); the others still ran. */
  failures: Array<{ input: string; message: string; code?: string }>;
}

export interface ExportRequest {
  /** The panels' pictures (StylizedImage.output), in reading order. */
  pictures: string[];
  /** Where the PDF goes; default PROJECT/comic.pdf when projectDir is given (one of the two is needed). */
  outFile?: string;
  projectDir?: string;
  /** The PDF's title (the video's name). */
  title: string;
  /** Ids of the models that drew the pictures: their credits are printed and stamped into the metadata. */
  models: string[];
  page?: PageSizeId;
  readingOrder?: ReadingOrder;
  /** The pages as the user laid them out (picture: index into `pictures`); default the automatic layout. */
  pages?: ComicPage[];
  /** For a print shop: bleed (0.125 in) and crop marks around each page (the same as bleed and marks both true). */
  print?: boolean;
  /** pdf (default), png (one picture per page into a folder: outFile names the folder) or cbz. */
  format?: ExportFormat;
  /** Print resolution the pictures are resampled to (default 300); the PNG and CBZ pages' resolution too. */
  dpi?: number;
  /** JPEG quality 1..100 (default 88). */
  quality?: number;
  /** How pictures are encoded: auto (JPEG, or PNG where smaller), jpeg or png. */
  images?: ImageEncoding;
  /** Bleed of 0.125 in with TrimBox and BleedBox; crop marks outside it (PDF). */
  bleed?: boolean;
  marks?: boolean;
  /** The document's author. */
  author?: string;
}

export interface ExportResult {
  kind: 'export';
  file: string;
  /** The PDF, for the renderer to open (ComicApi.imageUrl serves it). */
  document: ImageRef;
  pages: number;
  panels: number;
  /** The lowest resolution a panel prints at (pixels per inch). */
  minDpi: number;
  /** The credits printed and stamped into it. */
  credits: string[];
  format?: ExportFormat;
  /** PNG pages: each page's file (the first is `document`). */
  files?: string[];
  bytes?: number;
}

export type JobKind = 'keyframes' | 'stylize' | 'export';
export type JobResult = KeyframesResult | StylizeResult | ExportResult;
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A failure as it crosses a transport: the message names the file and the cause; the code is machine-readable. */
export interface ApiErrorInfo {
  message: string;
  code: string;
  name: string;
}

export type JobEvent =
  | { type: 'progress'; job: string; kind: JobKind; progress: Progress }
  | { type: 'done'; job: string; kind: JobKind; result: JobResult }
  | { type: 'failed'; job: string; kind: JobKind; error: ApiErrorInfo }
  | { type: 'cancelled'; job: string; kind: JobKind };

/** A job as it stands now (for a renderer that missed events, e.g. after a reload). */
export interface JobSnapshot {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: Progress;
  result?: JobResult;
  error?: ApiErrorInfo;
}

export interface JobTicket {
  job: string;
  kind: JobKind;
}

export interface ModelSummary {
  id: string;
  name: string;
  kind: ModelKind;
  description: string;
  origin: 'bundled' | 'catalog' | 'imported';
  installed: boolean;
  size?: number;
  licence: CatalogEntry['licence'];
  /** How its file is checked: shipped with the app, by the catalog's sha256, or only by loading it and its spec. */
  verifiedBy: 'app' | 'sha256' | 'spec';
  /** The long side (px) a larger frame is drawn at by default (the authors' scale). */
  recommendedLongSide?: number;
}

export interface ImportModelRequest {
  file: string;
  id?: string;
  kind?: ModelKind;
}

export interface InstallModelsFolderRequest {
  /** A folder holding model files (e.g. the four CartoonGAN .onnx): each catalog model in it is installed. */
  folder: string;
}

export interface InstallModelsFolderResult {
  folder: string;
  /** The catalog models recognised by their sha256 and installed (or already there), as listModels shows them. */
  installed: ModelSummary[];
  /** .onnx files the catalog does not know (left alone: import them one by one). */
  unknown: string[];
  failed: Array<{ file: string; id: string; message: string; code?: string }>;
}

export interface StylePreviewRequest {
  model: string;
  /** A key frame's picture (before/after, draft, cost estimate); default the app's sample photo (the style's card). */
  image?: string;
  /** Needed with `image`: previews live in PROJECT/previews. */
  projectDir?: string;
  /** Long side in px (a draft: small and quick); default the size the panel is drawn at (the model's recommended). */
  size?: number;
}

export interface StylePreview {
  model: string;
  image: ImageRef;
  /** Time it took to make (for a cached one: when it was made), ms: the per-frame estimate at that size. */
  ms: number;
  provider: ProviderName;
  fallback?: string;
  width: number;
  height: number;
  /** The size the model ran at. */
  processedWidth: number;
  processedHeight: number;
  /** Made earlier and still up to date. */
  cached: boolean;
}

/** Request/response commands: JSON in, JSON out. */
export interface ComicCommands {
  appInfo(): Promise<AppInfo>;
  probeVideo(path: string): Promise<VideoInfo>;
  /** Makes (once) the built-in sample video in the data folder and returns its path. */
  makeSampleVideo(): Promise<string>;
  startKeyframes(request: KeyframesRequest): Promise<JobTicket>;
  startStylize(request: StylizeRequest): Promise<JobTicket>;
  /**
   * The saved review of a video, as its analysis left it plus every edit since, without analysing again; null when
   * the video has none (or the video changed since: a different size or length).
   */
  openProject(request: OpenProjectRequest): Promise<KeyframesResult | null>;
  /**
   * The panels an earlier session drew in this style for exactly these pictures (PROJECT/styled/MODEL), when every
   * one is there and newer than both its picture and the model's file; else null (they must be drawn again).
   */
  findPanels(request: FindPanelsRequest): Promise<StylizeResult | null>;
  /** Saves the reviewed project (atomically; the previous project.json stays whole if the save fails). */
  saveProject(request: SaveProjectRequest): Promise<SavedProject>;
  /** Takes the video's frame at a time, full size, into the project's frames: for adding a key frame by hand. */
  grabFrame(request: GrabFrameRequest): Promise<GrabbedFrame>;
  /** Lays the pictures out on pages (the automatic layout) and writes the comic PDF. */
  startExport(request: ExportRequest): Promise<JobTicket>;
  getJob(id: string): Promise<JobSnapshot>;
  /** Resolves at once; the job then ends with a 'cancelled' event (or 'done' when it had already finished). */
  cancelJob(id: string): Promise<void>;
  listModels(): Promise<ModelSummary[]>;
  importModel(request: ImportModelRequest): Promise<ModelSummary>;
  /** Installs every catalog model in a folder in one step (the four CartoonGAN files, ...). */
  installModelsFolder(request: InstallModelsFolderRequest): Promise<InstallModelsFolderResult>;
  /** A style's picture made by the product and cached: its card (the sample photo) or a key frame (before/after). */
  stylePreview(request: StylePreviewRequest): Promise<StylePreview>;
  /** The start screen's projects, newest first, each read from its folder now. */
  listRecentProjects(): Promise<RecentProject[]>;
  /** Takes a project off the recent list; its folder stays. */
  forgetRecentProject(projectDir: string): Promise<void>;
  /** Points a project whose video moved at the video's new place (the same video: size and length checked), and opens it. */
  relinkVideo(request: RelinkVideoRequest): Promise<KeyframesResult>;
}

export type CommandName = keyof ComicCommands;

/** Every command, for the adapters: they forward these names and refuse all others. */
export const COMIC_COMMANDS = [
  'appInfo',
  'probeVideo',
  'makeSampleVideo',
  'startKeyframes',
  'startStylize',
  'findPanels',
  'openProject',
  'saveProject',
  'grabFrame',
  'startExport',
  'getJob',
  'cancelJob',
  'listModels',
  'importModel',
  'installModelsFolder',
  'stylePreview',
  'listRecentProjects',
  'forgetRecentProject',
  'relinkVideo',
] as const satisfies readonly CommandName[];

/** Compile-time check that COMIC_COMMANDS lists every command (a missing one makes this `false`). */
export const COMMANDS_COMPLETE: Exclude<CommandName, (typeof COMIC_COMMANDS)[number]> extends never ? true : false = true;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMIC_COMMANDS as readonly string[]).includes(name);
}

/** What the renderer holds: the commands, job events and image URLs. */
export interface ComicApi extends ComicCommands {
  /** Every job's events; returns the function that stops listening. */
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** A URL the renderer can put in <img src> for an image the API returned. */
  imageUrl(ref: ImageRef): string;
}

/** How a command's outcome crosses a transport (ipc or HTTP), so the error code survives the trip. */
export type ApiReply<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

/** A command's failure on the renderer side, rebuilt from ApiErrorInfo. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, name = 'ApiError') {
    super(message);
    this.name = name;
  }
}

export function unwrapReply<T>(reply: ApiReply<T>): T {
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.code, reply.error.message, reply.error.name);
}

/** The Electron custom protocol images are served on: comic-image://ROOT/FILE. */
export const IMAGE_SCHEME = 'comic-image';

/** Electron ipc channels: commands (ipcRenderer.invoke) and job events (webContents.send). */
export const IPC_CHANNELS = { call: 'comic:call', jobEvent: 'comic:job-event' } as const;

/**
 * How a ComicApi reaches its implementation: Electron's preload exposes one (window.comicBridge), the browser client
 * makes one over HTTP. Replies stay envelopes until the renderer side (app/api-client.ts) unwraps them, because an
 * Error crossing Electron's contextBridge keeps only its message and would lose its code.
 */
export interface ComicTransport {
  call(command: CommandName, args: unknown[]): Promise<ApiReply>;
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  imageUrl(ref: ImageRef): string;
}
