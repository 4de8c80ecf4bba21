import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { ANALYSIS_SETTINGS, clampSetting, type AnalysisSettings } from './analysis-settings';

/** δ, minimum cluster share, duplicate threshold and shot sensitivity: each with its default and what it does. */
export function AnalysisSettingsPanel({ values, defaults, onChange, disabled }: {
  values: AnalysisSettings;
  defaults: AnalysisSettings;
  onChange: (values: AnalysisSettings) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const changed = ANALYSIS_SETTINGS.some((s) => values[s.key] !== defaults[s.key]);
  return (
    <details className="analysis-settings" data-testid="analysis-settings" open={changed || undefined}>
      <summary>{t('settings.title')}</summary>
      <p className="hint muted">{t('settings.hint')}</p>
      {ANALYSIS_SETTINGS.map((s) => (
        <label key={s.key} className="setting">
          <span className="setting-name">{t(`settings.${s.key}`)}</span>
          <input
            type="range"
            min={s.min}
            max={s.max}
            step={s.step}
            value={values[s.key]}
            disabled={disabled}
            onChange={(e) => onChange({ ...values, [s.key]: clampSetting(s.key, Number(e.target.value)) })}
          />
          <input
            type="number"
            data-testid={`setting-${s.key}`}
            min={s.min}
            max={s.max}
            step={s.step}
            value={values[s.key]}
            disabled={disabled}
            onChange={(e) => onChange({ ...values, [s.key]: clampSetting(s.key, Number(e.target.value)) })}
          />
          <span className="setting-help muted">
            {t(`settings.${s.key}.help`)} {t('settings.default', { value: formatNumber(defaults[s.key], i18n.language) })}
          </span>
        </label>
      ))}
      <button type="button" className="link" disabled={!changed || disabled} onClick={() => onChange(defaults)} data-testid="settings-reset">
        {t('settings.reset')}
      </button>
    </details>
  );
}
