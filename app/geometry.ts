import type { Rect } from './page';

/**
 * Plane geometry of panel outlines: polygons of page millimetres, corners in order (either turn), y down. Panels are
 * kept convex: a straight cut then always gives two convex parts, and a convex outline is simple by construction.
 */
export interface Point {
  x: number;
  y: number;
}

export type Outline = Point[];

export const MIN_CORNERS = 3;
export const MAX_CORNERS = 8;
const EPS = 1e-7;

export function rectOutline(r: Rect): Outline {
  return [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ];
}

export function boundingBox(outline: Outline): Rect {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Signed area (shoelace): positive when the corners turn clockwise on a y-down page. */
export function signedArea(outline: Outline): number {
  let s = 0;
  outline.forEach((p, i) => {
    const q = outline[(i + 1) % outline.length];
    s += p.x * q.y - q.x * p.y;
  });
  return s / 2;
}

export const area = (outline: Outline) => Math.abs(signedArea(outline));

/** True when the outline is its bounding box (four corners on the box's sides, axis-aligned). */
export function isAxisRect(outline: Outline): boolean {
  if (outline.length !== 4) return false;
  const box = boundingBox(outline);
  return Math.abs(area(outline) - box.width * box.height) < 1e-6 * Math.max(1, box.width * box.height);
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex, no two corners on one spot, no corner on a straight line between its neighbours, 3..8 corners. */
export function isConvexOutline(outline: Outline): boolean {
  const n = outline.length;
  if (n < MIN_CORNERS || n > MAX_CORNERS) return false;
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const c = cross(outline[i], outline[(i + 1) % n], outline[(i + 2) % n]);
    if (Math.abs(c) < EPS) return false;
    if (sign === 0) sign = Math.sign(c);
    else if (Math.sign(c) !== sign) return false;
  }
  // A convex turn everywhere can still wind twice round (a pentagram): the angles must add up to one turn.
  let turn = 0;
  for (let i = 0; i < n; i++) {
    const a = outline[i];
    const b = outline[(i + 1) % n];
    const c = outline[(i + 2) % n];
    const d = Math.atan2(c.y - b.y, c.x - b.x) - Math.atan2(b.y - a.y, b.x - a.x);
    turn += Math.atan2(Math.sin(d), Math.cos(d));
  }
  return Math.abs(Math.abs(turn) - 2 * Math.PI) < 1e-3;
}

export function pointInOutline(p: Point, outline: Outline): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const a = outline[i];
    const b = outline[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Drops corners that repeat the one before or lie on the line through their neighbours. */
export function cleanOutline(outline: Outline, tolerance = 1e-6): Outline {
  let pts = outline.filter((p, i) => {
    const q = outline[(i + 1) % outline.length];
    return Math.hypot(p.x - q.x, p.y - q.y) > tolerance;
  });
  let changed = true;
  while (changed && pts.length > 3) {
    changed = false;
    for (let i = 0; i < pts.length; i++) {
      const prev = pts[(i - 1 + pts.length) % pts.length];
      const next = pts[(i + 1) % pts.length];
      const len = Math.hypot(next.x - prev.x, next.y - prev.y) || 1;
      if (Math.abs(cross(prev, pts[i], next)) / len < tolerance * 10) {
        pts = pts.filter((_, j) => j !== i);
        changed = true;
        break;
      }
    }
  }
  return pts;
}

/**
 * The part of `outline` on the side of the line a→b where `side(p)` ≥ `offset` (Sutherland–Hodgman against one
 * half-plane): side(p) is the signed distance of p from the line, positive on the left of a→b (y down: a's right).
 */
export function clipToHalfPlane(outline: Outline, a: Point, b: Point, offset: number, keepPositive: boolean): Outline {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len < EPS) throw new RangeError('a cut needs two different points');
  const dist = (p: Point) => ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len;
  const value = (p: Point) => (keepPositive ? dist(p) - offset : -dist(p) - offset);
  const out: Outline = [];
  outline.forEach((p, i) => {
    const q = outline[(i + 1) % outline.length];
    const vp = value(p);
    const vq = value(q);
    if (vp >= 0) out.push(p);
    if (vp >= 0 !== vq >= 0) {
      const t = vp / (vp - vq);
      out.push({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
    }
  });
  return cleanOutline(out);
}

/**
 * Cuts a convex outline along the line through a and b, leaving `gutter` mm between the two parts (half on each side
 * of the line). Returns the two parts, the one on the line's left first; throws when the line misses the panel or a
 * part would be too small to hold a picture.
 */
export function splitOutline(outline: Outline, a: Point, b: Point, gutter: number, minSide = 5): [Outline, Outline] {
  const left = clipToHalfPlane(outline, a, b, gutter / 2, true);
  const right = clipToHalfPlane(outline, a, b, gutter / 2, false);
  const big = (o: Outline) => o.length >= 3 && Math.min(boundingBox(o).width, boundingBox(o).height) >= minSide && area(o) >= minSide * minSide;
  if (!big(left) || !big(right)) throw new RangeError('the cut does not cross the panel with room for two panels');
  for (const part of [left, right]) if (part.length > MAX_CORNERS) throw new RangeError(`a panel has at most ${MAX_CORNERS} corners`);
  return [left, right];
}

/** Convex hull (Andrew's monotone chain), clockwise on a y-down page. */
export function convexHull(points: Point[]): Outline {
  const pts = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  if (pts.length < 3) return pts;
  const half = (list: Point[]) => {
    const h: Point[] = [];
    for (const p of list) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], p) <= EPS) h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  const hull = [...half(pts), ...half([...pts].reverse())];
  return signedArea(hull) < 0 ? hull.reverse() : hull;
}

/** Shortest distance between two outlines' edges (0 when they touch or overlap). */
export function outlineDistance(a: Outline, b: Outline): number {
  if (a.some((p) => pointInOutline(p, b)) || b.some((p) => pointInOutline(p, a))) return 0;
  let best = Infinity;
  const segDist = (p: Point, s: Point, t: Point) => {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const k = Math.max(0, Math.min(1, ((p.x - s.x) * dx + (p.y - s.y) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(p.x - s.x - k * dx, p.y - s.y - k * dy);
  };
  for (const [from, to] of [[a, b], [b, a]]) {
    for (const p of from) for (let i = 0; i < to.length; i++) best = Math.min(best, segDist(p, to[i], to[(i + 1) % to.length]));
  }
  return best;
}

/** Does a overlap b by more than a sliver (their shared area, from clipping a by each of b's edges; both convex)? */
export function outlinesOverlap(a: Outline, b: Outline, tolerance = 0.5): boolean {
  let part = a;
  const turn = Math.sign(signedArea(b));
  for (let i = 0; i < b.length && part.length >= 3; i++) {
    const p = b[i];
    const q = b[(i + 1) % b.length];
    // Keep what lies inside b: for a clockwise outline on a y-down page, the positive side of each edge.
    part = clipToHalfPlane(part, p, q, 0, turn > 0);
  }
  return part.length >= 3 && area(part) > tolerance;
}

/** Moves every corner by (dx, dy). */
export const translateOutline = (outline: Outline, dx: number, dy: number): Outline => outline.map((p) => ({ x: p.x + dx, y: p.y + dy }));

/** Maps an outline from one box onto another (a move and a resize of the panel's bounding box). */
export function fitOutline(outline: Outline, from: Rect, to: Rect): Outline {
  const sx = from.width ? to.width / from.width : 1;
  const sy = from.height ? to.height / from.height : 1;
  return outline.map((p) => ({ x: to.x + (p.x - from.x) * sx, y: to.y + (p.y - from.y) * sy }));
}

/**
 * Moves each edge of a convex outline outwards by `grow(edgeIndex)` mm (negative: inwards) and returns the corners
 * where the moved edges meet: how a gutter widens or narrows without moving the edges on the page margin.
 */
export function offsetEdges(outline: Outline, grow: (edge: number) => number): Outline {
  const n = outline.length;
  const turn = Math.sign(signedArea(outline)) || 1;
  const lines = outline.map((p, i) => {
    const q = outline[(i + 1) % n];
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    // The outward normal: left of the edge for a clockwise outline on a y-down page.
    const nx = ((q.y - p.y) / len) * turn;
    const ny = (-(q.x - p.x) / len) * turn;
    const d = grow(i);
    return { p: { x: p.x + nx * d, y: p.y + ny * d }, q: { x: q.x + nx * d, y: q.y + ny * d } };
  });
  return lines.map((line, i) => {
    const prev = lines[(i - 1 + n) % n];
    return intersectLines(prev.p, prev.q, line.p, line.q) ?? line.p;
  });
}

export function intersectLines(a: Point, b: Point, c: Point, d: Point): Point | undefined {
  const den = (a.x - b.x) * (c.y - d.y) - (a.y - b.y) * (c.x - d.x);
  if (Math.abs(den) < EPS) return undefined;
  const t = ((a.x - c.x) * (c.y - d.y) - (a.y - c.y) * (c.x - d.x)) / den;
  return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
}

/** Lowers a convex outline to at most `max` corners, each time dropping the corner whose loss changes the area least. */
export function limitCorners(outline: Outline, max = MAX_CORNERS): Outline {
  let pts = outline;
  while (pts.length > max) {
    let best = 0;
    let bestLoss = Infinity;
    pts.forEach((p, i) => {
      const loss = Math.abs(cross(pts[(i - 1 + pts.length) % pts.length], p, pts[(i + 1) % pts.length]));
      if (loss < bestLoss) (bestLoss = loss), (best = i);
    });
    pts = pts.filter((_, i) => i !== best);
  }
  return pts;
}

/** How long a stretch of the segment a→b lies inside a convex outline (Cyrus–Beck clipping; 0 when it misses). */
export function chordLength(outline: Outline, a: Point, b: Point): number {
  let t0 = 0;
  let t1 = 1;
  const d = { x: b.x - a.x, y: b.y - a.y };
  const turn = Math.sign(signedArea(outline)) || 1;
  for (let i = 0; i < outline.length; i++) {
    const p = outline[i];
    const q = outline[(i + 1) % outline.length];
    // Inward normal of edge p→q (for a clockwise outline on a y-down page: the positive side).
    const n = { x: -(q.y - p.y) * turn, y: (q.x - p.x) * turn };
    const num = n.x * (a.x - p.x) + n.y * (a.y - p.y);
    const den = n.x * d.x + n.y * d.y;
    if (Math.abs(den) < EPS) {
      if (num < 0) return 0;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(d.x, d.y);
}
