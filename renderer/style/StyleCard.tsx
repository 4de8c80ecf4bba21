import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { ComicApi, ModelSummary, StylePreview } from '../../app/api';

/**
 * One style in the chooser: its picture (the app's sample photo drawn in it by the product, made once and cached),
 * its name, whether it may be used commercially, and what a frame costs when known.
 */
export function StyleCard({ api, model, selected, cost, onChoose, onPreview }: {
  api: ComicApi;
  model: ModelSummary;
  selected: boolean;
  /** "about 2 s a frame", when measured. */
  cost?: string;
  onChoose: () => void;
  /** The preview's run (its time is a first estimate of the style's cost). */
  onPreview?: (p: StylePreview) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<StylePreview | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    api.stylePreview({ model: model.id }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        onPreview?.(p);
      },
      (err: Error) => live && setPreview({ error: err.message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onPreview is a report, not an input
  }, [api, model.id]);
  return (
    <button
      type="button"
      className={`style-card${selected ? ' selected' : ''}`}
      data-testid="style-card"
      data-model={model.id}
      aria-pressed={selected}
      onClick={onChoose}
      title={model.description}
    >
      <span className="style-thumb">
        {preview && 'image' in preview ? (
          <img data-testid="style-preview" src={api.imageUrl(preview.image)} alt={t('style.previewAlt', { name: model.name })} />
        ) : preview && 'error' in preview ? (
          <span className="muted small" data-testid="style-preview-error">{preview.error}</span>
        ) : (
          <span className="muted small">{t('style.drawingPreview')}</span>
        )}
      </span>
      <span className="style-name">{model.name}</span>
      <span className="style-meta muted">
        {model.licence.commercialUse ? null : <span className="badge" data-testid="non-commercial">{t('style.nonCommercial')}</span>}
        {model.origin === 'imported' ? <span className="badge">{t('style.imported')}</span> : null}
        {cost ? <span data-testid="style-cost">{cost}</span> : null}
      </span>
    </button>
  );
}
