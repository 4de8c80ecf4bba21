import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Image as KonvaImage, Layer, Line, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import type { MaskShape, Point } from '../../app/masks';
import { useImage } from '../hooks/use-image';

type Tool = 'box' | 'polygon' | 'brush';
const TOOLS: Array<[Tool, string]> = [['box', 'regions.box'], ['polygon', 'regions.lasso'], ['brush', 'regions.brush']];
const WIDTH_PX = 640;
const FILL = 'rgba(232, 87, 42, 0.38)';
const EDGE = '#e8572a';

/** A shape in fractions of the picture, drawn on a stage `w` × `h` px. */
function ShapeNode({ shape: s, w, h, draft }: { shape: MaskShape; w: number; h: number; draft?: boolean }) {
  const flat = (points: Point[]) => points.flatMap((p) => [p.x * w, p.y * h]);
  const dash = draft ? [6, 4] : undefined;
  if (s.kind === 'box') return <Rect x={s.x * w} y={s.y * h} width={s.width * w} height={s.height * h} fill={FILL} stroke={EDGE} dash={dash} listening={false} />;
  if (s.kind === 'polygon') return <Line points={flat(s.points)} closed={!draft} fill={FILL} stroke={EDGE} dash={dash} listening={false} />;
  // A click without a drag is a dot: a one-point line would draw nothing.
  const points = s.points.length === 1 ? [s.points[0], s.points[0]] : s.points;
  return <Line points={flat(points)} stroke={FILL} strokeWidth={2 * s.radius * w} lineCap="round" lineJoin="round" listening={false} />;
}

/**
 * Marks what to draw apart on a key frame (people, or anything): a box, a lasso or a brush stroke, each one region
 * (one InstaGAN instance). Each shape is one undoable edit; the regions are kept in fractions of the picture.
 */
export function RegionEditor({ src, title, shapes, onAdd, onClear, onClose }: {
  src: string;
  title: string;
  shapes: MaskShape[];
  onAdd: (shape: MaskShape) => void;
  onClear: () => void;
  onClose: () => void;
}) {
  const image = useImage(src);
  const { t } = useTranslation();
  const [tool, setTool] = useState<Tool>('box');
  const [brush, setBrush] = useState(0.03);
  const [draft, setDraft] = useState<MaskShape>();
  const w = WIDTH_PX;
  const h = image ? Math.round((WIDTH_PX * image.naturalHeight) / image.naturalWidth) : Math.round(WIDTH_PX * 0.5625);
  const at = (e: Konva.KonvaEventObject<MouseEvent>): Point => {
    const p = e.target.getStage()!.getPointerPosition()!;
    return { x: Math.min(1, Math.max(0, p.x / w)), y: Math.min(1, Math.max(0, p.y / h)) };
  };
  const down = (e: Konva.KonvaEventObject<MouseEvent>) => {
    const p = at(e);
    setDraft(tool === 'box' ? { kind: 'box', x: p.x, y: p.y, width: 0, height: 0 } : tool === 'polygon' ? { kind: 'polygon', points: [p] } : { kind: 'brush', points: [p], radius: brush });
  };
  const move = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (!draft) return;
    const p = at(e);
    if (draft.kind === 'box') setDraft({ ...draft, width: p.x - draft.x, height: p.y - draft.y });
    else setDraft({ ...draft, points: [...draft.points, p] });
  };
  const up = () => {
    if (!draft) return;
    setDraft(undefined);
    if (draft.kind === 'box') {
      const box = { kind: 'box' as const, x: Math.min(draft.x, draft.x + draft.width), y: Math.min(draft.y, draft.y + draft.height), width: Math.abs(draft.width), height: Math.abs(draft.height) };
      if (box.width > 0.01 && box.height > 0.01) onAdd(box);
    } else if (draft.kind === 'polygon') {
      if (draft.points.length >= 3) onAdd(draft);
    } else onAdd(draft);
  };
  return (
    <section className="card region-editor" data-testid="region-editor">
      <div className="region-tools">
        <span className="strong">{title}</span>
        {TOOLS.map(([id, name]) => (
          <label key={id}>
            <input type="radio" name="region-tool" data-testid={`tool-${id}`} checked={tool === id} onChange={() => setTool(id)} /> {t(name)}
          </label>
        ))}
        {tool === 'brush' ? (
          <label>
            {t('regions.size')} <input type="range" min={0.01} max={0.1} step={0.005} value={brush} onChange={(e) => setBrush(Number(e.target.value))} aria-label={t('regions.brushSize')} />
          </label>
        ) : null}
        <span className="muted" data-testid="region-count">
          {t('regions.count', { count: shapes.length })}
        </span>
        <button type="button" data-testid="regions-clear" onClick={onClear} disabled={!shapes.length}>
          {t('regions.clear')}
        </button>
        <button type="button" className="primary" data-testid="regions-done" onClick={onClose}>
          {t('regions.done')}
        </button>
      </div>
      <p className="hint muted">
        {t('regions.hint')}
      </p>
      <Stage width={w} height={h} onMouseDown={down} onMouseMove={move} onMouseUp={up} onMouseLeave={up} className="region-canvas">
        <Layer>
          {image ? <KonvaImage image={image} width={w} height={h} /> : <Rect width={w} height={h} fill="#dde1e8" />}
          {shapes.map((s, i) => (
            <ShapeNode key={i} shape={s} w={w} h={h} />
          ))}
          {draft ? <ShapeNode shape={draft} w={w} h={h} draft /> : null}
        </Layer>
      </Stage>
    </section>
  );
}
