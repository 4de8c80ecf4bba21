import { useCallback, useEffect, useState } from 'react';
import type { ComicApi, ExportRequest, ExportResult, StylizeResult } from '../../app/api';
import { newBalloon } from '../../app/balloons';
import { addBalloon, balloonOwner, movePage, removeBalloon, setExportSettings, setPageSetup, setPageTemplate, setPanelCrop, setPanelRect, togglePageBreak, updateBalloon } from '../../app/commands';
import { exportSettingsOf } from '../../app/export-settings';
import { PAGE_SIZES, type PageSizeId, type ReadingOrder } from '../../app/page';
import { comicKeyframes, layoutOf, projectPages } from '../../app/project';
import { useJob } from '../hooks/use-job';
import type { Review } from '../hooks/use-review';
import { ExportSummary } from './ExportSummary';
import { JobProgress } from './JobProgress';
import { BalloonBar } from './BalloonBar';
import { ExportOptions } from './ExportOptions';
import { LetteringProvider, useLettering } from '../lettering/LetteringContext';
import { PageView, type CanvasSelection } from './PageView';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The comic book: page size and reading order, each page with its template and its panels (pan and zoom a picture
 * in its panel), all undoable edits of the project; then the PDF of exactly these pages, and a link to open it.
 */
export function ComicCard(props: { api: ComicApi; review: Review; panels: StylizeResult; projectDir: string; title: string }) {
  return (
    <LetteringProvider>
      <ComicBook {...props} />
    </LetteringProvider>
  );
}

function ComicBook({ api, review, panels, projectDir, title }: { api: ComicApi; review: Review; panels: StylizeResult; projectDir: string; title: string }) {
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
  // Selected by key frame, not by position: a panel stays selected when pages move or reflow.
  const [selected, setSelected] = useState<{ keyframe?: string; balloon?: string }>({});
  const selectedPicture = selected.keyframe ? kept.findIndex((k) => k.id === selected.keyframe) : -1;
  const selection: CanvasSelection = selectedPicture >= 0 ? { picture: selectedPicture, balloon: selected.balloon } : {};
  const setSelection = (s: CanvasSelection) => setSelected(s.picture !== undefined ? { keyframe: kept[s.picture]?.id, balloon: s.balloon } : {});
  const settings = exportSettingsOf(project.exportSettings);
  const lettering = useLettering();
  const selectedKeyframe = selectedPicture >= 0 ? selected.keyframe : undefined;
  const selectedBalloon = selectedKeyframe && selection.balloon ? layout.balloons?.[selectedKeyframe]?.find((b) => b.id === selection.balloon) : undefined;
  const busy = view.status === 'starting' || view.status === 'running';
  const missing = pictures.some((p) => !p);
  const make = () =>
    job.start({
      pictures: pictures.map((p) => p!.output),
      projectDir,
      title,
      models: panels.models,
      pages: pages.map(({ template: _t, ...page }) => page),
      print: settings.bleed || settings.marks,
      format: settings.format,
      dpi: settings.dpi,
      quality: settings.quality,
      images: settings.images,
      marks: settings.marks,
      bleed: settings.bleed,
      ...(settings.title ? { title: settings.title } : {}),
      ...(settings.author ? { author: settings.author } : {}),
    });
  // Delete (or Backspace) removes the selected balloon, unless the key is typing in a field.
  const selectedBalloonId = selection.balloon;
  useEffect(() => {
    if (!selectedBalloonId) return;
    const onKey = (ev: KeyboardEvent) => {
      const tag = (ev.target as HTMLElement | null)?.tagName;
      if ((ev.key !== 'Delete' && ev.key !== 'Backspace') || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      ev.preventDefault();
      review.edit((p) => {
        const owner = balloonOwner(p, selectedBalloonId);
        if (!owner) throw new RangeError('that balloon is gone');
        return removeBalloon(p, owner, selectedBalloonId);
      });
      setSelected((s) => ({ keyframe: s.keyframe }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedBalloonId, review]);

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
        <button type="button" className="primary" data-testid="export" onClick={make} disabled={busy || missing || !pages.length}>
          {settings.format === 'pdf' ? 'Make the PDF' : settings.format === 'cbz' ? 'Make the CBZ' : 'Make the PNG pages'}
        </button>
      </div>
      <ExportOptions settings={settings} disabled={busy} onChange={(changes) => review.edit((p) => setExportSettings(p, changes))} />
      {lettering.error ? <p className="note bad">The lettering fonts did not load: {lettering.error}</p> : null}
      {missing ? <p className="note">Some kept key frames have no panel yet: make the panels again.</p> : null}
      <p className="hint muted">Drag a picture to move it in its panel, scroll over it to zoom; click a panel to give it a balloon or reshape it by its handles. Ctrl+Z undoes.</p>
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
        onText={(id, text) =>
          review.edit((p) => {
            // Into the balloon the words were typed in, wherever it is now: never the one selected since.
            const owner = balloonOwner(p, id);
            if (!owner) throw new RangeError('the balloon these words were typed in is gone');
            return updateBalloon(p, owner, id, { text });
          })
        }
        pageBreak={selectedKeyframe && !selection.balloon ? (layout.breaks ?? []).includes(selectedKeyframe) : undefined}
        onPageBreak={() => selectedKeyframe && review.edit((p) => togglePageBreak(p, selectedKeyframe))}
        onDelete={() => {
          if (selectedKeyframe && selection.balloon) review.edit((p) => removeBalloon(p, selectedKeyframe, selection.balloon!));
          setSelected((s) => ({ keyframe: s.keyframe }));
        }}
      />
      <div className="pages">
        {missing
          ? null
          : pages.map((page, i) => (
              <PageView
                key={i}
                index={i}
                page={page}
                template={page.template}
                urlOf={(picture) => api.imageUrl(pictures[picture]!.image)}
                selection={selection}
                onSelect={setSelection}
                onBalloon={(picture, id, changes) => review.edit((p) => updateBalloon(p, kept[picture].id, id, changes))}
                onRect={(slot, rect) => review.edit((p) => setPanelRect(p, i, slot, rect))}
                onMove={{
                  ...(i > 0 ? { earlier: () => review.edit((p) => movePage(p, i, 'earlier')) } : {}),
                  ...(i < pages.length - 1 ? { later: () => review.edit((p) => movePage(p, i, 'later')) } : {}),
                }}
                onTemplate={(t) => review.edit((p) => setPageTemplate(p, i, t))}
                onCrop={(picture, crop) => review.edit((p) => setPanelCrop(p, kept[picture].id, crop))}
              />
            ))}
      </div>
      {busy ? (
        <JobProgress progress={view.status === 'running' ? view.progress : undefined} cancelling={view.status === 'running' && view.cancelling} onCancel={job.cancel} />
      ) : null}
      {view.status === 'failed' ? <p className="note bad" data-testid="export-error">{view.error.message}</p> : null}
      {view.status === 'cancelled' ? <p className="note">Cancelled.</p> : null}
      {view.status === 'done' ? <ExportSummary result={view.result} url={api.imageUrl(view.result.document)} /> : null}
    </section>
  );
}
