import { Circle, Rect } from 'react-konva';
import type { Outline } from '../../app/geometry';
import type { Edge } from '../../app/snap';
import { boundingBox } from '../../app/geometry';

const ACCENT = '#e8572a';

/**
 * The handles of the selected panel (sizes in screen pixels, drawn at page scale `scale`): squares on its box to
 * resize it, a dot on each corner to drag, a small plus in the middle of each edge to add a corner there. They carry
 * what they do in their names, read by the canvas when a press starts on one.
 */
export function PanelHandles({ outline, scale }: { outline: Outline; scale: number }) {
  const box = boundingBox(outline);
  const s = 9 / scale;
  const squares: Array<{ x: number; y: number; edges: Edge[] }> = [
    { x: box.x, y: box.y, edges: ['left', 'top'] },
    { x: box.x + box.width, y: box.y, edges: ['right', 'top'] },
    { x: box.x + box.width, y: box.y + box.height, edges: ['right', 'bottom'] },
    { x: box.x, y: box.y + box.height, edges: ['left', 'bottom'] },
    { x: box.x + box.width / 2, y: box.y, edges: ['top'] },
    { x: box.x + box.width, y: box.y + box.height / 2, edges: ['right'] },
    { x: box.x + box.width / 2, y: box.y + box.height, edges: ['bottom'] },
    { x: box.x, y: box.y + box.height / 2, edges: ['left'] },
  ];
  return (
    <>
      <Rect {...box} stroke={ACCENT} strokeWidth={1 / scale} dash={[4 / scale, 3 / scale]} listening={false} />
      {squares.map((q) => (
        <Rect key={q.edges.join('-')} name={`resize:${q.edges.join(',')}`} x={q.x - s / 2} y={q.y - s / 2} width={s} height={s} fill="#fff" stroke={ACCENT} strokeWidth={1.5 / scale} />
      ))}
      {outline.map((p, i) => {
        const q = outline[(i + 1) % outline.length];
        return <Circle key={`add-${i}`} name={`add-corner:${i}`} x={(p.x + q.x) / 2} y={(p.y + q.y) / 2} radius={3.5 / scale} fill={ACCENT} opacity={0.55} />;
      })}
      {outline.map((p, i) => (
        <Circle key={`c-${i}`} name={`corner:${i}`} x={p.x} y={p.y} radius={6 / scale} fill={ACCENT} stroke="#fff" strokeWidth={1.5 / scale} />
      ))}
    </>
  );
}
