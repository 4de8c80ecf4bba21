import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../app/api';

/** The export made: a link to open it, what it holds, how sharp it prints and where the credits went. */
export function ExportSummary({ result, url }: { result: ExportResult; url: string }) {
  const { t } = useTranslation();
  const dpi = Math.round(result.minDpi);
  const format = result.format ?? 'pdf';
  const size = result.bytes ? ` · ${(result.bytes / 1e6).toFixed(1)} MB` : '';
  return (
    <div className="export-summary" data-testid="export-summary" data-format={format}>
      <p>
        <a href={url} target="_blank" rel="noreferrer" data-testid={format === 'pdf' ? 'open-pdf' : 'open-export'}>
          {t(`export.open.${format}`)}
        </a>{' '}
        <span className="muted">
          {t('export.made', { pages: t('export.pages', { count: result.pages }), panels: result.panels, file: result.file })}
          {size}
        </span>
      </p>
      <p className="muted">
        {format === 'pdf' ? t('export.dpi', { dpi }) : t('export.pageDpi', { dpi })}
        {format === 'pdf' && dpi < 300 ? t('export.soft') : ''}
        {result.credits.length ? ` ${t('export.credits')}` : ''}
      </p>
    </div>
  );
}
