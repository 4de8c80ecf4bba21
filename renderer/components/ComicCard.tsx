import { useCallback, useEffect, useState } from 'react';
import type { ComicApi, ExportRequest, ExportResult, StylizeResult } from '../../app/api';
import { newBalloon } from '../../app/balloons';
import { addBalloon, removeBalloon, setPageSetup, togglePageBreak, updateBalloon } from '../../app/commands';
import { PAGE_SIZES, type PageSizeId, type ReadingOrder } from '../../app/page';
import { exportPages } from '../../app/pages';
import { comicKeyframes, layoutOf, projectPages } from '../../app/project';
import { useJob } from '../hooks/use-job';
import type { Review } from '../hooks/use-review';
import { ExportSummary } from './ExportSummary';
import { JobProgress } from './JobProgress';
import { BalloonBar } from './BalloonBar';
import { PagesView, type PagesSelection } from '../pages/PagesView';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The comic book: page size and reading order, each page with its template and its panels (pan and zoom a picture
 * in its panel), all undoable edits of the project; then the PDF of exactly these pages, and a link to open it.
 */
export function ComicCard({ api, review, panels, projectDir, title }: { api: ComicApi; review: Review; panels: StylizeResult; projectDir: string; title: string }) {
  const startExport = useCallback((request: ExportRequest) => api.startExport(request), [api]);
  const job = useJob<ExportRequest, ExportResult>(api, 'export', startExport);
  const { view, reset } = job;
  const { project } = review;
  const layout = layoutOf(project);
  const kept = comicKeyframes(project);
  const pages = projectPages(project);
  // Panel i shows the cartoon drawn from kept key frame i.
  const drawn = new Map(panels.files.map((f) => [fileName(f.input), f]));
  const pictures = kept.map((k) => drawn.get(k.file));
  useEffect(reset, [panels, project, reset]);
  // Selected by panel id: a panel stays selected when pages move; its balloons belong to the key frame it shows.
  const [selection, setSelection] = useState<PagesSelection>({ panels: [] });
  const setSelected = (change: (s: { keyframe?: string; balloon?: string }) => { keyframe?: string; balloon?: string }) =>
    setSelection((s) => ({ panels: s.panels.slice(0, 1), balloon: change({ balloon: s.balloon }).balloon }));
  const [print, setPrint] = useState(false);
  const selectedKeyframe = pages.flatMap((p) => p.panels).find((p) => p.id === selection.panels[0])?.keyframe ?? undefined;
  const selectedBalloon = selectedKeyframe && selection.balloon ? layout.balloons?.[selectedKeyframe]?.find((b) => b.id === selection.balloon) : undefined;
  const busy = view.status === 'starting' || view.status === 'running';
  const missing = pictures.some((p) => !p);
  const make = () =>
    job.start({
      pictures: pictures.map((p) => p!.output),
      projectDir,
      title,
      models: panels.models,
      pages: exportPages(pages),
      print,
    });

  return (
    <section className="card comic" data-testid="comic">
      <h2>Comic book</h2>
      <div className="panels-controls">
        <label>
          Page{' '}
          <select data-testid="page-size" value={layout.page} onChange={(e) => review.edit((p) => setPageSetup(p, { page: e.target.value as PageSizeId }))} disabled={busy}>
            {Object.values(PAGE_SIZES).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reading{' '}
          <select
            data-testid="reading-order"
            value={layout.readingOrder}
            onChange={(e) => review.edit((p) => setPageSetup(p, { readingOrder: e.target.value as ReadingOrder }))}
            disabled={busy}
          >
            <option value="ltr">left to right</option>
            <option value="rtl">right to left (manga)</option>
          </select>
        </label>
        <label title="3 mm bleed and crop marks around each page, for a print shop">
          <input type="checkbox" data-testid="print-marks" checked={print} onChange={(e) => setPrint(e.target.checked)} disabled={busy} /> Print marks
        </label>
        <button type="button" className="primary" data-testid="export" onClick={make} disabled={busy || missing || !pages.length}>
          Make the PDF
        </button>
      </div>
      {missing ? <p className="note">Some kept key frames have no panel yet: make the panels again.</p> : null}
      <p className="hint muted">Click a panel to move it or drag its handles and corners (snapping to margins, gutters and other panels; Alt for free); shift-click a second to merge; the knife (K) cuts a panel along the line you drag; the crop tool (C) pans and zooms a picture; drag a frame from the tray onto a panel. Ctrl+wheel zooms, the wheel pans. Ctrl+Z undoes.</p>
      <BalloonBar
        panelSelected={selectedKeyframe !== undefined}
        balloon={selectedBalloon}
        onAdd={(kind) => {
          if (!selectedKeyframe) return;
          const id = `b-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
          review.edit((p) => addBalloon(p, selectedKeyframe, newBalloon(id, kind)));
          setSelected((s) => ({ ...s, balloon: id }));
        }}
        onChange={(changes) => selectedKeyframe && selection.balloon && review.edit((p) => updateBalloon(p, selectedKeyframe, selection.balloon!, changes))}
        pageBreak={selectedKeyframe && !selection.balloon && !layout.pages ? (layout.breaks ?? []).includes(selectedKeyframe) : undefined}
        onPageBreak={() => selectedKeyframe && review.edit((p) => togglePageBreak(p, selectedKeyframe))}
        onDelete={() => {
          if (selectedKeyframe && selection.balloon) review.edit((p) => removeBalloon(p, selectedKeyframe, selection.balloon!));
          setSelected((s) => ({ keyframe: s.keyframe }));
        }}
      />
      {missing ? null : (
        <PagesView project={project} edit={review.edit} urlOf={(picture) => (pictures[picture] ? api.imageUrl(pictures[picture]!.image) : undefined)} selection={selection} onSelection={setSelection} />
      )}
      {busy ? (
        <JobProgress progress={view.status === 'running' ? view.progress : undefined} cancelling={view.status === 'running' && view.cancelling} onCancel={job.cancel} />
      ) : null}
      {view.status === 'failed' ? <p className="note bad" data-testid="export-error">{view.error.message}</p> : null}
      {view.status === 'cancelled' ? <p className="note">Cancelled.</p> : null}
      {view.status === 'done' ? <ExportSummary result={view.result} url={api.imageUrl(view.result.document)} /> : null}
    </section>
  );
}
