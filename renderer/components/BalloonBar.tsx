import { useTranslation } from 'react-i18next';
import { BALLOON_KINDS, type Balloon, type BalloonFit, type BalloonKind } from '../../app/balloons';
import { LETTERING_FONTS, type LetteringFontId } from '../../app/lettering/fonts';
import { BalloonText } from './BalloonText';

/** Writing turned between horizontal and vertical: the balloon turns with it (a tall box for columns). */
function turned(b: Balloon, vertical: boolean): Partial<Balloon> {
  if (vertical === !!b.vertical) return { vertical };
  const height = b.height ?? 0.2;
  return vertical ? { vertical, width: Math.min(b.width, Math.max(0.15, height)), height: Math.max(0.55, b.width) } : { vertical, width: Math.max(0.35, b.height ?? 0.4), height: 0.2 };
}

/**
 * The balloon tools: add a balloon of a kind to the selected panel; for the selected balloon, its words (multi-line),
 * kind, font (default: by the words' script), letter size, writing direction, fit, colours and Delete.
 */
export function BalloonBar({ panelSelected, balloon, onAdd, onChange, onText, onDelete, pageBreak, onPageBreak }: {
  panelSelected: boolean;
  balloon?: Balloon;
  onAdd: (kind: BalloonKind) => void;
  /** A change of the selected balloon (kind, font, size, ...). */
  onChange: (changes: Partial<Balloon>) => void;
  /** New words for the balloon with this id. */
  onText: (id: string, text: string) => void;
  onDelete: () => void;
  /** Whether the selected panel starts a page (undefined: no panel selected). */
  pageBreak?: boolean;
  onPageBreak: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="balloon-bar" data-testid="balloon-bar">
      <span className="muted">{panelSelected ? t('balloon.addHint') : t('balloon.clickPanel')}</span>
      {BALLOON_KINDS.map((kind) => (
        <button key={kind} type="button" data-testid={`add-${kind}`} disabled={!panelSelected} onClick={() => onAdd(kind)}>
          + {t(`balloon.kind.${kind}`)}
        </button>
      ))}
      {pageBreak !== undefined ? (
        <button type="button" data-testid="page-break" onClick={onPageBreak} title={t('balloon.pageBreakHint')}>
          {pageBreak ? t('balloon.joinPage') : t('balloon.newPage')}
        </button>
      ) : null}
      {balloon ? (
        <div className="balloon-edit" data-testid="balloon-inspector">
          <BalloonText key={balloon.id} balloon={balloon} onCommit={onText} />
          <div className="balloon-props">
            <select data-testid="balloon-kind" value={balloon.kind} onChange={(e) => onChange({ kind: e.target.value as BalloonKind })} aria-label={t('balloon.kind')}>
              {BALLOON_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`balloon.kind.${k}`)}
                </option>
              ))}
            </select>
            <select
              data-testid="balloon-font"
              value={balloon.font ?? ''}
              onChange={(e) => onChange({ font: (e.target.value || undefined) as LetteringFontId | undefined })}
              aria-label={t('balloon.font')}
            >
              <option value="">{t('balloon.font.auto')}</option>
              {LETTERING_FONTS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <select data-testid="balloon-size" value={balloon.fontSize} onChange={(e) => onChange({ fontSize: Number(e.target.value) })} aria-label={t('balloon.size')}>
              {[...new Set([6, 7, 8, 9, 10, 12, 14, 18, 24, 32, 48, balloon.fontSize])].sort((a, b) => a - b).map((pt) => (
                <option key={pt} value={pt}>
                  {pt} pt
                </option>
              ))}
            </select>
            <select data-testid="balloon-fit" value={balloon.fit ?? 'grow'} onChange={(e) => onChange({ fit: e.target.value as BalloonFit })} aria-label={t('balloon.fit')}>
              <option value="grow">{t('balloon.fit.grow')}</option>
              <option value="shrink">{t('balloon.fit.shrink')}</option>
            </select>
            <label title={t('balloon.verticalHint')}>
              <input type="checkbox" data-testid="balloon-vertical" checked={!!balloon.vertical} onChange={(e) => onChange(turned(balloon, e.target.checked))} /> {t('balloon.vertical')}
            </label>
            <label title={t('balloon.color')}>
              <input type="color" data-testid="balloon-color" value={balloon.color ?? (balloon.kind === 'sfx' ? '#e8262a' : '#121214')} onChange={(e) => onChange({ color: e.target.value })} />
            </label>
            <label title={t('balloon.stroke')}>
              <input
                type="color"
                data-testid="balloon-stroke"
                value={balloon.stroke ?? '#ffffff'}
                onChange={(e) => onChange({ stroke: e.target.value, strokeWidth: balloon.strokeWidth || 1.6 })}
              />
              <select
                data-testid="balloon-stroke-width"
                value={balloon.strokeWidth ?? (balloon.kind === 'sfx' ? 1.6 : 0)}
                onChange={(e) => onChange({ strokeWidth: Number(e.target.value) })}
                aria-label={t('balloon.strokeWidth')}
              >
                {[0, 0.8, 1.6, 2.4, 3.2].map((w) => (
                  <option key={w} value={w}>
                    {w ? `${w} pt` : t('balloon.strokeNone')}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" data-testid="balloon-delete" onClick={onDelete} title={t('balloon.deleteHint')}>
              {t('balloon.delete')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
