import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import type { ComicApi, ModelSummary, StylePreview } from '../../app/api';
import { BeforeAfter } from './BeforeAfter';
import { formatSeconds, panelSize, perFrameMs, type Measured } from './cost';
import { ModelImport } from './ModelImport';
import { StyleCard } from './StyleCard';

/** A kept key frame as the chooser shows it. */
export interface StyleFrame {
  id: string;
  /** Its picture, as the host knows it (what the panels are drawn from). */
  picture: string;
  url: string;
  label: string;
}

/**
 * The Style step: every installed style as a card with its preview, the chosen one's licence before it is used and
 * what the run will cost, a before/after of the selected frame (a draft first), a style of its own for that panel,
 * and new models added by drop, file choice or folder without a reload.
 */
export function StyleChooser({ api, styles, reload, book, panels, frames, frameSize, projectDir, busy, onChooseBook, onPanelStyle }: {
  api: ComicApi;
  styles: ModelSummary[];
  reload: () => void;
  /** The book's style (model id). */
  book: string;
  /** Panels in a style of their own: model id by key frame id. */
  panels: Record<string, string>;
  frames: StyleFrame[];
  /** The video's frame size: what a panel is drawn from. */
  frameSize: { width: number; height: number };
  projectDir: string;
  busy: boolean;
  onChooseBook: (model: string) => void;
  onPanelStyle: (keyframeId: string, model: string | null) => void;
}) {
  const { t } = useTranslation();
  const [selectedFrame, setSelectedFrame] = useState(0);
  const [measured, setMeasured] = useState<Record<string, { m: Measured; kind: 'sample' | 'draft' | 'panel' }>>({});
  const measure = useCallback((model: string, p: StylePreview, kind: 'sample' | 'draft' | 'panel') => {
    setMeasured((all) => {
      const rank = { sample: 0, draft: 1, panel: 2 };
      // A cached picture's time is that of the run that made it: still a measurement on this machine.
      return all[model] && rank[all[model].kind] > rank[kind] ? all : { ...all, [model]: { m: p, kind } };
    });
  }, []);
  const bookStyle = styles.find((s) => s.id === book);
  const frame = frames[Math.min(selectedFrame, frames.length - 1)];
  const frameModel = frame ? (panels[frame.id] ?? book) : book;
  const shownStyle = styles.find((s) => s.id === frameModel) ?? bookStyle;
  const pixelsFor = (m: ModelSummary) => {
    const s = panelSize(frameSize.width, frameSize.height, m.recommendedLongSide);
    return s.width * s.height;
  };
  const costOf = (m: ModelSummary, count: number) => {
    const got = measured[m.id];
    if (!got) return undefined;
    const per = perFrameMs(got.m, pixelsFor(m));
    return t(per.exact ? 'style.costAll' : 'style.costAboutAll', { each: formatSeconds(per.ms / 1000), all: formatSeconds((per.ms * count) / 1000), count });
  };
  const eachOf = (m: ModelSummary) => {
    const got = measured[m.id];
    if (!got) return undefined;
    const per = perFrameMs(got.m, pixelsFor(m));
    return t(per.exact ? 'style.costEach' : 'style.costAboutEach', { each: formatSeconds(per.ms / 1000) });
  };
  // The whole run: each panel in its style.
  const counts = new Map<string, number>();
  for (const f of frames) counts.set(panels[f.id] ?? book, (counts.get(panels[f.id] ?? book) ?? 0) + 1);
  const runParts = [...counts].map(([id, n]) => {
    const m = styles.find((s) => s.id === id);
    const cost = m ? costOf(m, n) : undefined;
    return m ? `${m.name}: ${cost ?? t('style.measuring')}` : `${id}: ${t('style.notInstalled')}`;
  });

  return (
    <ModelImport api={api} onImported={() => reload()}>
      <div className="style-grid" data-testid="style-grid">
        {styles.map((s) => (
          <StyleCard
            key={s.id}
            api={api}
            model={s}
            selected={s.id === book}
            cost={eachOf(s)}
            onChoose={() => !busy && onChooseBook(s.id)}
            onPreview={(p) => measure(s.id, p, 'sample')}
          />
        ))}
      </div>
      {frames.length ? (
        <p className="muted" data-testid="cost-estimate">
          {t('style.runCost', { parts: runParts.join('; ') })}
          {bookStyle?.recommendedLongSide ? ` (${t('style.drawnAt', { size: bookStyle.recommendedLongSide })})` : ''}
        </p>
      ) : null}
      {frame && shownStyle ? (
        <div className="style-frame">
          <div className="style-frames" role="listbox" aria-label={t('style.frames')}>
            {frames.map((f, i) => (
              <button
                key={f.id}
                type="button"
                role="option"
                aria-selected={f === frame}
                className={`style-frame-thumb${f === frame ? ' selected' : ''}${panels[f.id] ? ' own' : ''}`}
                data-testid="style-frame"
                onClick={() => setSelectedFrame(i)}
                title={panels[f.id] ? `${f.label}: ${styles.find((s) => s.id === panels[f.id])?.name ?? panels[f.id]}` : f.label}
              >
                <img src={f.url} alt={f.label} />
              </button>
            ))}
          </div>
          <BeforeAfter
            api={api}
            projectDir={projectDir}
            picture={frame.picture}
            photoUrl={frame.url}
            model={shownStyle}
            onMeasured={(p, kind) => measure(shownStyle.id, p, kind)}
          />
          <label className="panel-style">
            {t('style.panelIn', { frame: frame.label })}{' '}
            <select
              data-testid="panel-style"
              value={panels[frame.id] ?? ''}
              disabled={busy}
              onChange={(e) => onPanelStyle(frame.id, e.target.value || null)}
            >
              <option value="">{t('style.bookStyle', { name: bookStyle?.name ?? book })}</option>
              {styles
                .filter((s) => s.id !== book)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
      ) : null}
    </ModelImport>
  );
}
