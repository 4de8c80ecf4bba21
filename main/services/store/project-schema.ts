import { z } from 'zod';
import { isBalloon } from '../../../app/balloons';
import { isMaskShape } from '../../../app/masks';
import { isPageSizeId } from '../../../app/page';
import { exportSettingsProblem, type ExportSettings } from '../../../app/export-settings';
import { pagesProblem } from '../../../app/pages-check';
import { PROJECT_SCHEMA } from '../../../app/project';

/**
 * project.json's schemas, one per schema version, and the migrations from each to the next. Every object is loose
 * (z.looseObject): a field this version does not know, written by a newer version of the app or a part of the
 * project another feature owns, is kept as it is through a read and a save, never dropped. To add a version: a
 * schema for it, a migration from the one before, a fixture of the old one in fixtures/ (project-schema.test.ts
 * reads them all), and PROJECT_SCHEMA in app/project.ts.
 */

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const frac = finite;
/** A picture inside PROJECT/frames: a plain relative name, never a way out of the folder. */
const frameFile = z.string().min(1).refine((f) => !f.includes('..') && !f.startsWith('/') && !f.includes('\\') && !/^[a-zA-Z]:/.test(f), 'must be a file inside the project');

const video = z.looseObject({ path: z.string().min(1) });
const shot = z.looseObject({ index: z.int(), startFrame: z.int(), endFrame: z.int() });
const keyframe = z.looseObject({
  id: z.string().min(1),
  shot: z.int(),
  frame: z.int().nonnegative(),
  time: finite,
  origin: z.enum(['detected', 'manual']),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  clusterSize: finite.optional(),
  score: finite.optional(),
  file: frameFile,
});
const rect = z.looseObject({ x: finite, y: finite, width: finite, height: finite });
const layout = z.looseObject({
  page: z.string().refine(isPageSizeId, 'unknown page size'),
  readingOrder: z.enum(['ltr', 'rtl']),
  templates: z.array(z.string().nullable()),
  crops: z.record(z.string(), z.looseObject({ centerX: frac, centerY: frac, zoom: finite })),
  balloons: z.record(z.string(), z.array(z.custom(isBalloon, 'a balloon is malformed'))).optional(),
  rects: z.array(z.array(rect.nullable()).nullable()).optional(),
  breaks: z.array(z.string()).optional(),
  order: z.array(z.string()).optional(),
}).superRefine((l, ctx) => {
  // The pages drawn by hand (panel shapes) and the book's look: checked by their owner's own rules.
  const problem = pagesProblem((l as Record<string, unknown>).pages, (l as Record<string, unknown>).book);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['pages'] });
});

/** Schema 1: the first project file (no revision). */
export const projectV1 = z.looseObject({
  schema: z.literal(1),
  video,
  params: z.looseObject({}).optional(),
  shots: z.array(shot),
  keyframes: z.array(keyframe),
  layout: layout.optional(),
  regions: z.record(z.string(), z.array(z.custom(isMaskShape, 'a marked region is malformed'))).optional(),
  style: z.looseObject({ model: z.string(), people: z.string(), panels: z.record(z.string(), z.string().min(1)).optional() }).optional(),
});

/** Schema 2: a revision, counted up by each save, so a save based on an older one is refused. */
export const projectV2 = projectV1.extend({
  schema: z.literal(2),
  revision: z.int().nonnegative().optional(),
  // How the book was last exported: checked by its owner's own rules (app/export-settings).
  exportSettings: z
    .custom<ExportSettings>((v) => !!v && typeof v === 'object' && !Array.isArray(v) && !exportSettingsProblem(v as Partial<ExportSettings>), 'the export settings are malformed')
    .optional(),
});

export const PROJECT_SCHEMAS: Record<number, z.ZodType> = { 1: projectV1, 2: projectV2 };

/** From version N to N+1 (each takes a document valid for its own schema). */
export const PROJECT_MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: (doc) => ({ ...doc, schema: 2, revision: 0 }),
};

const WHAT: Record<string, string> = {
  video: 'the video',
  params: 'the analysis settings',
  shots: 'the shots',
  keyframes: 'a key frame',
  layout: 'the layout',
  exportSettings: 'the export settings',
  regions: 'a marked region',
  style: 'the style choice',
  revision: 'the revision',
  schema: 'the schema version',
};

/** A zod failure in words: which part of the project, where, and what was expected. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const what = WHAT[String(issue.path[0])] ?? `"${String(issue.path[0])}"`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${what} is malformed (${path || 'project'}: ${issue.message})${more}`;
}

export type Checked = { ok: true; project: Record<string, unknown>; migratedFrom?: number } | { ok: false; tooNew?: number; problem: string };

/**
 * Checks a document against the schema of its version, then migrates it up to PROJECT_SCHEMA, checking each step.
 * A version newer than this app's is reported (tooNew), never read as if it were ours.
 */
export function checkAndMigrate(json: unknown): Checked {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problem: 'not a project' };
  const version = (json as { schema?: unknown }).schema;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: 'no schema version' };
  if (version > PROJECT_SCHEMA) return { ok: false, tooNew: version, problem: `schema ${version}` };
  let doc = json as Record<string, unknown>;
  for (let v = version; ; v++) {
    const parsed = PROJECT_SCHEMAS[v].safeParse(doc);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error) };
    if (v === PROJECT_SCHEMA) return { ok: true, project: parsed.data as Record<string, unknown>, ...(version < v ? { migratedFrom: version } : {}) };
    doc = PROJECT_MIGRATIONS[v](parsed.data as Record<string, unknown>);
  }
}
