import type { ExportResult } from '../../app/api';

const WHAT = { pdf: 'the PDF', cbz: 'the CBZ', png: 'the first page' } as const;

/** The export made: a link to open it, what it holds, how sharp it prints and where the credits went. */
export function ExportSummary({ result, url }: { result: ExportResult; url: string }) {
  const dpi = Math.round(result.minDpi);
  const format = result.format ?? 'pdf';
  const size = result.bytes ? ` · ${(result.bytes / 1e6).toFixed(1)} MB` : '';
  return (
    <div className="export-summary" data-testid="export-summary" data-format={format}>
      <p>
        <a href={url} target="_blank" rel="noreferrer" data-testid={format === 'pdf' ? 'open-pdf' : 'open-export'}>
          Open {WHAT[format]}
        </a>{' '}
        <span className="muted">
          {result.pages} {result.pages === 1 ? 'page' : 'pages'}, {result.panels} panels{size} · saved as {result.file}
        </span>
      </p>
      <p className="muted">
        {format === 'pdf' ? `Panels print at ${dpi} dpi or more${dpi < 300 ? ': a large print may look soft' : ''}. ` : `Pages at ${dpi} dpi. `}
        {result.credits.length ? 'The styles’ credits are printed under the last panels and kept in the file’s properties.' : ''}
      </p>
    </div>
  );
}
