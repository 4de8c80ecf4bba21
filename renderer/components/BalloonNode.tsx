import { useState } from 'react';
import { Circle, Ellipse, Group, Line, Path, Rect } from 'react-konva';
import type Konva from 'konva';
import { balloonShape, shoutOutline, tailTriangle, thoughtBubbles, thoughtCloud, type Balloon, type BalloonShape } from '../../app/balloons';
import type { LetteringFace } from '../../app/lettering/metrics';
import type { Rect as PageRect } from '../../app/page';
import { useLettering } from '../lettering/LetteringContext';

const INK = '#121214';
const LINE_MM = 0.35;
const ACCENT = '#e8572a';
const flat = (points: Array<{ x: number; y: number }>) => points.flatMap((p) => [p.x, p.y]);

/** The words of a balloon as glyph outlines at the layout's positions: the very glyphs the PDF embeds. */
function Letters({ s, face }: { s: BalloonShape; face: LetteringFace }) {
  const k = s.text.sizeMm / face.unitsPerEm;
  const { cx, cy } = s.outline;
  const glyphs = s.text.lines.flatMap((l) => l.glyphs);
  return (
    <>
      {glyphs.map((g, i) => (
        <Path
          key={i}
          data={face.glyphPath(g.id)}
          x={cx + g.x}
          y={cy + g.y}
          scaleX={k}
          scaleY={-k}
          rotation={g.rotate}
          fill={s.ink}
          {...(s.stroke ? { stroke: s.stroke.color, strokeWidth: (s.stroke.widthMm * 2) / k, fillAfterStrokeEnabled: true, lineJoin: 'round' as const } : {})}
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
    </>
  );
}

function Outline({ s }: { s: BalloonShape }) {
  const { cx, cy, rx, ry } = s.outline;
  const stroke = { stroke: INK, strokeWidth: LINE_MM };
  const tail = tailTriangle(s);
  switch (s.kind) {
    case 'sfx':
      // No outline: a hit area the size of the words, to grab it by.
      return <Rect x={cx - rx} y={cy - ry} width={2 * rx} height={2 * ry} fill="rgba(0,0,0,0.001)" />;
    case 'caption':
    case 'narration':
      return <Rect x={cx - rx} y={cy - ry} width={2 * rx} height={2 * ry} fill={s.fill} {...stroke} strokeWidth={s.kind === 'narration' ? LINE_MM * 1.6 : LINE_MM} />;
    case 'thought':
      return (
        <>
          {thoughtBubbles(s).map(([x, y, r], i) => <Circle key={`b${i}`} x={x} y={y} radius={r} fill={s.fill} {...stroke} />)}
          {thoughtCloud(s).map(([x, y, r], i) => <Circle key={`c${i}`} x={x} y={y} radius={r} fill={s.fill} {...stroke} />)}
          <Ellipse x={cx} y={cy} radiusX={rx} radiusY={ry} fill={s.fill} />
        </>
      );
    default:
      return (
        <>
          {tail ? <Line points={flat(tail)} closed fill={s.fill} {...stroke} /> : null}
          {s.kind === 'shout' ? <Line points={flat(shoutOutline(s))} closed fill={s.fill} {...stroke} /> : <Ellipse x={cx} y={cy} radiusX={rx} radiusY={ry} fill={s.fill} {...stroke} />}
          {tail ? <Line points={flat(tail)} closed fill={s.fill} /> : null}
        </>
      );
  }
}

/**
 * A balloon on the page canvas (units: mm), drawn from the same shape and text layout as the PDF. Drag it to move
 * it; when selected, four corner handles resize it (the words re-flow as you drag) and its tail's tip has a handle
 * of its own. Each drag ends as one change of the balloon; a double click goes to its words.
 */
export function BalloonNode({ balloon, panel, selected, onSelect, onChange, onEditText }: {
  balloon: Balloon;
  panel: PageRect;
  selected: boolean;
  onSelect: () => void;
  onChange: (changes: Partial<Balloon>) => void;
  onEditText?: () => void;
}) {
  const { faces } = useLettering();
  const [draft, setDraft] = useState<Partial<Balloon>>();
  // A double click goes to the balloon's words (the field the inspector shows for the selected balloon).
  const editText =
    onEditText ??
    (() => {
      onSelect();
      setTimeout(() => document.querySelector<HTMLTextAreaElement>('[data-testid=balloon-text]')?.focus(), 0);
    });
  if (!faces) return null;
  const b = draft ? { ...balloon, ...draft } : balloon;
  let s: BalloonShape;
  try {
    s = balloonShape(b, panel, faces);
  } catch {
    return null;
  }
  const face = faces(s.text.fontId as never)!;
  const { cx, cy, rx, ry } = s.outline;
  const moved = (e: Konva.KonvaEventObject<DragEvent>) => {
    const node = e.target;
    const changes = { x: b.x + node.x() / panel.width, y: b.y + node.y() / panel.height };
    node.position({ x: 0, y: 0 }); // the new place comes back through the props
    onChange(changes);
  };
  const sizeAt = (node: Konva.Node): Partial<Balloon> => ({
    width: Math.max(0.04, (2 * Math.abs(node.x() - cx)) / panel.width),
    height: Math.max(0.04, (2 * Math.abs(node.y() - cy)) / panel.height),
  });
  return (
    <>
      <Group draggable onDragEnd={moved} onMouseDown={onSelect} onTap={onSelect} onDblClick={editText} onDblTap={editText} name="balloon" id={`balloon-${balloon.id}`}>
        <Outline s={s} />
        <Letters s={s} face={face} />
        {selected ? <Rect x={cx - rx - 1} y={cy - ry - 1} width={2 * rx + 2} height={2 * ry + 2} stroke={ACCENT} strokeWidth={0.4} dash={[1.2, 0.8]} listening={false} /> : null}
        {!s.text.fits ? <Rect x={cx - rx} y={cy - ry} width={2 * rx} height={2 * ry} stroke="#d62828" strokeWidth={0.5} listening={false} /> : null}
      </Group>
      {/* The handles count as the balloon's (name "balloon"): the page canvas leaves presses on them to them. */}
      <Group name="balloon balloon-handles">
      {selected
        ? [-1, 1].flatMap((sx) =>
            [-1, 1].map((sy) => (
              <Circle
                key={`${sx}${sy}`}
                name="balloon-resize"
                x={cx + sx * rx}
                y={cy + sy * ry}
                radius={1.3}
                fill="#fff"
                stroke={ACCENT}
                strokeWidth={0.4}
                draggable
                onDragMove={(e) => setDraft(sizeAt(e.target))}
                onDragEnd={(e) => {
                  const size = sizeAt(e.target);
                  setDraft(undefined);
                  onChange(size);
                }}
              />
            )),
          )
        : null}
      {selected && s.tail ? (
        <Circle
          x={s.tail.x}
          y={s.tail.y}
          radius={1.6}
          fill={ACCENT}
          draggable
          name="balloon-tail"
          onDragEnd={(e) => onChange({ tailX: (e.target.x() - panel.x) / panel.width, tailY: (e.target.y() - panel.y) / panel.height })}
        />
      ) : null}
      </Group>
    </>
  );
}
