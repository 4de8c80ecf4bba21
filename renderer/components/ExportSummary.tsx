import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../app/api';

/** The PDF made: a link to open it, what it holds, how sharp it prints and where the credits went. */
export function ExportSummary({ result, url }: { result: ExportResult; url: string }) {
  const { t } = useTranslation();
  const dpi = Math.round(result.minDpi);
  return (
    <div className="export-summary" data-testid="export-summary">
      <p>
        <a href={url} target="_blank" rel="noreferrer" data-testid="open-pdf">
          {t('export.open')}
        </a>{' '}
        <span className="muted">{t('export.made', { pages: t('export.pages', { count: result.pages }), panels: result.panels, file: result.file })}</span>
      </p>
      <p className="muted">
        {t('export.dpi', { dpi })}
        {dpi < 300 ? t('export.soft') : ''}
        {result.credits.length ? ` ${t('export.credits')}` : ''}
      </p>
    </div>
  );
}
