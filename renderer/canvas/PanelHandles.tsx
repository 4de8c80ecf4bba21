import { Circle, Rect } from 'react-konva';
import type { Outline } from '../../app/geometry';
import type { Edge } from '../../app/snap';
import { boundingBox } from '../../app/geometry';

const ACCENT = '#e8572a';
/** How far outside the panel's box its resize squares sit (screen px). */
export const HANDLE_OFFSET_PX = 10;

/**
 * The handles of the selected panel (sizes in screen pixels, drawn at page scale `scale`): squares on its box to
 * resize it, a dot on each corner to drag, a small plus in the middle of each edge to add a corner there. They carry
 * what they do in their names, read by the canvas when a press starts on one.
 */
export function PanelHandles({ outline, scale }: { outline: Outline; scale: number }) {
  const box = boundingBox(outline);
  const s = 9 / scale;
  // The resize squares sit just outside the box, so that the corner dots on the panel's own corners stay free.
  const o = HANDLE_OFFSET_PX / scale;
  const [l, t, r, b] = [box.x - o, box.y - o, box.x + box.width + o, box.y + box.height + o];
  const squares: Array<{ x: number; y: number; edges: Edge[] }> = [
    { x: l, y: t, edges: ['left', 'top'] },
    { x: r, y: t, edges: ['right', 'top'] },
    { x: r, y: b, edges: ['right', 'bottom'] },
    { x: l, y: b, edges: ['left', 'bottom'] },
    { x: box.x + box.width / 2, y: t, edges: ['top'] },
    { x: r, y: box.y + box.height / 2, edges: ['right'] },
    { x: box.x + box.width / 2, y: b, edges: ['bottom'] },
    { x: l, y: box.y + box.height / 2, edges: ['left'] },
  ];
  return (
    <>
      <Rect x={l} y={t} width={r - l} height={b - t} stroke={ACCENT} strokeWidth={1 / scale} dash={[4 / scale, 3 / scale]} listening={false} />
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
