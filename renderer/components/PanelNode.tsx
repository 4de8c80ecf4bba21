import { useEffect, useRef, useState } from 'react';
import { Group, Image as KonvaImage, Rect } from 'react-konva';
import type Konva from 'konva';
import { visiblePart, type PagePanel, type PanelCrop } from '../../app/page';
import { useImage } from '../hooks/use-image';

/** Wheel steps this close together make one zoom edit (one undo step), committed once the wheel rests. */
const WHEEL_SETTLE_MS = 400;
const BORDER_MM = 0.7;

/**
 * One panel on the page canvas (units: mm): its picture clipped to the panel as the crop says, a border. Dragging
 * the picture pans it inside the panel and the wheel zooms; each gesture becomes one crop edit when it ends.
 */
export function PanelNode({ panel, url, onCrop, onLoaded, selected, onSelect }: {
  panel: PagePanel;
  url: string;
  onCrop: (crop: PanelCrop) => void;
  onLoaded: () => void;
  selected: boolean;
  onSelect: () => void;
}) {
  const image = useImage(url);
  useEffect(() => {
    if (image) onLoaded();
  }, [image, onLoaded]);
  const [zoom, setZoom] = useState<number>();
  const wheelTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(wheelTimer.current), []);
  const { rect } = panel;
  const crop = zoom === undefined ? panel.crop : { ...panel.crop, zoom };

  if (!image) return <Rect {...rect} fill="#dde1e8" stroke="#1c1f26" strokeWidth={BORDER_MM} />;
  const picture = { width: image.naturalWidth, height: image.naturalHeight };
  const part = visiblePart(picture, rect, crop);
  const scale = rect.width / part.width; // mm per picture pixel
  const size = { width: picture.width * scale, height: picture.height * scale };
  // Where the picture sits when `part` shows: its top-left corner, in page mm.
  const at = (p: { x: number; y: number }) => ({ x: rect.x - p.x * scale, y: rect.y - p.y * scale });
  const cropAt = (x: number, y: number): PanelCrop => ({
    centerX: ((rect.x - x) / scale + part.width / 2) / picture.width,
    centerY: ((rect.y - y) / scale + part.height / 2) / picture.height,
    zoom: crop.zoom,
  });
  // The picture may move only as far as it still covers the panel. Konva gives absolute (stage) positions.
  const bound = (node: Konva.Node) => (pos: Konva.Vector2d) => {
    const t = node.getParent()!.getAbsoluteTransform();
    const local = t.copy().invert().point(pos);
    const x = Math.min(rect.x, Math.max(rect.x + rect.width - size.width, local.x));
    const y = Math.min(rect.y, Math.max(rect.y + rect.height - size.height, local.y));
    return t.point({ x, y });
  };
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const next = Math.min(8, Math.max(1, crop.zoom * (e.evt.deltaY < 0 ? 1.1 : 1 / 1.1)));
    setZoom(next);
    clearTimeout(wheelTimer.current);
    wheelTimer.current = setTimeout(() => {
      setZoom(undefined);
      onCrop({ ...panel.crop, zoom: next });
    }, WHEEL_SETTLE_MS);
  };
  return (
    <Group clipX={rect.x} clipY={rect.y} clipWidth={rect.width} clipHeight={rect.height} onWheel={onWheel} onMouseDown={onSelect} onTap={onSelect}>
      <KonvaImage
        image={image}
        {...at(part)}
        {...size}
        draggable
        dragBoundFunc={function (this: Konva.Node, pos) {
          return bound(this)(pos);
        }}
        onDragEnd={(e) => onCrop(cropAt(e.target.x(), e.target.y()))}
        onMouseEnter={(e) => (e.target.getStage()!.container().style.cursor = 'grab')}
        onMouseLeave={(e) => (e.target.getStage()!.container().style.cursor = '')}
      />
      <Rect {...rect} stroke={selected ? '#e8572a' : '#1c1f26'} strokeWidth={selected ? BORDER_MM * 2.5 : BORDER_MM} listening={false} />
    </Group>
  );
}
