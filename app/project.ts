import type { Balloon } from './balloons';
import type { ExportSettings } from './export-settings';
import type { MaskShape } from './masks';
import type { AnalysisParams, KeyframesDocument, Shot } from './keyframes';
import type { PageSizeId, PanelCrop, ReadingOrder, Rect } from './page';
import type { PageLook, PageRecord } from './pages';

export { pageStyleOf, projectPages } from './pages';

/**
 * A comic project: one video, its shots, and the key frames the user reviews. Stored as PROJECT/project.json beside
 * frames/ (the key-frame pictures, which `file` names) and styled/. Plain data: the renderer edits it through the
 * commands in app/commands, the main process saves it atomically.
 */
export const PROJECT_SCHEMA = 2;

export type KeyFrameOrigin = 'detected' | 'manual';
/** proposed: found by the analysis, not looked at yet (it goes into the comic unless rejected). */
export type KeyFrameStatus = 'proposed' | 'accepted' | 'rejected';

export interface ProjectKeyFrame {
  /** Stable across re-analysis: d-FRAME for a detected frame, m-FRAME for one the user added. */
  id: string;
  shot: number;
  frame: number;
  time: number;
  origin: KeyFrameOrigin;
  status: KeyFrameStatus;
  clusterSize?: number;
  score?: number;
  /** The picture, inside PROJECT/frames. */
  file: string;
}

/** How the kept key frames are laid out on pages: the pages themselves follow from these and the frames kept. */
export interface ProjectLayout {
  page: PageSizeId;
  readingOrder: ReadingOrder;
  /** The template chosen for each page by its index (null: the automatic cycle). */
  templates: Array<string | null>;
  /** How each key frame's panel is cropped, by key frame id (absent: centred, whole). */
  crops: Record<string, PanelCrop>;
  /** The balloons and captions of each key frame's panel, by key frame id (absent in files before balloons). */
  balloons?: Record<string, Balloon[]>;
  /** Panel rectangles drawn over a page's template, by page index then slot (null: the template's own). */
  rects?: Array<Array<Rect | null> | null>;
  /** Key frames that start a new page, by id. */
  breaks?: string[];
  /** The comic's panel order when the user moved pages, by key frame id (others fall in by time). */
  order?: string[];
  /**
   * The pages as the user edited them (absent: the automatic layout, or an older project's templates and rectangles
   * above, which the first page edit turns into these records).
   */
  pages?: PageRecord[];
  /** The book's margins, gutter, border and paper (absent: the defaults); a page may set its own. */
  book?: Partial<PageLook>;
}

export const DEFAULT_LAYOUT: ProjectLayout = { page: 'a4', readingOrder: 'ltr', templates: [], crops: {}, balloons: {} };

export interface Project {
  schema: typeof PROJECT_SCHEMA;
  /**
   * Counted up by every save (the store sets it): a save based on an older revision than the file's is refused,
   * so two windows on one project never silently overwrite each other. Absent in a project not saved yet.
   */
  revision?: number;
  video: KeyframesDocument['video'];
  params: AnalysisParams;
  shots: Shot[];
  /** In time order. */
  keyframes: ProjectKeyFrame[];
  /** Absent until the user changes the layout. */
  layout?: ProjectLayout;
  /**
   * Regions the user drew on key frames (people or anything to draw apart), by key frame id: one shape each, in
   * fractions of the picture.
   */
  regions?: Record<string, MaskShape[]>;
  /**
   * The style last chosen for the panels, so a reopened project shows its panels in it: the whole picture's model,
   * and how the people are treated ('' with the rest, 'photo', 'style:ID', 'instagan:ID').
   */
  style?: ProjectStyle;
  /** How the book was last exported (format, resolution, print marks, title, author): absent until changed. */
  exportSettings?: ExportSettings;
}

/** The book's style, and the panels the user gave another one. */
export interface ProjectStyle {
  /** The whole picture's model for every panel (the book's style). */
  model: string;
  people: string;
  /** Panels drawn in another style than the book's: model id by key frame id. */
  panels?: Record<string, string>;
}

export const detectedId = (frame: number) => `d-${frame}`;
export const manualId = (frame: number) => `m-${frame}`;

const byTime = (a: ProjectKeyFrame, b: ProjectKeyFrame) => a.time - b.time || a.frame - b.frame;

/**
 * The project after an analysis: the detected key frames as proposed, except that a frame detected again keeps the
 * status the user gave it, and the frames the user added by hand stay (in the shot that now holds them).
 */
export function projectFromAnalysis(doc: KeyframesDocument, previous?: Project): Project {
  const before = new Map(previous?.keyframes.map((k) => [k.id, k]));
  const detected: ProjectKeyFrame[] = doc.keyframes.map((k) => ({
    id: detectedId(k.frame),
    shot: k.shot,
    frame: k.frame,
    time: k.time,
    origin: 'detected',
    status: before.get(detectedId(k.frame))?.status ?? 'proposed',
    clusterSize: k.clusterSize,
    score: k.score,
    file: k.file,
  }));
  const manual = (previous?.keyframes ?? [])
    .filter((k) => k.origin === 'manual' && k.frame < doc.video.frameCount)
    .map((k) => ({ ...k, shot: shotAt(doc.shots, k.frame) }));
  const keyframes = [...detected, ...manual].sort(byTime);
  return {
    schema: PROJECT_SCHEMA,
    video: doc.video,
    params: doc.params,
    shots: doc.shots,
    keyframes,
    ...(previous?.layout ? { layout: previous.layout } : {}),
    ...(previous?.regions ? { regions: previous.regions } : {}),
    ...(previous?.style ? { style: previous.style } : {}),
    ...(previous?.exportSettings ? { exportSettings: previous.exportSettings } : {}),
  };
}

/** The index of the shot holding `frame` (the last shot for a frame past the end). */
export function shotAt(shots: ReadonlyArray<Shot>, frame: number): number {
  return (shots.find((s) => frame >= s.startFrame && frame <= s.endFrame) ?? shots[shots.length - 1])?.index ?? 0;
}

/**
 * The key frames that go into the comic: all but the rejected, in the comic's order: time order, or the order the
 * user gave by moving pages, a frame not in that order (added since) falling in after the last one before it in time.
 */
export function comicKeyframes(project: Project): ProjectKeyFrame[] {
  const kept = project.keyframes.filter((k) => k.status !== 'rejected');
  const order = project.layout?.order;
  if (!order?.length) return kept;
  const rank = new Map(order.map((id, i) => [id, i]));
  let last = -1;
  const key = new Map<string, number>();
  for (const k of kept) {
    const r = rank.get(k.id);
    if (r !== undefined) last = r;
    key.set(k.id, r ?? last + 0.5);
  }
  return [...kept].sort((a, b) => key.get(a.id)! - key.get(b.id)! || a.time - b.time);
}

export function withKeyframes(project: Project, keyframes: ProjectKeyFrame[]): Project {
  return { ...project, keyframes: [...keyframes].sort(byTime) };
}

export const layoutOf = (project: Project): ProjectLayout => project.layout ?? DEFAULT_LAYOUT;

export function withLayout(project: Project, change: (layout: ProjectLayout) => ProjectLayout): Project {
  return { ...project, layout: change(layoutOf(project)) };
}
