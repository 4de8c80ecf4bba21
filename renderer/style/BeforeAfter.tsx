import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { ComicApi, ModelSummary, StylePreview } from '../../app/api';

/** Long side of the draft: quick (a fraction of a second even for CartoonGAN), shown while the full one is drawn. */
export const DRAFT_SIDE = 192;

type Shown = { kind: 'draft' | 'panel'; preview: StylePreview };

/**
 * The selected frame as a photo and as its cartoon, one over the other with a slider between them. A small draft
 * comes first, then the picture at the size the panel will be drawn at; what that took is the per-frame estimate.
 */
export function BeforeAfter({ api, projectDir, picture, photoUrl, model, onMeasured }: {
  api: ComicApi;
  projectDir: string;
  /** The key frame's picture (a path the host knows). */
  picture: string;
  photoUrl: string;
  model: ModelSummary;
  onMeasured: (p: StylePreview, kind: 'draft' | 'panel') => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [split, setSplit] = useState(50);
  useEffect(() => {
    let live = true;
    setShown(undefined);
    setError(undefined);
    (async () => {
      const draft = await api.stylePreview({ model: model.id, image: picture, projectDir, size: DRAFT_SIDE });
      if (!live) return;
      setShown({ kind: 'draft', preview: draft });
      onMeasured(draft, 'draft');
      const panel = await api.stylePreview({ model: model.id, image: picture, projectDir });
      if (!live) return;
      setShown({ kind: 'panel', preview: panel });
      onMeasured(panel, 'panel');
    })().catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onMeasured is a report, not an input
  }, [api, model.id, picture, projectDir]);
  return (
    <figure className="before-after" data-testid="before-after" data-state={shown?.kind ?? (error ? 'failed' : 'drawing')}>
      <div className="before-after-view">
        <img className="before" src={photoUrl} alt={t('style.photoAlt')} />
        {shown ? (
          <img
            className="after"
            data-testid="after"
            src={api.imageUrl(shown.preview.image)}
            alt={t('style.afterAlt', { name: model.name })}
            style={{ clipPath: `inset(0 0 0 ${split}%)` }}
          />
        ) : null}
        <span className="before-after-line" style={{ left: `${split}%` }} />
        <span className="tag before-tag">{t('style.photo')}</span>
        <span className="tag after-tag">{shown?.kind === 'draft' ? t('style.draftTag', { size: DRAFT_SIDE }) : model.name}</span>
      </div>
      <input
        type="range"
        min={0}
        max={100}
        value={split}
        aria-label={t('style.sliderLabel')}
        data-testid="before-after-slider"
        onChange={(e) => setSplit(Number(e.target.value))}
      />
      {error ? <figcaption className="note bad" data-testid="before-after-error">{error}</figcaption> : null}
      {!shown && !error ? <figcaption className="muted">{t('style.drawingDraft')}</figcaption> : null}
    </figure>
  );
}
