import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Balloon } from '../../app/balloons';
import {
  addPage, addPanel, addPanelCorner, deletePage, deletePanel, duplicatePage, mergePanels, placeFrame, removePanelCorner, reorderPage,
  setBookLook, setPageLook, setPageTemplate, setPanelCrop, setPanelOutline, splitPanel, updateBalloon, type EditCommand,
} from '../../app/commands';
import { projectPages, unplacedKeyframes } from '../../app/pages';
import { comicKeyframes, type Project } from '../../app/project';
import { PageCanvas, type CanvasEdits, type Tool } from '../canvas/PageCanvas';
import { fitPage, fitWidth, centred, REAL_SIZE, type View } from '../canvas/zoom';
import { PageInspector } from '../inspector/PageInspector';
import { FrameTray } from '../tray/FrameTray';
import { PageStrip } from './PageStrip';

export interface PagesSelection {
  /** Selected panels by id (a second one, shift-clicked, for a merge). */
  panels: string[];
  balloon?: string;
}

type ZoomMode = 'fit' | 'width' | 'free';

/**
 * The Pages workspace: the page in focus large on the canvas with its tools (select and move, knife, crop), zoom and
 * pan, the page strip, the page's properties and the tray of kept frames. Every change is an undoable command sent
 * through `edit`.
 */
export function PagesView({ project, edit, urlOf, selection, onSelection, tray = true }: {
  project: Project;
  edit: (make: (p: Project) => EditCommand) => void;
  /** The picture of a kept key frame, by its index in the comic (undefined when not drawn yet). */
  urlOf: (picture: number) => string | undefined;
  selection: PagesSelection;
  onSelection: (s: PagesSelection) => void;
  /** Its own tray of frames to drag onto panels (off where the workspace shows one of its own). */
  tray?: boolean;
}) {
  const pages = useMemo(() => projectPages(project), [project]);
  const kept = useMemo(() => comicKeyframes(project), [project]);
  const unplaced = useMemo(() => new Set(unplacedKeyframes(project)), [project]);
  const [focus, setFocus] = useState(0);
  const index = Math.min(focus, Math.max(0, pages.length - 1));
  const page = pages[index];
  const [tool, setTool] = useState<Tool>('select');
  const [mode, setMode] = useState<ZoomMode>('fit');
  const [view, setViewState] = useState<View>({ scale: 1, x: 0, y: 0 });
  const area = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 600, height: 600 });
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => observer.disconnect();
  }, []);
  const pageSize = page?.size ?? { width: 210, height: 297 };
  useEffect(() => {
    if (mode === 'fit') setViewState(fitPage(size, pageSize));
    if (mode === 'width') setViewState(fitWidth(size, pageSize));
  }, [mode, size, pageSize.width, pageSize.height]); // eslint-disable-line react-hooks/exhaustive-deps
  const setView = (v: View | ((v: View) => View)) => {
    setMode('free');
    setViewState(v);
  };
  const here = (make: (p: Project, page: number) => EditCommand) => edit((p) => make(p, index));
  const edits: CanvasEdits = {
    outline: (panel, outline, change) => here((p, i) => setPanelOutline(p, i, panel, outline, change)),
    addCorner: (panel, edge) => here((p, i) => addPanelCorner(p, i, panel, edge)),
    removeCorner: (panel, corner) => here((p, i) => removePanelCorner(p, i, panel, corner)),
    cut: (panel, a, b) => here((p, i) => splitPanel(p, i, panel, a, b)),
    crop: (panel, crop) => panel.keyframe && edit((p) => setPanelCrop(p, panel.keyframe!, crop)),
    balloon: (panel, id, changes: Partial<Balloon>) => panel.keyframe && edit((p) => updateBalloon(p, panel.keyframe!, id, changes)),
    dropFrame: (panel, keyframe) => here((p, i) => placeFrame(p, i, panel, keyframe)),
  };
  const [first, second] = selection.panels;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if ((e.key === 'Delete' || e.key === 'Backspace') && first && !selection.balloon) {
        here((p, i) => deletePanel(p, i, first));
        onSelection({ panels: [] });
      } else if (e.key === 'k' || e.key === 'K') setTool('knife');
      else if (e.key === 'v' || e.key === 'V') setTool('select');
      else if (e.key === 'c' || e.key === 'C') setTool('crop');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const zoomTo = (m: ZoomMode | 'real') => (m === 'real' ? (setMode('free'), setViewState(centred(size, pageSize, REAL_SIZE))) : setMode(m));
  return (
    <div className="pages-view" data-testid="pages-view">
      <div className="pages-toolbar" role="toolbar" aria-label="Page tools">
        {(
          [
            ['select', 'Select / move (V)'],
            ['knife', 'Knife: drag across a panel to cut it (K)'],
            ['crop', 'Crop: drag a picture in its panel, wheel to zoom it (C)'],
          ] as const
        ).map(([t, title]) => (
          <button key={t} type="button" data-testid={`tool-${t}`} aria-pressed={tool === t} className={tool === t ? 'on' : ''} onClick={() => setTool(t)} title={title}>
            {t === 'select' ? 'Select' : t === 'knife' ? 'Knife' : 'Crop'}
          </button>
        ))}
        <span className="sep" />
        <button type="button" data-testid="panel-add" onClick={() => here((p, i) => addPanel(p, i))} disabled={!page}>
          + Panel
        </button>
        <button type="button" data-testid="panel-merge" disabled={!second} onClick={() => (here((p, i) => mergePanels(p, i, first, second)), onSelection({ panels: [first] }))} title="Merge the two selected panels (shift-click the second)">
          Merge
        </button>
        <button type="button" data-testid="panel-delete" disabled={!first} onClick={() => (here((p, i) => deletePanel(p, i, first)), onSelection({ panels: [] }))}>
          Delete panel
        </button>
        <span className="sep" />
        <button type="button" data-testid="zoom-fit" className={mode === 'fit' ? 'on' : ''} onClick={() => zoomTo('fit')}>
          Fit page
        </button>
        <button type="button" data-testid="zoom-width" className={mode === 'width' ? 'on' : ''} onClick={() => zoomTo('width')}>
          Fit width
        </button>
        <button type="button" data-testid="zoom-100" onClick={() => zoomTo('real')}>
          100 %
        </button>
        <span className="muted" data-testid="zoom-level">
          {Math.round((view.scale / REAL_SIZE) * 100)} %
        </span>
      </div>
      <div className="pages-body">
        <PageStrip
          pages={pages}
          focus={index}
          onFocus={(i) => (setFocus(i), onSelection({ panels: [] }))}
          urlOf={urlOf}
          onReorder={(from, to) => (edit((p) => reorderPage(p, from, to)), setFocus(to))}
          onAdd={() => (edit((p) => addPage(p, pages.length ? index : -1)), setFocus(index + (pages.length ? 1 : 0)))}
          onDuplicate={() => (here((p, i) => duplicatePage(p, i)), setFocus(index + 1))}
          onDelete={() => (here((p, i) => deletePage(p, i)), setFocus(Math.max(0, index - 1)))}
        />
        <div className="page-area" ref={area}>
          {page ? (
            <PageCanvas
              page={page}
              urlOf={urlOf}
              tool={tool}
              selected={selection.panels}
              onSelect={(ids) => onSelection({ panels: ids })}
              balloon={selection.balloon}
              onSelectBalloon={(panel, id) => onSelection({ panels: [panel.id], balloon: id })}
              view={view}
              setView={setView}
              size={size}
              edits={edits}
            />
          ) : (
            <p className="note">No pages: add one.</p>
          )}
          {page && !page.panels.length ? <p className="page-empty-hint">An empty page: choose a layout on the right, or add a panel.</p> : null}
          <span className="page-number" data-testid="page-number">
            {page ? `Page ${index + 1} of ${pages.length}` : ''}
          </span>
        </div>
        {page ? (
          <PageInspector
            look={page.look}
            template={page.template}
            onLook={(scope, changes) => edit((p) => (scope === 'book' ? setBookLook(p, changes) : setPageLook(p, index, changes)))}
            onTemplate={(t) => here((p, i) => setPageTemplate(p, i, t))}
          />
        ) : null}
      </div>
      {tray ? <FrameTray frames={kept} unplaced={unplaced} urlOf={urlOf} /> : null}
    </div>
  );
}
