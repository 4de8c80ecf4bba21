/**
 * The page canvas' view: `scale` screen pixels per page mm and where the page's top-left corner sits on screen.
 * Pure maths, shared by the canvas and its tests.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

/** 100 %: a page mm as long as on paper on a 96 dpi screen. */
export const REAL_SIZE = 96 / 25.4;
export const MIN_SCALE = 0.3;
export const MAX_SCALE = 40;
const PAD = 24;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The whole page in the viewport, centred. */
export function fitPage(viewport: { width: number; height: number }, page: { width: number; height: number }): View {
  const scale = clampScale(Math.min((viewport.width - 2 * PAD) / page.width, (viewport.height - 2 * PAD) / page.height));
  return centred(viewport, page, scale);
}

/** The page's width across the viewport, its top in view. */
export function fitWidth(viewport: { width: number; height: number }, page: { width: number; height: number }): View {
  const scale = clampScale((viewport.width - 2 * PAD) / page.width);
  return { scale, x: (viewport.width - page.width * scale) / 2, y: PAD };
}

export function centred(viewport: { width: number; height: number }, page: { width: number; height: number }, scale: number): View {
  return { scale, x: (viewport.width - page.width * scale) / 2, y: (viewport.height - page.height * scale) / 2 };
}

/** Zooms by `factor` keeping the page point under the screen point `at` where it is (Ctrl+wheel, pinch). */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/** Screen → page mm. */
export const toPage = (view: View, p: { x: number; y: number }) => ({ x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale });
