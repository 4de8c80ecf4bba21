import { useCallback, useEffect, useState } from 'react';
import type { ComicApi, ExportRequest, ExportResult, StylizeResult } from '../../app/api';
import { PAGE_SIZES, type PageSizeId, type ReadingOrder } from '../../app/page';
import { useJob } from '../hooks/use-job';
import { JobProgress } from './JobProgress';

/**
 * The comic as a PDF: the panels laid out automatically on pages of the chosen size and reading order, with the
 * styles' credits; then a link to open it and what it holds.
 */
export function ComicCard({ api, panels, projectDir, title }: { api: ComicApi; panels: StylizeResult; projectDir: string; title: string }) {
  const [page, setPage] = useState<PageSizeId>('a4');
  const [order, setOrder] = useState<ReadingOrder>('ltr');
  const startExport = useCallback((request: ExportRequest) => api.startExport(request), [api]);
  const job = useJob<ExportRequest, ExportResult>(api, 'export', startExport);
  const { view, reset } = job;
  useEffect(reset, [panels, reset]);
  const busy = view.status === 'starting' || view.status === 'running';
  const make = () =>
    job.start({
      pictures: panels.files.map((f) => f.output),
      projectDir,
      title,
      models: [...new Set(panels.files.map((f) => f.model))],
      page,
      readingOrder: order,
    });

  return (
    <section className="card comic" data-testid="comic">
      <h2>Comic book</h2>
      <div className="panels-controls">
        <label>
          Page{' '}
          <select data-testid="page-size" value={page} onChange={(e) => setPage(e.target.value as PageSizeId)} disabled={busy}>
            {Object.values(PAGE_SIZES).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reading{' '}
          <select data-testid="reading-order" value={order} onChange={(e) => setOrder(e.target.value as ReadingOrder)} disabled={busy}>
            <option value="ltr">left to right</option>
            <option value="rtl">right to left (manga)</option>
          </select>
        </label>
        <button type="button" className="primary" data-testid="export" onClick={make} disabled={busy || !panels.files.length}>
          Make the PDF
        </button>
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

function ExportSummary({ result, url }: { result: ExportResult; url: string }) {
  const dpi = Math.round(result.minDpi);
  return (
    <div className="export-summary" data-testid="export-summary">
      <p>
        <a href={url} target="_blank" rel="noreferrer" data-testid="open-pdf">
          Open the PDF
        </a>{' '}
        <span className="muted">
          {result.pages} {result.pages === 1 ? 'page' : 'pages'}, {result.panels} panels · saved as {result.file}
        </span>
      </p>
      <p className="muted">
        Panels print at {dpi} dpi or more{dpi < 300 ? ': a large print may look soft' : ''}.
        {result.credits.length ? ' The styles’ credits are printed under the last panels and kept in the PDF’s properties.' : ''}
      </p>
    </div>
  );
}
