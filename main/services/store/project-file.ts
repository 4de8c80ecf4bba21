import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isBalloon } from '../../../app/balloons';
import { isMaskShape } from '../../../app/masks';
import { isPageSizeId } from '../../../app/page';
import { pagesProblem } from '../../../app/pages-check';
import { PROJECT_SCHEMA, type Project } from '../../../app/project';
import { writeFileAtomic } from './atomic-file';

export const PROJECT_FILE = 'project.json';

export class ProjectFileError extends Error {
  constructor(
    readonly code: 'PROJECT_DAMAGED' | 'PROJECT_TOO_NEW' | 'PROJECT_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

const STATUSES = new Set(['proposed', 'accepted', 'rejected']);
const ORIGINS = new Set(['detected', 'manual']);

/** What is wrong with a project document's shape, if anything ('' when nothing). */
function problemOf(p: Record<string, unknown>): string {
  if (!p.video || typeof p.video !== 'object' || typeof (p.video as { path?: unknown }).path !== 'string') return 'no video';
  if (!Array.isArray(p.shots)) return 'no shots';
  if (!Array.isArray(p.keyframes)) return 'no key frames';
  for (const k of p.keyframes as Array<Record<string, unknown>>) {
    const ok =
      k && typeof k.id === 'string' && typeof k.file === 'string' && !k.file.includes('..') &&
      Number.isInteger(k.frame) && Number.isFinite(k.time) && Number.isInteger(k.shot) &&
      STATUSES.has(k.status as string) && ORIGINS.has(k.origin as string);
    if (!ok) return `a key frame is malformed (${JSON.stringify(k).slice(0, 80)})`;
  }
  if (p.regions !== undefined) {
    const ok = p.regions && typeof p.regions === 'object' && Object.values(p.regions).every((l) => Array.isArray(l) && l.every(isMaskShape));
    if (!ok) return 'a marked region is malformed';
  }
  const style = p.style as Record<string, unknown> | undefined;
  if (style !== undefined && !(style && typeof style.model === 'string' && typeof style.people === 'string')) return 'the style choice is malformed';
  const panels = style?.panels as Record<string, unknown> | undefined;
  if (panels !== undefined && !(panels && typeof panels === 'object' && Object.values(panels).every((m) => typeof m === 'string' && m))) return 'the panel styles are malformed';
  return p.layout === undefined ? '' : layoutProblem(p.layout as Record<string, unknown>);
}

const finiteAll = (...values: unknown[]) => values.every((v) => typeof v === 'number' && Number.isFinite(v));

function layoutProblem(l: Record<string, unknown>): string {
  if (!l || typeof l !== 'object') return 'the layout is not an object';
  if (!isPageSizeId(String(l.page))) return `unknown page size ${JSON.stringify(l.page)}`;
  if (l.readingOrder !== 'ltr' && l.readingOrder !== 'rtl') return `unknown reading order ${JSON.stringify(l.readingOrder)}`;
  if (!Array.isArray(l.templates) || l.templates.some((t) => t !== null && typeof t !== 'string')) return 'the page templates are malformed';
  const crops = l.crops as Record<string, Record<string, unknown>>;
  if (!crops || typeof crops !== 'object') return 'the crops are malformed';
  for (const c of Object.values(crops)) {
    if (![c?.centerX, c?.centerY, c?.zoom].every((v) => typeof v === 'number' && Number.isFinite(v))) return 'a panel crop is malformed';
  }
  const isRect = (r: Record<string, unknown> | null) => r === null || (!!r && finiteAll(r.x, r.y, r.width, r.height));
  if (l.rects !== undefined && !(Array.isArray(l.rects) && l.rects.every((page) => page === null || (Array.isArray(page) && page.every(isRect))))) {
    return 'the panel rectangles are malformed';
  }
  const ids = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((id) => typeof id === 'string'));
  if (!ids(l.breaks) || !ids(l.order)) return 'the page breaks or the panel order are malformed';
  const pages = pagesProblem(l.pages, l.book);
  if (pages) return pages;
  if (l.balloons === undefined) return '';
  if (!l.balloons || typeof l.balloons !== 'object') return 'the balloons are malformed';
  for (const list of Object.values(l.balloons as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every(isBalloon)) return 'a balloon is malformed';
  }
  return '';
}

/** Checks a project document (from disk or from the renderer) and returns it typed; ProjectFileError otherwise. */
export function checkProject(json: unknown, source: string): Project {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ProjectFileError('PROJECT_INVALID', `${source}: not a project`);
  const p = json as Record<string, unknown>;
  if (typeof p.schema !== 'number') throw new ProjectFileError('PROJECT_INVALID', `${source}: no schema version`);
  if (p.schema > PROJECT_SCHEMA) {
    throw new ProjectFileError('PROJECT_TOO_NEW', `${source}: made by a newer version of the app (schema ${p.schema}; this one reads ${PROJECT_SCHEMA})`);
  }
  const problem = problemOf(p);
  if (problem) throw new ProjectFileError('PROJECT_INVALID', `${source}: ${problem}`);
  return p as unknown as Project;
}

/** The project saved in `dir`, or undefined when there is none yet. A file that is not a project throws PROJECT_DAMAGED. */
export async function readProject(dir: string): Promise<Project | undefined> {
  const file = join(dir, PROJECT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProjectFileError('PROJECT_DAMAGED', `${file}: damaged (${(err as Error).message})`);
  }
  try {
    return checkProject(json, file);
  } catch (err) {
    if (err instanceof ProjectFileError && err.code === 'PROJECT_INVALID') throw new ProjectFileError('PROJECT_DAMAGED', err.message);
    throw err;
  }
}

/** Writes the project atomically: a failed save (disk full, ...) leaves the previous project.json whole. */
export async function writeProject(dir: string, project: Project): Promise<void> {
  checkProject(project, join(dir, PROJECT_FILE));
  await writeFileAtomic(join(dir, PROJECT_FILE), `${JSON.stringify(project, null, 2)}\n`);
}

/**
 * Moves project.json aside (never deleted: the user may want it back) and returns where it went: a damaged one, or
 * the review of a video that has changed since.
 */
export async function setAsideProject(dir: string, why: 'damaged' | 'replaced', now = new Date()): Promise<string> {
  const aside = join(dir, `${PROJECT_FILE}.${why}-${now.toISOString().replace(/[:.]/g, '-')}`);
  await rename(join(dir, PROJECT_FILE), aside);
  return aside;
}
