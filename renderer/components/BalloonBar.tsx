import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { BALLOON_KINDS, type Balloon, type BalloonKind } from '../../app/balloons';


/**
 * The balloon tools: add a balloon of a kind to the selected panel; for the selected balloon, its words (one edit
 * when the field is left or Enter pressed), its kind, its size and Delete.
 */
export function BalloonBar({ panelSelected, balloon, onAdd, onChange, onDelete, pageBreak, onPageBreak }: {
  panelSelected: boolean;
  balloon?: Balloon;
  onAdd: (kind: BalloonKind) => void;
  onChange: (changes: Partial<Balloon>) => void;
  onDelete: () => void;
  /** Whether the selected panel starts a page (undefined: no panel selected). */
  pageBreak?: boolean;
  onPageBreak: () => void;
}) {
  const { t } = useTranslation();
  const kindName = (kind: BalloonKind) => t(`balloon.kind.${kind}`);
  const [text, setText] = useState(balloon?.text ?? '');
  useEffect(() => setText(balloon?.text ?? ''), [balloon?.id, balloon?.text]);
  const commitText = () => {
    if (balloon && text !== balloon.text) onChange({ text });
  };
  return (
    <div className="balloon-bar" data-testid="balloon-bar">
      <span className="muted">{panelSelected ? t('balloon.addTo') : t('balloon.clickPanel')}</span>
      {BALLOON_KINDS.map((kind) => (
        <button key={kind} type="button" data-testid={`add-${kind}`} disabled={!panelSelected} onClick={() => onAdd(kind)}>
          + {kindName(kind)}
        </button>
      ))}
      {pageBreak !== undefined ? (
        <button type="button" data-testid="page-break" onClick={onPageBreak} title={t('balloon.pageBreakHint')}>
          {pageBreak ? t('balloon.joinPage') : t('balloon.newPage')}
        </button>
      ) : null}
      {balloon ? (
        <span className="balloon-edit">
          <input
            data-testid="balloon-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={commitText}
            onKeyDown={(e) => e.key === 'Enter' && commitText()}
            aria-label={t('balloon.words')}
          />
          <select data-testid="balloon-kind" value={balloon.kind} onChange={(e) => onChange({ kind: e.target.value as BalloonKind })} aria-label={t('balloon.kind')}>
            {BALLOON_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
          <select data-testid="balloon-size" value={balloon.fontSize} onChange={(e) => onChange({ fontSize: Number(e.target.value) })} aria-label={t('balloon.size')}>
            {[7, 8, 9, 10, 12, 14, 18].map((pt) => (
              <option key={pt} value={pt}>
                {pt} pt
              </option>
            ))}
          </select>
          <button type="button" data-testid="balloon-delete" onClick={onDelete}>
            {t('balloon.delete')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
