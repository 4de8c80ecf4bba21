import { boundingBox, chordLength, fitOutline, isConvexOutline, translateOutline, type Outline, type Point } from '../../app/geometry';
import type { Rect } from '../../app/page';
import type { EditorPage } from '../../app/pages';
import { contentBox } from '../../app/page-templates';
import { snapMove, snapResize, snapTargets, type Edge, type SnapGuide } from '../../app/snap';

/** A pointer gesture on the page canvas, from press to release; page mm throughout. */
export type Gesture =
  | { kind: 'move'; panel: string; start: Point; outline: Outline }
  | { kind: 'resize'; panel: string; start: Point; outline: Outline; edges: Edge[] }
  | { kind: 'corner'; panel: string; corner: number; outline: Outline }
  | { kind: 'knife'; start: Point };

export interface Preview {
  outline?: Outline;
  guides: SnapGuide[];
  /** The knife's line. */
  line?: [Point, Point];
}

const outlineOf = (page: EditorPage, id: string) => {
  const p = page.panels.find((x) => x.id === id)!;
  return p.outline ?? [{ x: p.rect.x, y: p.rect.y }, { x: p.rect.x + p.rect.width, y: p.rect.y }, { x: p.rect.x + p.rect.width, y: p.rect.y + p.rect.height }, { x: p.rect.x, y: p.rect.y + p.rect.height }];
};

function targets(page: EditorPage, except: string) {
  const others = page.panels.filter((p) => p.id !== except).map((p) => p.rect);
  return snapTargets(contentBox({ size: page.size, margin: page.look.margin }), others, page.look.gutter);
}

/** What the gesture shows with the pointer at `at` (snapped within `snap` mm unless `free`). */
export function previewOf(g: Gesture, page: EditorPage, at: Point, snap: number, free = false): Preview {
  const threshold = free ? 0 : snap;
  if (g.kind === 'knife') return { guides: [], line: [g.start, at] };
  if (g.kind === 'corner') {
    const moved = g.outline.map((p, i) => (i === g.corner ? at : p));
    return { outline: isConvexOutline(moved) ? moved : undefined, guides: [] };
  }
  const box = boundingBox(g.outline);
  const dx = at.x - g.start.x;
  const dy = at.y - g.start.y;
  if (g.kind === 'move') {
    const snapped = snapMove({ ...box, x: box.x + dx, y: box.y + dy }, targets(page, g.panel), threshold);
    return { outline: translateOutline(g.outline, snapped.box.x - box.x, snapped.box.y - box.y), guides: snapped.guides };
  }
  let next: Rect = { ...box };
  if (g.edges.includes('left')) next = { ...next, x: box.x + dx, width: box.width - dx };
  if (g.edges.includes('right')) next = { ...next, width: box.width + dx };
  if (g.edges.includes('top')) next = { ...next, y: box.y + dy, height: box.height - dy };
  if (g.edges.includes('bottom')) next = { ...next, height: box.height + dy };
  const snapped = snapResize(next, g.edges, targets(page, g.panel), threshold);
  if (snapped.box.width < 5 || snapped.box.height < 5) return { guides: [] };
  return { outline: fitOutline(g.outline, box, snapped.box), guides: snapped.guides };
}

/** The panel a knife stroke cuts: the one it crosses for the longest stretch (none under 3 mm). */
export function knifeTarget(page: EditorPage, a: Point, b: Point): string | undefined {
  let best: { id: string; length: number } | undefined;
  for (const p of page.panels) {
    const length = chordLength(outlineOf(page, p.id), a, b);
    if (length > 3 && (!best || length > best.length)) best = { id: p.id, length };
  }
  return best?.id;
}

export { outlineOf };
