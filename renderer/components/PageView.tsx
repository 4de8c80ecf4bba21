import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import type { ComicPage, PanelCrop, Rect as PageRect } from '../../app/page';
import { PAGE_TEMPLATES } from '../../app/page-templates';
import type { Balloon } from '../../app/balloons';
import { BalloonNode } from './BalloonNode';
import { PanelFrame } from './PanelFrame';
import { PanelNode } from './PanelNode';

/** Width of a page on screen, in CSS pixels: the canvas works in mm, scaled to this. */
const PAGE_PX = 420;

/** One page: its template to choose, and its panels on a canvas where pictures are panned and zoomed. */
export interface CanvasSelection {
  /** The picture index of the selected panel. */
  picture?: number;
  balloon?: string;
}

export function PageView({ index, page, template, urlOf, selection, onSelect, onTemplate, onCrop, onBalloon, onRect, onMove }: {
  index: number;
  page: ComicPage;
  template: string;
  /** The picture of a panel, by its picture index. */
  urlOf: (picture: number) => string;
  selection: CanvasSelection;
  onSelect: (selection: CanvasSelection) => void;
  onTemplate: (template: string) => void;
  onCrop: (picture: number, crop: PanelCrop) => void;
  onBalloon: (picture: number, id: string, changes: Partial<Balloon>) => void;
  /** A panel reshaped: its slot on this page and its new rectangle (mm). */
  onRect: (slot: number, rect: PageRect) => void;
  /** Moves the page one place earlier or later; absent where it cannot go. */
  onMove: { earlier?: () => void; later?: () => void };
}) {
  const k = PAGE_PX / page.size.width;
  // Pictures drawn so far, for whoever waits on the page (tests, screenshots): data-ready once all are.
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(() => new Set<string>());
  const onLoaded = useCallback((url: string) => setLoaded((s) => (s.has(url) ? s : new Set(s).add(url))), []);
  const ready = page.panels.every((p) => loaded.has(urlOf(p.picture)));
  return (
    <figure className="page-view" data-testid="page-view" data-ready={ready}>
      <figcaption>
        <span className="page-title">
          <button type="button" data-testid="page-earlier" onClick={onMove.earlier} disabled={!onMove.earlier} title={t('page.earlier')}>
            ◀
          </button>
          <span className="strong">{t('page.title', { n: index + 1 })}</span>
          <button type="button" data-testid="page-later" onClick={onMove.later} disabled={!onMove.later} title={t('page.later')}>
            ▶
          </button>
        </span>
        <select data-testid="page-template" value={template} onChange={(e) => onTemplate(e.target.value)} aria-label={t('page.layout', { n: index + 1 })}>
          {PAGE_TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.tiers.join(' · ')}
            </option>
          ))}
        </select>
      </figcaption>
      <Stage width={PAGE_PX} height={Math.round(page.size.height * k)} scaleX={k} scaleY={k} className="page-canvas">
        <Layer>
          <Rect x={0} y={0} width={page.size.width} height={page.size.height} fill="#fff" listening={false} />
          {page.panels.map((panel) => (
            <PanelNode
              key={panel.picture}
              panel={panel}
              url={urlOf(panel.picture)}
              onCrop={(crop) => onCrop(panel.picture, crop)}
              onLoaded={() => onLoaded(urlOf(panel.picture))}
              selected={selection.picture === panel.picture && !selection.balloon}
              onSelect={() => onSelect({ picture: panel.picture })}
            />
          ))}
          {page.panels.map((panel, slot) =>
            selection.picture === panel.picture && !selection.balloon ? (
              <PanelFrame key="frame" rect={panel.rect} onRect={(rect) => onRect(slot, rect)} />
            ) : null,
          )}
          {page.panels.flatMap((panel) =>
            (panel.balloons ?? []).map((b) => (
              <BalloonNode
                key={b.id}
                balloon={b}
                panel={panel.rect}
                selected={selection.balloon === b.id}
                onSelect={() => onSelect({ picture: panel.picture, balloon: b.id })}
                onChange={(changes) => onBalloon(panel.picture, b.id, changes)}
              />
            )),
          )}
        </Layer>
      </Stage>
    </figure>
  );
}
