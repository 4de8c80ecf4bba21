import { useEffect, useRef } from 'react';
import { Rect, Transformer } from 'react-konva';
import type Konva from 'konva';
import type { Rect as PageRect } from '../../app/page';

/**
 * Handles around the selected panel to reshape it: drag an edge or a corner; the new rectangle is one edit when the
 * handle is let go. The frame itself lets clicks through, so the picture under it can still be panned.
 */
export function PanelFrame({ rect, onRect }: { rect: PageRect; onRect: (rect: PageRect) => void }) {
  const frame = useRef<Konva.Rect>(null);
  const handles = useRef<Konva.Transformer>(null);
  useEffect(() => {
    if (frame.current && handles.current) {
      handles.current.nodes([frame.current]);
      handles.current.getLayer()?.batchDraw();
    }
  }, [rect]);
  const reshaped = () => {
    const node = frame.current!;
    const next = { x: node.x(), y: node.y(), width: node.width() * node.scaleX(), height: node.height() * node.scaleY() };
    node.scale({ x: 1, y: 1 });
    onRect(next);
  };
  return (
    <>
      <Rect ref={frame} {...rect} listening={false} onTransformEnd={reshaped} />
      <Transformer
        ref={handles}
        name="panel-handles"
        rotateEnabled={false}
        keepRatio={false}
        ignoreStroke
        anchorSize={9}
        anchorStroke="#e8572a"
        borderStroke="#e8572a"
        boundBoxFunc={(old, box) => {
          // Boxes come in stage pixels: 10 mm at the page's scale.
          const k = handles.current?.getStage()?.scaleX() ?? 1;
          return box.width < 10 * k || box.height < 10 * k ? old : box;
        }}
      />
    </>
  );
}
