import { useTranslation } from 'react-i18next';
import { useCallback, useEffect } from 'react';
import type { ComicApi, StylizeRequest, StylizeResult } from '../../app/api';
import type { MaskShape } from '../../app/masks';
import { chooseStyle, setPanelStyle } from '../../app/commands';
import { useJob } from '../hooks/use-job';
import type { Review } from '../hooks/use-review';
import { useStyles } from '../hooks/use-styles';
import { JobProgress } from './JobProgress';
import { LicenceNote } from './LicenceNote';
import { StyleChooser, type StyleFrame } from '../style/StyleChooser';

/**
 * Turns the key frames into cartoon panels in the style the user picks (installed generators; the built-in one
 * needs nothing downloaded), with progress per frame and cancel, then shows the panels with how they were made.
 */
export function PanelsCard({ api, review, projectDir, pictures, frames, regions: marked, defaultModel, onPanels }: {
  api: ComicApi;
  review: Review;
  projectDir: string;
  /** The key frames going into the comic (the review's choice), in order. */
  pictures: string[];
  /** The same key frames for the style chooser (id, picture, its URL). */
  frames: StyleFrame[];
  /** Regions marked on them by hand, by picture: used with People instead of the segmenter. */
  regions: Record<string, MaskShape[]>;
  defaultModel?: string;
  /** The panels made (or found) for these frames, for the Pages and Export steps; undefined while there are none. */
  onPanels: (panels: StylizeResult | undefined) => void;
}) {
  const { t } = useTranslation();
  const { styles, instagan, segmenter, error: stylesError, reload } = useStyles(api);
  // The choice lives in the project (saved, undoable), so a reopened project shows its panels in the same style.
  const chosen = review.project.style;
  const model = chosen?.model || defaultModel || styles[0]?.id || '';
  // How the people are treated: '' with the rest, 'photo', 'style:ID' in another style, 'instagan:ID' translated.
  const people = chosen?.people ?? '';
  const choose = (next: { model?: string; people?: string }) => review.edit((p) => chooseStyle(p, { model, people, ...next }));
  const regions = people.startsWith('instagan:')
    ? { instagan: people.slice('instagan:'.length) }
    : people === 'photo'
      ? { people: 'photo' }
      : people.startsWith('style:')
        ? { people: people.slice('style:'.length) }
        : {};
  // Panels in a style of their own (by key frame), as the service wants them (by picture).
  const ownStyles = chosen?.panels ?? {};
  const panelModels = Object.fromEntries(frames.flatMap((f) => (ownStyles[f.id] && ownStyles[f.id] !== model ? [[f.picture, ownStyles[f.id]]] : [])));
  const hasOwn = !regions.instagan && Object.keys(panelModels).length > 0;
  const ownKey = hasOwn ? JSON.stringify(panelModels) : '';
  const choosePanel = (id: string, m: string | null) => review.edit((p) => setPanelStyle(p, id, m, { style: styles.find((s) => s.id === m)?.name }));
  const hasMarks = Object.keys(marked).length > 0;
  const withMarks = people && hasMarks ? { regions: marked } : {};
  const drawn = { ...('instagan' in regions ? regions : { model, ...regions }), ...withMarks };
  const marksKey = people ? JSON.stringify(marked) : '';
  const startStylize = useCallback((request: StylizeRequest) => api.startStylize(request), [api]);
  const job = useJob<StylizeRequest, StylizeResult>(api, 'stylize', startStylize);
  const { view, reset, show } = job;
  // Panels of another set of key frames are not these: a change in the review asks for new ones.
  const picturesKey = [...pictures].sort().join('\n'); // moving pages reorders them: the same panels still do
  useEffect(() => {
    reset();
    // Panels an earlier session drew in this style for these very frames come back at once (a reload, a reopen).
    if (!model || !pictures.length) return;
    let live = true;
    api.findPanels({ projectDir, model, ...regions, ...withMarks, ...(hasOwn ? { panelModels } : {}), images: pictures }).then(
      (found) => live && found && show(found),
      () => undefined, // none to show: the user makes them
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- picturesKey stands for pictures
  }, [picturesKey, marksKey, ownKey, model, people, projectDir, api, reset, show]);
  const made = view.status === 'done' && view.result.files.length ? view.result : undefined;
  useEffect(() => onPanels(made), [made, onPanels]);
  const style = styles.find((s) => s.id === model);
  const busy = view.status === 'starting' || view.status === 'running';
  const make = () => job.start({ images: pictures, projectDir, ...drawn, ...(hasOwn ? { panelModels } : {}) });
  const involved = [
    ...(regions.instagan ? [] : [style, ...Object.values(panelModels).map((id) => styles.find((s) => s.id === id))]),
    ...[regions.people, regions.instagan].map((id) => [...styles, ...instagan].find((m) => m.id === id)),
    ...(people && pictures.some((p) => !marked[p]) ? [segmenter] : []),
  ].filter((m, i, all): m is NonNullable<typeof m> => !!m && all.findIndex((o) => o?.id === m.id) === i);

  return (
    <section className="card panels" data-testid="panels">
        <h2>{t('panels.title')}</h2>
        {regions.instagan ? null : (
          <StyleChooser
            api={api}
            styles={styles}
            reload={reload}
            book={model}
            panels={ownStyles}
            frames={frames}
            frameSize={{ width: review.project.video.width, height: review.project.video.height }}
            projectDir={projectDir}
            busy={busy}
            onChooseBook={(id) => choose({ model: id, ...(people === `style:${id}` ? { people: '' } : {}) })}
            onPanelStyle={choosePanel}
          />
        )}
        <div className="panels-controls">
          <label>
            {t('panels.style')}{' '}
            <select
              data-testid="style"
              value={model}
              // "People in STYLE" with STYLE now the whole picture's is no choice the list still offers.
              onChange={(e) => choose({ model: e.target.value, ...(people === `style:${e.target.value}` ? { people: '' } : {}) })}
              disabled={busy}
            >
              {styles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label title={t('panels.peopleHint')}>
            {t('panels.people')}{' '}
            <select data-testid="people" value={people} onChange={(e) => choose({ people: e.target.value })} disabled={busy}>
              <option value="">{t('panels.peopleWithRest')}</option>
              <option value="photo">{t('panels.peoplePhoto')}</option>
              {styles
                .filter((s) => s.id !== model)
                .map((s) => (
                  <option key={s.id} value={`style:${s.id}`}>
                    {t('panels.peopleIn', { name: s.name })}
                  </option>
                ))}
              {instagan.map((m) => (
                <option key={m.id} value={`instagan:${m.id}`}>
                  {t('panels.peopleTranslated', { name: m.name })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" data-testid="stylize" onClick={make} disabled={busy || !style || !pictures.length}>
            {t('panels.make', { count: pictures.length })}
          </button>
        </div>
        {involved.map((m) => (
          <LicenceNote key={m.id} model={m} />
        ))}
        {people && !segmenter && pictures.some((p) => !marked[p]) ? (
          <p className="note" data-testid="needs-segmenter">
            {t('panels.needsSegmenter')}{' '}
            <code>your-cartoon models import deeplabv3_mnv2_257_voc.onnx</code>.
          </p>
        ) : null}
        {stylesError ? <p className="note bad">{t('panels.stylesError', { error: stylesError })}</p> : null}
        {view.status === 'running' || view.status === 'starting' ? (
          <JobProgress progress={view.status === 'running' ? view.progress : undefined} cancelling={view.status === 'running' && view.cancelling} onCancel={job.cancel} />
        ) : null}
        {view.status === 'failed' ? <p className="note bad" data-testid="stylize-error">{view.error.message}</p> : null}
        {view.status === 'cancelled' ? <p className="note" data-testid="stylize-cancelled">{t('job.cancelled')}</p> : null}
        {view.status === 'done' ? <PanelGrid result={view.result} imageUrl={api.imageUrl} /> : null}
    </section>
  );
}

function PanelGrid({ result, imageUrl }: { result: StylizeResult; imageUrl: ComicApi['imageUrl'] }) {
  const { t } = useTranslation();
  const [first] = result.files;
  const drawnNow = result.files.filter((f) => f.provider && !f.reused);
  const fallback = result.files.find((f) => f.fallback)?.fallback;
  return (
    <>
      {first ? (
        <p className="muted" data-testid="stylize-summary">
          {drawnNow.length
            ? t('panels.madeOn', { count: result.files.length, model: panelModelsText(result), provider: drawnNow[0].provider!.toUpperCase(), ms: Math.round(drawnNow.reduce((sum, f) => sum + (f.ms ?? 0), 0) / drawnNow.length) })
            : t('panels.drawnEarlier', { count: result.files.length, model: panelModelsText(result) })}
          {drawnNow.length > 0 && drawnNow.length < result.files.length ? t('panels.unchanged', { count: result.files.length - drawnNow.length }) : ''}
        </p>
      ) : null}
      {fallback ? <p className="note">{fallback}</p> : null}
      {result.failures.map((f) => (
        <p key={f.input} className="note bad" data-testid="stylize-failure">
          {f.message}
        </p>
      ))}
      <div className="panel-grid">
        {result.files.map((f) => (
          <img key={f.output} data-testid="panel" src={imageUrl(f.image)} alt={t('panels.alt', { file: f.input })} />
        ))}
      </div>
    </>
  );
}

/** "cartoongan-shinkai" or "cartoongan-shinkai (5), builtin-toon (1)" when panels have styles of their own. */
function panelModelsText(result: StylizeResult): string {
  const counts = new Map<string, number>();
  for (const f of result.files) counts.set(f.model, (counts.get(f.model) ?? 0) + 1);
  return counts.size === 1 ? [...counts.keys()][0] : [...counts].map(([m, n]) => `${m} (${n})`).join(', ');
}
