import { refitOutlines } from '../page-look';
import { PAGE_SIZES } from '../page';
import { pageLook, type PageLook } from '../pages';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';
import { pagesCommand } from './pages-command';

const CSS_COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d.,\s%]+\))$/i;

/** Refuses values no page could have (a negative margin, a colour that is not one). */
export function checkLook(changes: Partial<PageLook>): void {
  for (const key of ['margin', 'gutter', 'borderWidth'] as const) {
    const v = changes[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 60)) throw new RangeError(`${key}: ${v} mm is not between 0 and 60`);
  }
  for (const key of ['borderColor', 'background'] as const) {
    const v = changes[key];
    if (v !== undefined && !CSS_COLOUR.test(v)) throw new RangeError(`${key}: "${v}" is not a colour`);
  }
}

const LOOK_PARTS = ['margin', 'gutter', 'borderWidth', 'borderColor', 'background'] as const;

/** Which part of the look a change sets, for its description ('several' when more than one). */
export function lookPart(changes: Partial<PageLook>): (typeof LOOK_PARTS)[number] | 'several' {
  const keys = Object.keys(changes);
  const part = LOOK_PARTS.find((p) => p === keys[0]);
  return keys.length === 1 && part ? part : 'several';
}

/**
 * Sets the book's margins, gutter, border or paper: every page that does not set its own follows, its panels refit to
 * the new margins and gutter. Pages still laid out automatically are simply laid out again.
 */
export function setBookLook(project: Project, changes: Partial<PageLook>): EditCommand {
  checkLook(changes);
  const layout = layoutOf(project);
  const label = { key: `command.bookLook.${lookPart(changes)}` } as const;
  const book = { ...layout.book, ...changes };
  if (!layout.pages) {
    const before = layout.book;
    const set = (p: Project, b: typeof before) =>
      withLayout(p, (l) => {
        const { book: _drop, ...rest } = l;
        return b ? { ...rest, book: b } : rest;
      });
    return { label, apply: (p) => set(p, book), revert: (p) => set(p, before) };
  }
  const next = { ...layout, book };
  return pagesCommand(
    project,
    label,
    (pages) =>
      pages.map((record) => {
        const outlines = refitOutlines(record.panels.map((p) => p.outline), PAGE_SIZES[layout.page], pageLook(layout, record), pageLook(next, record));
        return { ...record, panels: record.panels.map((x, i) => ({ ...x, outline: outlines[i] })) };
      }),
    () => book,
  );
}
