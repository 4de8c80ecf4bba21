import { pageRecords, type PageRecord, type PanelRecord } from '../pages';
import { layoutOf, withLayout, type Project, type ProjectLayout } from '../project';
import type { CommandLabel, EditCommand } from './command';

/**
 * A command that changes the page records: the pages as shown (automatic or an older project's) become records on
 * the first such edit, and undo puts back exactly what was there before (no records at all, if there were none).
 */
export function pagesCommand(project: Project, label: CommandLabel, change: (pages: PageRecord[]) => PageRecord[], book?: (layout: ProjectLayout) => ProjectLayout['book']): EditCommand {
  const layout = layoutOf(project);
  const before = { pages: layout.pages, book: layout.book };
  const after = { pages: change(pageRecords(project)), book: book ? book(layout) : layout.book };
  const set = (p: Project, v: typeof before) =>
    withLayout(p, (l) => {
      const { pages: _p, book: _b, ...rest } = l;
      return { ...rest, ...(v.pages ? { pages: v.pages } : {}), ...(v.book ? { book: v.book } : {}) };
    });
  return { label, apply: (p) => set(p, after), revert: (p) => set(p, before) };
}

/** The page `page` (0-based) of the records, or a RangeError naming it. */
export function pageAt(pages: PageRecord[], page: number): PageRecord {
  const found = pages[page];
  if (!found) throw new RangeError(`there is no page ${page + 1}`);
  return found;
}

export function panelAt(page: PageRecord, panel: string, pageIndex: number): PanelRecord {
  const found = page.panels.find((p) => p.id === panel);
  if (!found) throw new RangeError(`page ${pageIndex + 1} has no panel ${panel}`);
  return found;
}

/** Replaces page `page` with `change(page)`. */
export const withPage = (pages: PageRecord[], page: number, change: (p: PageRecord) => PageRecord) => pages.map((p, i) => (i === page ? change(p) : p));

/** Replaces page `page` with `change(page)` after a change of its panels by hand: it no longer is its template. */
export const withEditedPage = (pages: PageRecord[], page: number, change: (p: PageRecord) => PageRecord) =>
  withPage(pages, page, (p) => {
    const { template: _drop, ...rest } = change(p);
    return rest;
  });

/** An id no page or panel has yet: prefix + the next number. */
export function freshIds(pages: PageRecord[], prefix: 'pg' | 'pn'): () => string {
  const used = new Set(pages.flatMap((p) => [p.id, ...p.panels.map((x) => x.id)]));
  let n = 1;
  return () => {
    while (used.has(`${prefix}${n}`)) n++;
    used.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
}
