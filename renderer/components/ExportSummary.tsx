import type { ExportResult } from '../../app/api';

/** The PDF made: a link to open it, what it holds, how sharp it prints and where the credits went. */
export function ExportSummary({ result, url }: { result: ExportResult; url: string }) {
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
