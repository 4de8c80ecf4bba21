import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Image as KonvaImage, Line, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { rectOutline } from '../../app/geometry';
import { visiblePart, type PanelCrop } from '../../app/page';
import type { EditorPanel } from '../../app/pages';
import { useImage } from '../hooks/use-image';

const WHEEL_SETTLE_MS = 400;
const flat = (points: Array<{ x: number; y: number }>) => points.flatMap((p) => [p.x, p.y]);

/**
 * One panel on the page canvas (units: mm): its picture clipped to the panel's outline as its crop says, and its
 * border. In the crop tool a drag pans the picture and the wheel zooms it, each gesture one crop edit.
 */
export function PanelShape({ panel, url, border, borderColor, cropping, selected, onCrop, onLoaded }: {
  panel: EditorPanel;
  url?: string;
  border: number;
  borderColor: string;
  cropping: boolean;
  selected: boolean;
  onCrop: (crop: PanelCrop) => void;
  onLoaded: () => void;
}) {
  const { t } = useTranslation();
  const image = useImage(url ?? '');
  useEffect(() => {
    if (image || !url) onLoaded();
  }, [image, url, onLoaded]);
  const [zoom, setZoom] = useState<number>();
  const wheelTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(wheelTimer.current), []);
  const { rect } = panel;
  const outline = panel.outline ?? rectOutline(rect);
  const clip = (ctx: Konva.Context) => {
    ctx.beginPath();
    outline.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.closePath();
  };
  const edge = (
    <Line points={flat(outline)} closed stroke={selected ? '#e8572a' : borderColor} strokeWidth={selected ? Math.max(border, 0.5) * 2 : border} visible={selected || border > 0} listening={false} />
  );
  if (!url || !image) {
    return (
      <Group name="panel" id={panel.id}>
        <Line points={flat(outline)} closed fill={url ? '#dde1e8' : '#f1f2f5'} listening />
        {!url ? <Text x={rect.x} y={rect.y + rect.height / 2 - 3} width={rect.width} align="center" text={t('canvas.dropHere')} fontSize={4} fill="#9aa1ad" listening={false} /> : null}
        {edge}
      </Group>
    );
  }
  const crop = zoom === undefined ? panel.crop : { ...panel.crop, zoom };
  const picture = { width: image.naturalWidth, height: image.naturalHeight };
  const part = visiblePart(picture, rect, crop);
  const scale = rect.width / part.width;
  const size = { width: picture.width * scale, height: picture.height * scale };
  const at = { x: rect.x - part.x * scale, y: rect.y - part.y * scale };
  const cropAt = (x: number, y: number): PanelCrop => ({
    centerX: ((rect.x - x) / scale + part.width / 2) / picture.width,
    centerY: ((rect.y - y) / scale + part.height / 2) / picture.height,
    zoom: crop.zoom,
  });
  const bound = (node: Konva.Node) => (pos: Konva.Vector2d) => {
    const t = node.getParent()!.getAbsoluteTransform();
    const local = t.copy().invert().point(pos);
    const x = Math.min(rect.x, Math.max(rect.x + rect.width - size.width, local.x));
    const y = Math.min(rect.y, Math.max(rect.y + rect.height - size.height, local.y));
    return t.point({ x, y });
  };
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    if (!cropping || e.evt.ctrlKey) return;
    e.evt.preventDefault();
    e.cancelBubble = true;
    const next = Math.min(8, Math.max(1, crop.zoom * (e.evt.deltaY < 0 ? 1.1 : 1 / 1.1)));
    setZoom(next);
    clearTimeout(wheelTimer.current);
    wheelTimer.current = setTimeout(() => {
      setZoom(undefined);
      onCrop({ ...panel.crop, zoom: next });
    }, WHEEL_SETTLE_MS);
  };
  return (
    <Group name="panel" id={panel.id} onWheel={onWheel}>
      <Group clipFunc={clip}>
        <Rect {...rect} fill="#fff" />
        <KonvaImage
          image={image}
          {...at}
          {...size}
          draggable={cropping}
          dragBoundFunc={function (this: Konva.Node, pos) {
            return bound(this)(pos);
          }}
          onDragEnd={(e) => {
            e.cancelBubble = true;
            onCrop(cropAt(e.target.x(), e.target.y()));
          }}
        />
      </Group>
      {edge}
    </Group>
  );
}
