import { useTranslation } from 'react-i18next';

interface Props {
  path: string;
  onPath: (path: string) => void;
  onSample: () => void;
  makingSample: boolean;
  onAnalyse: () => void;
  busy: boolean;
  /** A saved review of this video, summed up, when there is one to reopen. */
  saved?: string;
  onOpenSaved: () => void;
  /** Whether the video's key frames were found already (the button then says "again"). */
  analysed?: boolean;
}

/** The video to work on as a path typed or pasted (or the built-in sample); dropping and Open are the others. */
export function VideoPicker({ path, onPath, onSample, makingSample, onAnalyse, busy, saved, onOpenSaved, analysed }: Props) {
  const { t } = useTranslation();
  return (
    <div className="picker">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim() && !busy) onAnalyse();
        }}
      >
        <input
          data-testid="video-path"
          type="text"
          value={path}
          placeholder={t('picker.placeholder')}
          aria-label={t('picker.label')}
          spellCheck={false}
          onChange={(e) => onPath(e.target.value)}
        />
        <button type="submit" className="primary" data-testid="analyse" disabled={!path.trim() || busy}>
          {analysed ? t('picker.analyseAgain') : t('picker.analyse')}
        </button>
      </form>
      <p className="hint muted">{t('picker.hint')}</p>
      {saved && !busy ? (
        <p className="saved-review">
          <button type="button" data-testid="open-saved" onClick={onOpenSaved}>
            {t('picker.openSaved')}
          </button>{' '}
          <span className="muted">{t('picker.savedSummary', { summary: saved })}</span>
        </p>
      ) : null}
      <button type="button" className="link" data-testid="use-sample" onClick={onSample} disabled={makingSample || busy}>
        {makingSample ? t('picker.makingSample') : t('picker.useSample')}
      </button>
    </div>
  );
}
