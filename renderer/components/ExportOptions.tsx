import { useTranslation } from 'react-i18next';
import { EXPORT_DPIS, EXPORT_FORMATS, type ExportFormat, type ExportSettings, type ImageEncoding } from '../../app/export-settings';

/**
 * The export choices, saved with the project: format, resolution, JPEG quality, how pictures are encoded, print
 * bleed and marks, title and author. Each change is one undoable edit.
 */
export function ExportOptions({ settings, disabled, onChange }: { settings: ExportSettings; disabled?: boolean; onChange: (changes: Partial<ExportSettings>) => void }) {
  const { t } = useTranslation();
  const pdf = settings.format === 'pdf';
  return (
    <div className="export-options" data-testid="export-options">
      <label>
        {t('export.format')}{' '}
        <select data-testid="export-format" value={settings.format} disabled={disabled} onChange={(e) => onChange({ format: e.target.value as ExportFormat })}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label title={t('export.dpiHint')}>
        {t('export.resolution')}{' '}
        <select data-testid="export-dpi" value={settings.dpi} disabled={disabled} onChange={(e) => onChange({ dpi: Number(e.target.value) })}>
          {[...new Set([...EXPORT_DPIS, settings.dpi])].map((d) => (
            <option key={d} value={d}>
              {d} dpi
            </option>
          ))}
        </select>
      </label>
      <label title={t('export.qualityHint')}>
        {t('export.quality')}{' '}
        <input
          type="number"
          data-testid="export-quality"
          min={1}
          max={100}
          value={settings.quality}
          disabled={disabled}
          onChange={(e) => {
            const q = Math.round(Number(e.target.value));
            if (q >= 1 && q <= 100) onChange({ quality: q });
          }}
        />
      </label>
      <label>
        {t('export.images')}{' '}
        <select data-testid="export-images" value={settings.images} disabled={disabled} onChange={(e) => onChange({ images: e.target.value as ImageEncoding })}>
          <option value="auto">{t('export.images.auto')}</option>
          <option value="jpeg">{t('export.images.jpeg')}</option>
          <option value="png">{t('export.images.png')}</option>
        </select>
      </label>
      {pdf ? (
        <>
          <label title={t('export.bleedHint')}>
            <input type="checkbox" data-testid="export-bleed" checked={settings.bleed} disabled={disabled} onChange={(e) => onChange({ bleed: e.target.checked })} /> {t('export.bleed')}
          </label>
          <label title={t('export.marksHint')}>
            <input type="checkbox" data-testid="print-marks" checked={settings.marks} disabled={disabled} onChange={(e) => onChange({ marks: e.target.checked })} /> {t('export.print')}
          </label>
        </>
      ) : null}
      <label>
        {t('export.titleField')}{' '}
        <input type="text" data-testid="export-title" placeholder={t('export.titlePlaceholder')} defaultValue={settings.title ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (settings.title ?? '') && onChange({ title: e.target.value || undefined })} />
      </label>
      <label>
        {t('export.author')}{' '}
        <input type="text" data-testid="export-author" defaultValue={settings.author ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (settings.author ?? '') && onChange({ author: e.target.value || undefined })} />
      </label>
    </div>
  );
}
