import { autoPages } from './auto-layout';
import { boundingBox, isAxisRect, rectOutline, type Outline } from './geometry';
import { CENTERED_CROP, DEFAULT_PAGE_STYLE, PAGE_SIZES, type ComicPage, type PagePanel, type PageStyle } from './page';
import { flowPages } from './page-flow';
import { comicKeyframes, layoutOf, type Project, type ProjectLayout } from './project';

/**
 * Pages as the user edits them. Until the first edit of a page's panels a comic's pages are the automatic layout of
 * its kept key frames; from then on each page is a record of its own (`ProjectLayout.pages`): its panels, each a
 * convex outline of 3..8 corners in page mm and the key frame it shows (or none), and the page's own look. Crops and
 * balloons stay addressed by key frame (`ProjectLayout.crops` / `.balloons`), so they follow a frame from panel to
 * panel.
 */
export interface PageLook {
  /** Blank space around the panels (mm). */
  margin: number;
  /** Space between panels (mm). */
  gutter: number;
  /** Panel border (mm; 0 for none) and its CSS colour. */
  borderWidth: number;
  borderColor: string;
  /** The page's paper colour (CSS). */
  background: string;
}

export const DEFAULT_LOOK: PageLook = { margin: DEFAULT_PAGE_STYLE.margin, gutter: DEFAULT_PAGE_STYLE.gutter, borderWidth: 0.7, borderColor: '#000000', background: '#ffffff' };

export interface PanelRecord {
  id: string;
  outline: Outline;
  /** The key frame it shows (by id); null for an empty panel. */
  keyframe: string | null;
}

export interface PageRecord {
  id: string;
  panels: PanelRecord[];
  /** What this page sets differently from the book. */
  look?: Partial<PageLook>;
  /** The template the page was last given (shown in the template chooser). */
  template?: string;
}

/** A panel as the editor draws it: the resolved panel plus who it is. `picture` is -1 for an empty panel. */
export interface EditorPanel extends PagePanel {
  id: string;
  keyframe: string | null;
}

export interface EditorPage extends ComicPage {
  id: string;
  template?: string;
  look: PageLook;
  panels: EditorPanel[];
  style: NonNullable<ComicPage['style']>;
}

export const EMPTY_PICTURE = -1;

export const bookLook = (layout: ProjectLayout): PageLook => ({ ...DEFAULT_LOOK, ...layout.book });
export const pageLook = (layout: ProjectLayout, record?: PageRecord): PageLook => ({ ...bookLook(layout), ...record?.look });

export function pageStyleOf(layout: ProjectLayout, look: PageLook = bookLook(layout)): PageStyle {
  return { size: PAGE_SIZES[layout.page] ?? DEFAULT_PAGE_STYLE.size, readingOrder: layout.readingOrder, margin: look.margin, gutter: look.gutter };
}

/** Has the user changed the older layout (templates, rectangles) of a project made before pages were records? */
function hasLegacyEdits(layout: ProjectLayout): boolean {
  return layout.templates.some((t) => t !== null) || !!layout.rects?.some((r) => r?.some((x) => x !== null));
}

/** The page records: the user's, or the pages shown now (automatic, or an older project's) made into records. */
export function pageRecords(project: Project): PageRecord[] {
  const layout = layoutOf(project);
  if (layout.pages) return layout.pages;
  const kept = comicKeyframes(project);
  const style = pageStyleOf(layout);
  if (hasLegacyEdits(layout)) {
    const pages = flowPages(kept.length, style, {
      templates: layout.templates.map((t) => t ?? undefined),
      rects: layout.rects,
      breaksBefore: new Set(kept.flatMap((k, i) => (layout.breaks?.includes(k.id) ? [i] : []))),
    });
    return pages.map((page, i) => ({
      id: `pg${i + 1}`,
      template: page.template,
      panels: page.panels.map((p) => ({ id: `pn-${kept[p.picture].id}`, outline: rectOutline(p.rect), keyframe: kept[p.picture].id })),
    }));
  }
  const aspect = project.video.width && project.video.height ? project.video.width / project.video.height : 16 / 9;
  const frames = kept.map((k) => ({ aspect, shot: k.shot, breakBefore: !!layout.breaks?.includes(k.id) }));
  return autoPages(frames, style).map((page, i) => ({
    id: `pg${i + 1}`,
    template: page.template.id,
    panels: page.outlines.map((outline, slot) => ({ id: `pn-${kept[page.first + slot].id}`, outline, keyframe: kept[page.first + slot].id })),
  }));
}

/** The comic's pages, resolved for drawing and export: `picture` indexes comicKeyframes (-1: an empty panel). */
export function projectPages(project: Project): EditorPage[] {
  const layout = layoutOf(project);
  const kept = comicKeyframes(project);
  const index = new Map(kept.map((k, i) => [k.id, i]));
  const size = PAGE_SIZES[layout.page] ?? DEFAULT_PAGE_STYLE.size;
  return pageRecords(project).map((record) => {
    const look = pageLook(layout, record);
    const panels = record.panels.map((p): EditorPanel => {
      const picture = p.keyframe === null ? EMPTY_PICTURE : (index.get(p.keyframe) ?? EMPTY_PICTURE);
      const shown = picture === EMPTY_PICTURE ? null : p.keyframe;
      const balloons = shown ? layout.balloons?.[shown] : undefined;
      return {
        id: p.id,
        keyframe: shown,
        rect: boundingBox(p.outline),
        ...(isAxisRect(p.outline) ? {} : { outline: p.outline }),
        picture,
        crop: (shown && layout.crops[shown]) || { ...CENTERED_CROP },
        ...(balloons?.length ? { balloons } : {}),
      };
    });
    return {
      id: record.id,
      size,
      ...(record.template ? { template: record.template } : {}),
      look,
      style: { background: look.background, borderWidth: look.borderWidth, borderColor: look.borderColor },
      panels,
    };
  });
}

/** The pages to print: empty panels are left out (a page may be left blank), pictures indexed as in projectPages. */
export function exportPages(pages: ReadonlyArray<EditorPage>): ComicPage[] {
  return pages.map(({ size, style, panels }) => ({
    size,
    style,
    panels: panels.filter((p) => p.picture !== EMPTY_PICTURE).map(({ id: _id, keyframe: _k, ...panel }) => panel),
  }));
}

/** Kept key frames no panel shows (in the comic's order): the tray offers them to drag onto a panel. */
export function unplacedKeyframes(project: Project): string[] {
  const shown = new Set(pageRecords(project).flatMap((p) => p.panels.map((x) => x.keyframe)));
  return comicKeyframes(project).filter((k) => !shown.has(k.id)).map((k) => k.id);
}
