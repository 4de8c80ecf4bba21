import type { ModelSummary } from '../../app/api';

/** A style's licence, shown before it is used: who must be credited, and whether commercial use is allowed. */
export function LicenceNote({ model }: { model: ModelSummary }) {
  const { licence } = model;
  return (
    <p className="licence muted" data-testid="licence">
      {model.description} Licence:{' '}
      {licence.url ? (
        <a href={licence.url} target="_blank" rel="noreferrer">
          {licence.name}
        </a>
      ) : (
        licence.name
      )}
      {licence.commercialUse ? '' : ' — non-commercial use only'}
      {licence.attribution ? `. Credit: ${licence.attribution}` : ''}
      {model.verifiedBy === 'spec' ? '. Not checksummed: this file was checked only by loading it and matching its spec' : ''}
    </p>
  );
}
