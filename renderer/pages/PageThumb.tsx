import { Group, Image as KonvaImage, Layer, Line, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import { rectOutline } from '../../app/geometry';
import { visiblePart } from '../../app/page';
import type { EditorPage, EditorPanel } from '../../app/pages';
import { useImage } from '../hooks/use-image';

const WIDTH = 92;

function ThumbPanel({ panel, url, border, color }: { panel: EditorPanel; url?: string; border: number; color: string }) {
  const image = useImage(url ?? '');
  const outline = panel.outline ?? rectOutline(panel.rect);
  const points = outline.flatMap((p) => [p.x, p.y]);
  const clip = (ctx: Konva.Context) => {
    ctx.beginPath();
    outline.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.closePath();
  };
  let picture = null;
  if (image && url) {
    const part = visiblePart({ width: image.naturalWidth, height: image.naturalHeight }, panel.rect, panel.crop);
    const s = panel.rect.width / part.width;
    picture = <KonvaImage image={image} x={panel.rect.x - part.x * s} y={panel.rect.y - part.y * s} width={image.naturalWidth * s} height={image.naturalHeight * s} />;
  }
  return (
    <Group listening={false}>
      <Group clipFunc={clip}>
        <Rect {...panel.rect} fill={url ? '#dde1e8' : '#f1f2f5'} />
        {picture}
      </Group>
      {border > 0 ? <Line points={points} closed stroke={color} strokeWidth={Math.max(border, 1)} /> : null}
    </Group>
  );
}

/** A live miniature of a page: the same panels, pictures, crops and borders as the canvas, drawn small. */
export function PageThumb({ page, urlOf }: { page: EditorPage; urlOf: (picture: number) => string | undefined }) {
  const k = WIDTH / page.size.width;
  return (
    <Stage width={WIDTH} height={Math.round(page.size.height * k)} scaleX={k} scaleY={k} listening={false}>
      <Layer listening={false}>
        <Rect width={page.size.width} height={page.size.height} fill={page.style.background} />
        {page.panels.map((p) => (
          <ThumbPanel key={p.id} panel={p} url={urlOf(p.picture)} border={page.style.borderWidth} color={page.style.borderColor} />
        ))}
      </Layer>
    </Stage>
  );
}
