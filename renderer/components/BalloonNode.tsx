import { Circle, Ellipse, Group, Line, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { BALLOON_CSS_FONT, balloonShape, shoutOutline, tailTriangle, thoughtBubbles, type Balloon } from '../../app/balloons';
import type { Rect as PageRect } from '../../app/page';

const INK = '#121214';
const LINE_MM = 0.35;
const flat = (points: Array<{ x: number; y: number }>) => points.flatMap((p) => [p.x, p.y]);

/**
 * A balloon on the page canvas (units: mm), drawn from the same geometry as the PDF. Drag it to move it; when
 * selected, its tail's tip has a handle of its own. Each drag ends as one change of the balloon.
 */
export function BalloonNode({ balloon: b, panel, selected, onSelect, onChange }: {
  balloon: Balloon;
  panel: PageRect;
  selected: boolean;
  onSelect: () => void;
  onChange: (changes: Partial<Balloon>) => void;
}) {
  const s = balloonShape(b, panel);
  const { cx, cy, rx, ry } = s.outline;
  const tail = tailTriangle(s);
  const stroke = { stroke: INK, strokeWidth: LINE_MM };
  const moved = (e: Konva.KonvaEventObject<DragEvent>) => {
    const node = e.target;
    const changes = { x: b.x + node.x() / panel.width, y: b.y + node.y() / panel.height };
    node.position({ x: 0, y: 0 }); // the new place comes back through the props
    onChange(changes);
  };
  return (
    <>
      <Group draggable onDragEnd={moved} onMouseDown={onSelect} onTap={onSelect} name="balloon">
        {b.kind === 'thought' ? thoughtBubbles(s).map(([x, y, r], i) => <Circle key={i} x={x} y={y} radius={r} fill="#fff" {...stroke} />) : null}
        {tail && b.kind !== 'thought' ? <Line points={flat(tail)} closed fill="#fff" {...stroke} /> : null}
        {b.kind === 'caption' ? (
          <Rect x={cx - rx} y={cy - ry} width={2 * rx} height={2 * ry} fill="#fff8c4" {...stroke} />
        ) : b.kind === 'shout' ? (
          <Line points={flat(shoutOutline(s))} closed fill="#fff" {...stroke} />
        ) : (
          <Ellipse x={cx} y={cy} radiusX={rx} radiusY={ry} fill="#fff" {...stroke} />
        )}
        {tail && b.kind !== 'thought' ? <Line points={flat(tail)} closed fill="#fff" /> : null}
        {s.lines.map((line, i) => (
          <Text
            key={i}
            text={line}
            x={s.text.x - s.text.width}
            y={s.text.y + i * s.lineHeightMm}
            width={s.text.width * 3}
            height={s.lineHeightMm}
            align="center"
            verticalAlign="middle"
            wrap="none"
            fontFamily={BALLOON_CSS_FONT}
            fontStyle="bold"
            fontSize={s.fontSizeMm}
            fill={INK}
            listening={false}
          />
        ))}
        {selected ? <Rect x={cx - rx - 1} y={cy - ry - 1} width={2 * rx + 2} height={2 * ry + 2} stroke="#e8572a" strokeWidth={0.4} dash={[1.2, 0.8]} listening={false} /> : null}
      </Group>
      {selected && s.tail ? (
        <Circle
          x={s.tail.x}
          y={s.tail.y}
          radius={1.6}
          fill="#e8572a"
          draggable
          name="balloon-tail"
          onDragEnd={(e) => onChange({ tailX: (e.target.x() - panel.x) / panel.width, tailY: (e.target.y() - panel.y) / panel.height })}
        />
      ) : null}
    </>
  );
}
