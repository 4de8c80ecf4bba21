import { useCallback, useEffect, useRef, useState } from 'react';
import { Layer, Line, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import { pointInOutline, rectOutline, type Point } from '../../app/geometry';
import type { Balloon } from '../../app/balloons';
import type { PanelCrop } from '../../app/page';
import type { EditorPage, EditorPanel } from '../../app/pages';
import type { Edge } from '../../app/snap';
import { BalloonNode } from '../components/BalloonNode';
import { knifeTarget, outlineOf, previewOf, type Gesture, type Preview } from './gestures';
import { PanelHandles } from './PanelHandles';
import { PanelShape } from './PanelShape';
import { toPage, zoomAt, type View } from './zoom';

export type Tool = 'select' | 'knife' | 'crop';

/** What the canvas asks of its owner: edits, by what they are (the owner makes them commands). */
export interface CanvasEdits {
  outline: (panel: string, outline: Point[], change: 'move' | 'resize' | 'corner') => void;
  addCorner: (panel: string, edge: number) => void;
  removeCorner: (panel: string, corner: number) => void;
  cut: (panel: string, a: Point, b: Point) => void;
  crop: (panel: EditorPanel, crop: PanelCrop) => void;
  balloon: (panel: EditorPanel, id: string, changes: Partial<Balloon>) => void;
  dropFrame: (panel: string, keyframe: string) => void;
}

const flat = (points: Point[]) => points.flatMap((p) => [p.x, p.y]);

/**
 * The page in focus (Konva; the layer draws in page mm under the view's scale and offset): panels with their
 * pictures, the selected panel's handles, snapping guides, the knife's line, balloons. Ctrl+wheel (and a trackpad
 * pinch, which Chromium sends as one) zooms about the pointer, the wheel pans, and so does a drag on the desk.
 */
export function PageCanvas({ page, urlOf, tool, selected, onSelect, balloon, onSelectBalloon, view, setView, size, edits }: {
  page: EditorPage;
  urlOf: (picture: number) => string | undefined;
  tool: Tool;
  selected: string[];
  onSelect: (ids: string[]) => void;
  balloon?: string;
  onSelectBalloon: (panel: EditorPanel, id: string) => void;
  view: View;
  setView: (v: View | ((v: View) => View)) => void;
  size: { width: number; height: number };
  edits: CanvasEdits;
}) {
  const [gesture, setGesture] = useState<Gesture>();
  const [pan, setPan] = useState<{ from: Point; view: View }>();
  const [preview, setPreview] = useState<Preview>();
  const [loaded, setLoaded] = useState(() => new Set<string>());
  const onLoaded = useCallback((id: string) => setLoaded((s) => (s.has(id) ? s : new Set(s).add(id))), []);
  const ready = page.panels.every((p) => loaded.has(`${p.id}:${urlOf(p.picture) ?? ''}`));
  const stage = useRef<Konva.Stage>(null);
  const pointer = () => stage.current?.getPointerPosition() ?? { x: 0, y: 0 };
  const pagePoint = () => toPage(view, pointer());
  useEffect(() => setPreview(undefined), [page]);

  const panelAt = (p: Point) => [...page.panels].reverse().find((x) => pointInOutline(p, x.outline ?? rectOutline(x.rect)));
  const down = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.evt.button === 1 || (e.evt.button === 0 && e.evt.altKey && tool !== 'crop')) return setPan({ from: pointer(), view });
    if (e.evt.button !== 0) return;
    const at = pagePoint();
    const name = e.target.name();
    const [kind, arg] = name.split(':');
    const current = selected[0];
    if (tool === 'knife') return setGesture({ kind: 'knife', start: at });
    if (current && kind === 'resize') return setGesture({ kind: 'resize', panel: current, start: at, outline: outlineOf(page, current), edges: arg.split(',') as Edge[] });
    if (current && kind === 'corner') {
      if (e.evt.detail === 2) return edits.removeCorner(current, Number(arg));
      return setGesture({ kind: 'corner', panel: current, corner: Number(arg), outline: outlineOf(page, current) });
    }
    if (current && kind === 'add-corner') return edits.addCorner(current, Number(arg));
    if (e.target.findAncestor?.('.balloon', true)) return;
    const hit = panelAt(at);
    if (!hit) return onSelect([]), setPan({ from: pointer(), view });
    if (e.evt.shiftKey && current && current !== hit.id) return onSelect([current, hit.id]);
    onSelect([hit.id]);
    if (tool === 'select') setGesture({ kind: 'move', panel: hit.id, start: at, outline: outlineOf(page, hit.id) });
  };
  const move = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (pan) {
      const p = pointer();
      return setView({ ...pan.view, x: pan.view.x + p.x - pan.from.x, y: pan.view.y + p.y - pan.from.y });
    }
    if (gesture) setPreview(previewOf(gesture, page, pagePoint(), 6 / view.scale, e.evt.altKey));
  };
  const up = () => {
    setPan(undefined);
    const g = gesture;
    const p = preview;
    setGesture(undefined);
    setPreview(undefined);
    if (!g || !p) return;
    if (g.kind === 'knife' && p.line) {
      const [a, b] = p.line;
      const target = Math.hypot(b.x - a.x, b.y - a.y) > 3 ? knifeTarget(page, a, b) : undefined;
      if (target) edits.cut(target, a, b);
    } else if (g.kind !== 'knife' && p.outline) edits.outline(g.panel, p.outline, g.kind);
  };
  const wheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    if (e.evt.ctrlKey || e.evt.metaKey) setView((v) => zoomAt(v, Math.exp(-e.evt.deltaY / 300), pointer()));
    else setView((v) => ({ ...v, x: v.x - e.evt.deltaX, y: v.y - e.evt.deltaY }));
  };
  // Two fingers on a touch screen: pinch to zoom about their middle, move to pan.
  const touch = useRef<{ d: number; mid: Point; view: View }>(undefined);
  const touchMove = (e: Konva.KonvaEventObject<TouchEvent>) => {
    const [a, b] = [e.evt.touches[0], e.evt.touches[1]];
    if (!a || !b) return;
    e.evt.preventDefault();
    const box = stage.current!.container().getBoundingClientRect();
    const mid = { x: (a.clientX + b.clientX) / 2 - box.left, y: (a.clientY + b.clientY) / 2 - box.top };
    const d = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    if (!touch.current) touch.current = { d, mid, view };
    const start = touch.current;
    const zoomed = zoomAt(start.view, d / start.d, start.mid);
    setView({ ...zoomed, x: zoomed.x + mid.x - start.mid.x, y: zoomed.y + mid.y - start.mid.y });
  };
  const drop = (e: React.DragEvent) => {
    const keyframe = e.dataTransfer.getData('application/x-keyframe');
    if (!keyframe || !stage.current) return;
    e.preventDefault();
    stage.current.setPointersPositions(e.nativeEvent);
    const hit = panelAt(pagePoint());
    if (hit) edits.dropFrame(hit.id, keyframe);
  };
  const selectedPanel = page.panels.find((p) => p.id === selected[0]);
  const shownOutline = (p: EditorPanel) => (preview?.outline && gesture && gesture.kind !== 'knife' && gesture.panel === p.id ? preview.outline : undefined);
  const k = view.scale;
  return (
    <div
      className="page-stage"
      data-testid="page-canvas"
      data-ready={ready}
      data-view={JSON.stringify(view)}
      data-page={page.id}
      onDragOver={(e) => e.dataTransfer.types.includes('application/x-keyframe') && e.preventDefault()}
      onDrop={drop}
      style={{ cursor: tool === 'knife' ? 'crosshair' : pan ? 'grabbing' : undefined }}
    >
      <Stage ref={stage} width={size.width} height={size.height} onMouseDown={down} onMouseMove={move} onMouseUp={up} onMouseLeave={up} onWheel={wheel} onTouchMove={touchMove} onTouchEnd={() => (touch.current = undefined)} className="page-canvas">
        <Layer x={view.x} y={view.y} scaleX={k} scaleY={k}>
          <Rect x={0} y={0} width={page.size.width} height={page.size.height} fill={page.style.background} shadowColor="#000" shadowBlur={8} shadowOpacity={0.2} listening={false} />
          {page.panels.map((panel) => {
            const outline = shownOutline(panel);
            const shown = outline ? { ...panel, outline, rect: boundsOf(outline) } : panel;
            return (
              <PanelShape
                key={panel.id}
                panel={shown}
                url={urlOf(panel.picture)}
                border={page.style.borderWidth}
                borderColor={page.style.borderColor}
                cropping={tool === 'crop'}
                selected={selected.includes(panel.id) && !balloon}
                onCrop={(crop) => edits.crop(panel, crop)}
                onLoaded={() => onLoaded(`${panel.id}:${urlOf(panel.picture) ?? ''}`)}
              />
            );
          })}
          {page.panels.flatMap((panel) =>
            (panel.balloons ?? []).map((b) => (
              <BalloonNode key={b.id} balloon={b} panel={panel.rect} selected={balloon === b.id} onSelect={() => onSelectBalloon(panel, b.id)} onChange={(changes) => edits.balloon(panel, b.id, changes)} />
            )),
          )}
          {selectedPanel && tool === 'select' && !balloon ? <PanelHandles outline={shownOutline(selectedPanel) ?? outlineOf(page, selectedPanel.id)} scale={k} /> : null}
          {preview?.guides.map((g, i) =>
            'x' in g ? (
              <Line key={i} points={[g.x, -5, g.x, page.size.height + 5]} stroke="#1b8cf2" strokeWidth={1 / k} dash={[5 / k, 3 / k]} listening={false} />
            ) : (
              <Line key={i} points={[-5, g.y, page.size.width + 5, g.y]} stroke="#1b8cf2" strokeWidth={1 / k} dash={[5 / k, 3 / k]} listening={false} />
            ),
          )}
          {preview?.line ? <Line points={flat(preview.line)} stroke="#e8572a" strokeWidth={2 / k} dash={[6 / k, 4 / k]} listening={false} /> : null}
        </Layer>
      </Stage>
    </div>
  );
}

function boundsOf(outline: Point[]) {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
