import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_SCHEMA, type Project } from '../../../app/project';
import { writeFileAtomic } from './atomic-file';
import { checkAndMigrate } from './project-schema';

export const PROJECT_FILE = 'project.json';

export class ProjectFileError extends Error {
  constructor(
    readonly code: 'PROJECT_DAMAGED' | 'PROJECT_TOO_NEW' | 'PROJECT_INVALID' | 'PROJECT_CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

/**
 * Checks a project document (from disk or from the renderer) against the schema of its version, migrates it to
 * this version's (unknown fields kept) and returns it typed; ProjectFileError otherwise.
 */
export function checkProject(json: unknown, source: string): Project {
  const checked = checkAndMigrate(json);
  if (checked.ok) return checked.project as unknown as Project;
  if (checked.tooNew !== undefined) {
    throw new ProjectFileError(
      'PROJECT_TOO_NEW',
      `${source}: made by a newer version of the app (schema ${checked.tooNew}; this one reads ${PROJECT_SCHEMA}); it is left as it is: open it with the newer version`,
    );
  }
  throw new ProjectFileError('PROJECT_INVALID', `${source}: ${checked.problem}`);
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The project saved in `dir` (migrated to this version), or undefined when there is none yet. A file that is not a project throws PROJECT_DAMAGED. */
export async function readProject(dir: string): Promise<Project | undefined> {
  const file = join(dir, PROJECT_FILE);
  const text = await readText(file);
  if (text === undefined) return undefined;
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

/** What is on disk now, as far as a save must know: its revision, and whether a newer app wrote it. */
async function savedState(file: string): Promise<{ revision: number; schema?: number } | undefined> {
  const text = await readText(file);
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as { schema?: unknown; revision?: unknown };
    return {
      revision: typeof json.revision === 'number' ? json.revision : 0,
      ...(typeof json.schema === 'number' ? { schema: json.schema } : {}),
    };
  } catch {
    return { revision: 0 }; // damaged: what replaces it is decided by the caller (set aside first)
  }
}

/** Saves of one folder, one after the other: a revision check and its write are never interleaved with another's. */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(dir) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(dir, tail);
  void tail.then(() => queues.get(dir) === tail && queues.delete(dir));
  return run;
}

export interface WriteProjectOptions {
  /**
   * The revision the saved state was based on: when the file has another one (another window saved since), the save
   * is refused with PROJECT_CONFLICT. Absent: saved whatever the file's revision (a new analysis, "keep mine").
   */
  baseRevision?: number;
}

/**
 * Writes the project atomically with the next revision and returns it as saved. A failed save (disk full, ...)
 * leaves the previous project.json whole; a file written by a newer version of the app is never overwritten.
 */
export async function writeProject(dir: string, project: Project, opts: WriteProjectOptions = {}): Promise<Project> {
  const file = join(dir, PROJECT_FILE);
  const checked = checkProject(project, file);
  return oneAtATime(dir, async () => {
    const saved = await savedState(file);
    if (saved?.schema !== undefined && saved.schema > PROJECT_SCHEMA) {
      throw new ProjectFileError('PROJECT_TOO_NEW', `${file}: made by a newer version of the app (schema ${saved.schema}); not overwritten`);
    }
    const current = saved?.revision ?? 0;
    if (opts.baseRevision !== undefined && opts.baseRevision !== current) {
      throw new ProjectFileError(
        'PROJECT_CONFLICT',
        `${file}: changed in another window or tab since this one loaded it (it is at revision ${current}, this change was made on revision ${opts.baseRevision}); this change was not saved`,
      );
    }
    const next: Project = { ...checked, schema: PROJECT_SCHEMA, revision: current + 1 };
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  });
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
