import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, StylizeResult } from '../../app/api';
import { newBalloon } from '../../app/balloons';
import { addBalloon, balloonOwner, removeBalloon, setPageSetup, togglePageBreak, updateBalloon } from '../../app/commands';
import { PAGE_SIZES, type PageSizeId, type ReadingOrder } from '../../app/page';
import { comicKeyframes, layoutOf, projectPages } from '../../app/project';
import type { Review } from '../hooks/use-review';
import { BalloonBar } from './BalloonBar';
import { PagesView, type PagesSelection } from '../pages/PagesView';
import { LetteringProvider, useLettering } from '../lettering/LetteringContext';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The comic book: page size and reading order, each page with its template and its panels (pan and zoom a picture
 * in its panel), all undoable edits of the project. (The PDF of exactly these pages is the Export step's.)
 */
export function ComicCard(props: { api: ComicApi; review: Review; panels: StylizeResult }) {
  // The lettering fonts, loaded once for the canvas's balloons (the same files the export embeds).
  return (
    <LetteringProvider>
      <ComicBook {...props} />
    </LetteringProvider>
  );
}

function ComicBook({ api, review, panels }: { api: ComicApi; review: Review; panels: StylizeResult }) {
  const { t } = useTranslation();
  const lettering = useLettering();
  const { project } = review;
  const layout = layoutOf(project);
  const kept = comicKeyframes(project);
  const pages = projectPages(project);
  // Panel i shows the cartoon drawn from kept key frame i.
  const drawn = new Map(panels.files.map((f) => [fileName(f.input), f]));
  const pictures = kept.map((k) => drawn.get(k.file));
  // Selected by panel id: a panel stays selected when pages move; its balloons belong to the key frame it shows.
  const [selection, setSelection] = useState<PagesSelection>({ panels: [] });
  const setSelected = (change: (s: { keyframe?: string; balloon?: string }) => { keyframe?: string; balloon?: string }) =>
    setSelection((s) => ({ panels: s.panels.slice(0, 1), balloon: change({ balloon: s.balloon }).balloon }));
  const selectedKeyframe = pages.flatMap((p) => p.panels).find((p) => p.id === selection.panels[0])?.keyframe ?? undefined;
  const selectedBalloon = selectedKeyframe && selection.balloon ? layout.balloons?.[selectedKeyframe]?.find((b) => b.id === selection.balloon) : undefined;
  const missing = pictures.some((p) => !p);
  // Delete (or Backspace) removes the selected balloon, unless the key is typing in a field.
  const selectedBalloonId = selection.balloon;
  useEffect(() => {
    if (!selectedBalloonId) return;
    const onKey = (ev: KeyboardEvent) => {
      const tag = (ev.target as HTMLElement | null)?.tagName;
      if ((ev.key !== 'Delete' && ev.key !== 'Backspace') || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      review.edit((p) => {
        const owner = balloonOwner(p, selectedBalloonId);
        if (!owner) throw new RangeError('that balloon is gone');
        return removeBalloon(p, owner, selectedBalloonId);
      });
      setSelection((s) => ({ ...s, balloon: undefined }));
    };
    // Capture: before the page canvas's own Delete (which removes a panel).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [selectedBalloonId, review]);

  return (
    <section className="card comic" data-testid="comic">
      <div className="comic-head">
        <h2>{t('pages.title')}</h2>
        <div className="panels-controls">
          <label>
            {t('pages.pageSize')}{' '}
            <select data-testid="page-size" value={layout.page} onChange={(e) => review.edit((p) => setPageSetup(p, { page: e.target.value as PageSizeId }))}>
              {Object.values(PAGE_SIZES).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('pages.reading')}{' '}
            <select
              data-testid="reading-order"
              value={layout.readingOrder}
              onChange={(e) => review.edit((p) => setPageSetup(p, { readingOrder: e.target.value as ReadingOrder }))}
            >
              <option value="ltr">{t('pages.ltr')}</option>
              <option value="rtl">{t('pages.rtl')}</option>
            </select>
          </label>
        </div>
        {/* One line: the whole text is the tooltip (and the ? sheet lists the keys). */}
        <p className="hint muted" title={t('pages.hint')}>
          {t('pages.hint')}
        </p>
      </div>
      {missing ? <p className="note">{t('pages.missing')}</p> : null}
      {lettering.error ? <p className="note bad">{t('lettering.fontsFailed', { error: lettering.error })}</p> : null}
      <BalloonBar
        panelSelected={selectedKeyframe !== undefined}
        balloon={selectedBalloon}
        onAdd={(kind) => {
          if (!selectedKeyframe) return;
          const id = `b-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
          review.edit((p) => addBalloon(p, selectedKeyframe, newBalloon(id, kind)));
          setSelected((s) => ({ ...s, balloon: id }));
        }}
        onChange={(changes) => selectedKeyframe && selection.balloon && review.edit((p) => updateBalloon(p, selectedKeyframe, selection.balloon!, changes))}
        onText={(id, text) =>
          review.edit((p) => {
            // Into the balloon the words were typed in, wherever it is now: never the one selected since.
            const owner = balloonOwner(p, id);
            if (!owner) throw new RangeError('the balloon these words were typed in is gone');
            return updateBalloon(p, owner, id, { text });
          })
        }
        pageBreak={selectedKeyframe && !selection.balloon && !layout.pages ? (layout.breaks ?? []).includes(selectedKeyframe) : undefined}
        onPageBreak={() => selectedKeyframe && review.edit((p) => togglePageBreak(p, selectedKeyframe))}
        onDelete={() => {
          if (selectedKeyframe && selection.balloon) review.edit((p) => removeBalloon(p, selectedKeyframe, selection.balloon!));
          setSelected((s) => ({ keyframe: s.keyframe }));
        }}
      />
      {missing ? null : (
        <PagesView project={project} edit={review.edit} urlOf={(picture) => (pictures[picture] ? api.imageUrl(pictures[picture]!.image) : undefined)} selection={selection} onSelection={setSelection} />
      )}
    </section>
  );
}
