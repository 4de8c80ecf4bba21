import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../app/api';

/** A style's licence, shown before it is used: who must be credited, and whether commercial use is allowed. */
export function LicenceNote({ model }: { model: ModelSummary }) {
  const { t } = useTranslation();
  const { licence } = model;
  return (
    <p className="licence muted" data-testid="licence">
      {model.description} {t('licence.label')}{' '}
      {licence.url ? (
        <a href={licence.url} target="_blank" rel="noreferrer">
          {licence.name}
        </a>
      ) : (
        licence.name
      )}
      {licence.commercialUse ? '' : ` — ${t('licence.nonCommercial')}`}
      {licence.attribution ? `. ${t('licence.credit', { who: licence.attribution })}` : ''}
      {model.verifiedBy === 'spec' ? `. ${t('licence.specOnly')}` : ''}
    </p>
  );
}
