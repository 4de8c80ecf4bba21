import type { Balloon } from './balloons';

/**
 * Comic page geometry, shared by the auto layout, the editor and the PDF export. Lengths are millimetres on the
 * page, origin at the top-left corner, y down (the PDF writer turns them into points, y up).
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageSize {
  id: string;
  name: string;
  width: number;
  height: number;
}

/** The trimmed sizes comics are printed at. */
export const PAGE_SIZES = {
  a4: { id: 'a4', name: 'A4', width: 210, height: 297 },
  letter: { id: 'letter', name: 'US Letter', width: 215.9, height: 279.4 },
  b5: { id: 'b5', name: 'B5 (JIS, manga)', width: 182, height: 257 },
  comic: { id: 'comic', name: 'US comic book', width: 168.3, height: 260.4 },
} as const satisfies Record<string, PageSize>;

export type PageSizeId = keyof typeof PAGE_SIZES;

export function isPageSizeId(id: string): id is PageSizeId {
  return Object.hasOwn(PAGE_SIZES, id);
}

/** Left-to-right (Western comics) or right-to-left (manga): the order panels are read within a tier. */
export type ReadingOrder = 'ltr' | 'rtl';

export interface PageStyle {
  size: PageSize;
  /** Blank margin around the panels (mm). */
  margin: number;
  /** Space between panels (mm). */
  gutter: number;
  readingOrder: ReadingOrder;
}

export const DEFAULT_PAGE_STYLE: PageStyle = { size: PAGE_SIZES.a4, margin: 12, gutter: 4, readingOrder: 'ltr' };

/**
 * Which part of its picture a panel shows. The picture first covers the panel (scaled so that it fills it, the
 * excess cropped evenly); `zoom` ≥ 1 enlarges it further and `centerX`/`centerY` (0..1 of the picture) say which
 * point sits in the middle of the panel, as far as the picture reaches.
 */
export interface PanelCrop {
  centerX: number;
  centerY: number;
  zoom: number;
}

export const CENTERED_CROP: PanelCrop = { centerX: 0.5, centerY: 0.5, zoom: 1 };

export interface PagePanel {
  /** The panel's bounding box (its shape when `outline` is absent). */
  rect: Rect;
  /** A panel that is not its rectangle: its corners in page mm (3..8, convex), in order. */
  outline?: Array<{ x: number; y: number }>;
  /** Index of the picture the panel shows, in the comic's list of pictures. */
  picture: number;
  crop: PanelCrop;
  /** Speech balloons and captions, placed in fractions of the panel. */
  balloons?: Balloon[];
}

export interface ComicPage {
  size: PageSize;
  panels: PagePanel[];
  /** Paper colour and panel borders (mm, CSS colours); absent: white paper, 0.7 mm black borders. */
  style?: { background: string; borderWidth: number; borderColor: string };
}

/** The part of a picture (`width` × `height` px) a panel of `panel`'s shape shows with `crop`, in picture pixels. */
export function visiblePart(picture: { width: number; height: number }, panel: Rect, crop: PanelCrop): Rect {
  const zoom = Math.max(1, crop.zoom);
  const cover = Math.max(panel.width / picture.width, panel.height / picture.height) * zoom;
  const width = Math.min(picture.width, panel.width / cover);
  const height = Math.min(picture.height, panel.height / cover);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const x = clamp(crop.centerX * picture.width - width / 2, 0, picture.width - width);
  const y = clamp(crop.centerY * picture.height - height / 2, 0, picture.height - height);
  return { x, y, width, height };
}

export const MM_PER_INCH = 25.4;

/** Pixels per inch a picture is printed at when `pixels` of it span `mm` on paper. */
export function printDpi(pixels: number, mm: number): number {
  return (pixels / mm) * MM_PER_INCH;
}
