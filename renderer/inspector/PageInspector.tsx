import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_TEMPLATES } from '../../app/page-templates';
import type { PageLook } from '../../app/pages';

const NUMBERS: Array<{ key: 'margin' | 'gutter' | 'borderWidth'; step: number }> = [
  { key: 'margin', step: 1 },
  { key: 'gutter', step: 0.5 },
  { key: 'borderWidth', step: 0.1 },
];

/**
 * Properties of the page in focus or of the whole book: margins, gutter, border width and colour, paper; and the
 * page's template. A number is committed when it is left or Enter pressed, so typing "12" is one edit, not two.
 */
export function PageInspector({ look, template, onLook, onTemplate }: {
  look: PageLook;
  template?: string;
  onLook: (scope: 'page' | 'book', changes: Partial<PageLook>) => void;
  onTemplate: (template: string) => void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'page' | 'book'>('page');
  return (
    <aside className="page-inspector" data-testid="page-inspector">
      <label>
        {t('canvas.inspector.layout')}{' '}
        <select data-testid="page-template" value={template ?? ''} onChange={(e) => e.target.value && onTemplate(e.target.value)}>
          <option value="">—</option>
          {PAGE_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id}
            </option>
          ))}
        </select>
      </label>
      <div className="scope" role="radiogroup" aria-label={t('canvas.inspector.applyTo')}>
        {(['page', 'book'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="look-scope" data-testid={`look-scope-${s}`} checked={scope === s} onChange={() => setScope(s)} /> {t(`canvas.inspector.${s}`)}
          </label>
        ))}
      </div>
      {NUMBERS.map(({ key, step }) => (
        <label key={`${key}-${look[key]}`}>
          {t(`canvas.inspector.${key}`)}
          <input
            type="number"
            min={0}
            max={60}
            step={step}
            data-testid={`look-${key}`}
            defaultValue={look[key]}
            onBlur={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v !== look[key]) onLook(scope, { [key]: v });
            }}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          />
        </label>
      ))}
      <label>
        {t('canvas.inspector.borderColor')}
        <input type="color" data-testid="look-borderColor" value={look.borderColor} onChange={(e) => onLook(scope, { borderColor: e.target.value })} />
      </label>
      <label>
        {t('canvas.inspector.background')}
        <input type="color" data-testid="look-background" value={look.background} onChange={(e) => onLook(scope, { background: e.target.value })} />
      </label>
    </aside>
  );
}
