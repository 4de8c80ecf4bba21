import { MAX_CORNERS, MIN_CORNERS } from './geometry';

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const LOOK_NUMBERS = ['margin', 'gutter', 'borderWidth'];
const LOOK_COLOURS = ['borderColor', 'background'];

function lookProblem(look: unknown, where: string): string {
  if (look === undefined) return '';
  if (!look || typeof look !== 'object' || Array.isArray(look)) return `${where}: the look is not an object`;
  const l = look as Record<string, unknown>;
  for (const k of LOOK_NUMBERS) if (l[k] !== undefined && !(finite(l[k]) && (l[k] as number) >= 0)) return `${where}: ${k} is not a length`;
  for (const k of LOOK_COLOURS) if (l[k] !== undefined && typeof l[k] !== 'string') return `${where}: ${k} is not a colour`;
  return '';
}

/**
 * What is wrong with a layout's page records and book look ('' when nothing): each page an id and panels, each panel
 * an id, 3..8 finite corners and a key frame id or null; ids unique.
 */
export function pagesProblem(pages: unknown, book: unknown): string {
  const bookProblem = lookProblem(book, 'the book');
  if (bookProblem || pages === undefined) return bookProblem;
  if (!Array.isArray(pages)) return 'the pages are not a list';
  const ids = new Set<string>();
  for (const [i, page] of (pages as Array<Record<string, unknown>>).entries()) {
    const where = `page ${i + 1}`;
    if (!page || typeof page.id !== 'string' || !Array.isArray(page.panels)) return `${where} is malformed`;
    if (ids.has(page.id)) return `${where}: id ${page.id} is used twice`;
    ids.add(page.id);
    const look = lookProblem(page.look, where);
    if (look) return look;
    if (page.template !== undefined && typeof page.template !== 'string') return `${where}: the template is malformed`;
    for (const [j, panel] of (page.panels as Array<Record<string, unknown>>).entries()) {
      const at = `${where}, panel ${j + 1}`;
      if (!panel || typeof panel.id !== 'string' || (panel.keyframe !== null && typeof panel.keyframe !== 'string')) return `${at} is malformed`;
      if (ids.has(panel.id)) return `${at}: id ${panel.id} is used twice`;
      ids.add(panel.id);
      const outline = panel.outline as Array<Record<string, unknown>>;
      if (!Array.isArray(outline) || outline.length < MIN_CORNERS || outline.length > MAX_CORNERS || !outline.every((p) => p && finite(p.x) && finite(p.y))) {
        return `${at}: its outline is not ${MIN_CORNERS} to ${MAX_CORNERS} corners`;
      }
    }
  }
  return '';
}
