import type { ComicPage, PagePanel } from '../../../app/page';

/**
 * What the page model may carry beyond a rectangle per panel (the page-canvas work adds these to app/page.ts):
 * a panel's polygon outline in page mm, and a page's background and borders. Read here without depending on
 * that change having landed: absent means the rectangle, a white page and the default border.
 */
export type Point = { x: number; y: number };
export type PanelWithOutline = PagePanel & { outline?: Point[] };
export interface PageLook {
  background: string;
  /** mm; 0 for none. */
  borderWidth: number;
  borderColor: string;
}
export type PageWithLook = Omit<ComicPage, 'panels'> & { panels: PanelWithOutline[]; style?: Partial<PageLook> };

export const DEFAULT_LOOK: PageLook = { background: '#ffffff', borderWidth: 0.7, borderColor: '#000000' };

/** The panel's outline: its polygon, or its rectangle's corners (clockwise from the top-left). */
export function panelOutline(panel: PanelWithOutline): Point[] {
  if (panel.outline && panel.outline.length >= 3) return panel.outline;
  const { x, y, width, height } = panel.rect;
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

export function pageLook(page: PageWithLook, border?: number): PageLook {
  return { ...DEFAULT_LOOK, ...(border !== undefined ? { borderWidth: border } : {}), ...(page.style ?? {}) };
}

/** A CSS colour as #rrggbb when it is one (#rgb, #rrggbb), else undefined. */
export function hexColour(css: string | undefined): string | undefined {
  if (!css) return undefined;
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  return /^#[0-9a-f]{6}$/i.test(css) ? css : css === 'white' ? '#ffffff' : css === 'black' ? '#000000' : undefined;
}
