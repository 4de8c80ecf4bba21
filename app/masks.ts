/**
 * Binary masks and the shapes a user draws them with (box, lasso polygon, brush strokes). Pure geometry shared by
 * the mask editor (preview) and the stylizer (InstaGAN instances, region styles), so both rasterise identically.
 *
 * Coordinates are image pixels as floats; pixel (x, y) covers [x, x+1) × [y, y+1) and is inside a shape when its
 * centre (x + 0.5, y + 0.5) is.
 */
export interface Mask {
  width: number;
  height: number;
  /** One byte per pixel, row by row: 1 inside, 0 outside. */
  data: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

export type MaskShape =
  | { kind: 'box'; x: number; y: number; width: number; height: number }
  | { kind: 'polygon'; points: Point[] }
  /** Circles of `radius` swept along the polyline; `erase` clears instead of paints. */
  | { kind: 'brush'; points: Point[]; radius: number; erase?: boolean };

/** Most points a drawn shape may have (a long brush stroke has a few hundred). */
const MAX_POINTS = 10_000;

/**
 * Whether untrusted data (a file, a request) is a well-formed shape in fractions of a picture: coordinates about
 * 0..1, sizes ≥ 0, a brush radius in (0, 0.5], a bounded number of points (drawing cost grows with them).
 */
export function isMaskShape(value: unknown): value is MaskShape {
  const s = value as Record<string, unknown> | null;
  const frac = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= -0.1 && v <= 1.1;
  const size = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1.2;
  const points = (v: unknown) => Array.isArray(v) && v.length > 0 && v.length <= MAX_POINTS && v.every((p) => p && frac(p.x) && frac(p.y));
  if (!s || typeof s !== 'object') return false;
  if (s.kind === 'box') return frac(s.x) && frac(s.y) && size(s.width) && size(s.height);
  if (s.kind === 'polygon') return points(s.points);
  const radius = typeof s.radius === 'number' && s.radius > 0 && s.radius <= 0.5;
  return s.kind === 'brush' && points(s.points) && radius && (s.erase === undefined || typeof s.erase === 'boolean');
}

/** A shape drawn in fractions of a picture (0..1; a brush's radius in fractions of its width), in pixels of one. */
export function scaleShape(s: MaskShape, width: number, height: number): MaskShape {
  const pt = (p: Point) => ({ x: p.x * width, y: p.y * height });
  if (s.kind === 'box') return { kind: 'box', x: s.x * width, y: s.y * height, width: s.width * width, height: s.height * height };
  if (s.kind === 'polygon') return { kind: 'polygon', points: s.points.map(pt) };
  return { ...s, points: s.points.map(pt), radius: s.radius * width };
}

export function emptyMask(width: number, height: number): Mask {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`mask size ${width}x${height}: width and height must be positive integers`);
  }
  return { width, height, data: new Uint8Array(width * height) };
}

/** Paints (value 1) or clears (value 0) the axis-aligned box, clipped to the mask. */
export function drawBox(mask: Mask, box: { x: number; y: number; width: number; height: number }, value: 0 | 1 = 1): Mask {
  const x0 = Math.max(0, Math.ceil(Math.min(box.x, box.x + box.width) - 0.5));
  const x1 = Math.min(mask.width, Math.ceil(Math.max(box.x, box.x + box.width) - 0.5));
  const y0 = Math.max(0, Math.ceil(Math.min(box.y, box.y + box.height) - 0.5));
  const y1 = Math.min(mask.height, Math.ceil(Math.max(box.y, box.y + box.height) - 0.5));
  for (let y = y0; y < y1; y++) mask.data.fill(value, y * mask.width + x0, y * mask.width + Math.max(x0, x1));
  return mask;
}

/**
 * Fills a polygon (a lasso: the last point joins the first) with the even-odd rule by scanlines through pixel
 * centres, so a self-crossing lasso leaves its twisted lobes' overlap empty the way a vector editor shows it.
 */
export function drawPolygon(mask: Mask, points: readonly Point[], value: 0 | 1 = 1): Mask {
  if (points.length < 3) return mask;
  const xs: number[] = [];
  for (let y = 0; y < mask.height; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0; i < points.length; i++) {
      const a = points[i];
      const b = points[(i + 1) % points.length];
      // Half-open in y so a vertex shared by two edges is counted once.
      if ((a.y <= cy && b.y > cy) || (b.y <= cy && a.y > cy)) xs.push(a.x + ((cy - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil(xs[k] - 0.5));
      const x1 = Math.min(mask.width, Math.ceil(xs[k + 1] - 0.5));
      if (x1 > x0) mask.data.fill(value, y * mask.width + x0, y * mask.width + x1);
    }
  }
  return mask;
}

/** Squared distance from (px, py) to the segment a–b. */
function segmentDistance2(px: number, py: number, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2));
  const ex = px - (a.x + t * dx);
  const ey = py - (a.y + t * dy);
  return ex * ex + ey * ey;
}

/** A brush stroke: every pixel whose centre lies within `radius` of the polyline (one point = a dot). */
export function drawBrush(mask: Mask, points: readonly Point[], radius: number, value: 0 | 1 = 1): Mask {
  if (points.length === 0 || !(radius > 0)) return mask;
  const r2 = radius * radius;
  for (let i = 0; i < Math.max(1, points.length - 1); i++) {
    const a = points[i];
    const b = points[Math.min(i + 1, points.length - 1)];
    // Only the segment's bounding box grown by the radius can be touched.
    const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius));
    const x1 = Math.min(mask.width - 1, Math.ceil(Math.max(a.x, b.x) + radius));
    const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius));
    const y1 = Math.min(mask.height - 1, Math.ceil(Math.max(a.y, b.y) + radius));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (segmentDistance2(x + 0.5, y + 0.5, a, b) <= r2) mask.data[y * mask.width + x] = value;
      }
    }
  }
  return mask;
}

/** Rasterises shapes in order onto a new mask (a later erasing brush clears what earlier shapes painted). */
export function rasterizeShapes(width: number, height: number, shapes: readonly MaskShape[]): Mask {
  const mask = emptyMask(width, height);
  for (const s of shapes) {
    if (s.kind === 'box') drawBox(mask, s);
    else if (s.kind === 'polygon') drawPolygon(mask, s.points);
    else drawBrush(mask, s.points, s.radius, s.erase ? 0 : 1);
  }
  return mask;
}

export function maskArea(mask: Mask): number {
  let n = 0;
  for (let i = 0; i < mask.data.length; i++) n += mask.data[i] ? 1 : 0;
  return n;
}

function sameSize(a: Mask, b: Mask): void {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`masks differ in size: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  }
}

export function maskUnion(masks: readonly Mask[], width: number, height: number): Mask {
  const out = emptyMask(width, height);
  for (const m of masks) {
    sameSize(out, m);
    for (let i = 0; i < m.data.length; i++) if (m.data[i]) out.data[i] = 1;
  }
  return out;
}

/** Intersection over union of two masks (1 when both are empty). */
export function maskIoU(a: Mask, b: Mask): number {
  sameSize(a, b);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.data.length; i++) {
    const p = a.data[i] !== 0;
    const q = b.data[i] !== 0;
    if (p && q) inter++;
    if (p || q) union++;
  }
  return union === 0 ? 1 : inter / union;
}

/** Smallest box holding every set pixel, or undefined for an empty mask. */
export function maskBounds(mask: Mask): { x: number; y: number; width: number; height: number } | undefined {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (!mask.data[y * mask.width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
