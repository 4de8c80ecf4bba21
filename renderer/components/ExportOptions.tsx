import { EXPORT_DPIS, EXPORT_FORMATS, type ExportFormat, type ExportSettings, type ImageEncoding } from '../../app/export-settings';

const FORMAT_NAMES: Record<ExportFormat, string> = { pdf: 'PDF (print)', png: 'PNG pages', cbz: 'CBZ (comic readers)' };

/**
 * The export choices, saved with the project: format, resolution, JPEG quality, how pictures are encoded, print
 * bleed and marks, title and author. Each change is one undoable edit.
 */
export function ExportOptions({ settings, disabled, onChange }: { settings: ExportSettings; disabled?: boolean; onChange: (changes: Partial<ExportSettings>) => void }) {
  const pdf = settings.format === 'pdf';
  return (
    <div className="export-options" data-testid="export-options">
      <label>
        Format{' '}
        <select data-testid="export-format" value={settings.format} disabled={disabled} onChange={(e) => onChange({ format: e.target.value as ExportFormat })}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </label>
      <label title="Pictures are resampled to this many pixels per inch of print (never enlarged)">
        Resolution{' '}
        <select data-testid="export-dpi" value={settings.dpi} disabled={disabled} onChange={(e) => onChange({ dpi: Number(e.target.value) })}>
          {[...new Set([...EXPORT_DPIS, settings.dpi])].map((d) => (
            <option key={d} value={d}>
              {d} dpi
            </option>
          ))}
        </select>
      </label>
      <label title="JPEG quality of the pictures (PNG where it is smaller)">
        Quality{' '}
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
        Pictures{' '}
        <select data-testid="export-images" value={settings.images} disabled={disabled} onChange={(e) => onChange({ images: e.target.value as ImageEncoding })}>
          <option value="auto">JPEG, or PNG where smaller</option>
          <option value="jpeg">JPEG</option>
          <option value="png">PNG (lossless)</option>
        </select>
      </label>
      {pdf ? (
        <>
          <label title="0.125 in bleed around each page, with TrimBox and BleedBox, for print on demand">
            <input type="checkbox" data-testid="export-bleed" checked={settings.bleed} disabled={disabled} onChange={(e) => onChange({ bleed: e.target.checked })} /> Bleed
          </label>
          <label title="Crop marks outside the bleed, for a print shop">
            <input type="checkbox" data-testid="print-marks" checked={settings.marks} disabled={disabled} onChange={(e) => onChange({ marks: e.target.checked })} /> Print marks
          </label>
        </>
      ) : null}
      <label>
        Title{' '}
        <input type="text" data-testid="export-title" placeholder="the video's name" defaultValue={settings.title ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (settings.title ?? '') && onChange({ title: e.target.value || undefined })} />
      </label>
      <label>
        Author{' '}
        <input type="text" data-testid="export-author" defaultValue={settings.author ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (settings.author ?? '') && onChange({ author: e.target.value || undefined })} />
      </label>
    </div>
  );
}
