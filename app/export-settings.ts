/**
 * How the book is exported, saved in the project so the next export (from the editor or `your-cartoon export`)
 * makes the same file: the format, the pictures' print resolution and encoding, print-shop bleed and marks,
 * and the document's title and author.
 */
export type ExportFormat = 'pdf' | 'png' | 'cbz';
export type ImageEncoding = 'auto' | 'jpeg' | 'png';

export interface ExportSettings {
  format: ExportFormat;
  /** Pixels per inch of print the pictures are resampled to (never enlarged): 150, 300 or 600 usually. */
  dpi: number;
  /** JPEG quality 1..100. */
  quality: number;
  /** auto: PNG where it is smaller than the JPEG (flat cartoon colours). */
  images: ImageEncoding;
  /** For a print shop: 0.125 in (3.175 mm) bleed, TrimBox and BleedBox. */
  bleed: boolean;
  /** Crop marks outside the bleed. */
  marks: boolean;
  title?: string;
  author?: string;
}

export const EXPORT_DPIS = [150, 300, 600] as const;
export const EXPORT_FORMATS: ExportFormat[] = ['pdf', 'png', 'cbz'];
/** The export's name in the project folder (the browser host's place, the desktop save dialog's suggestion). */
export const EXPORT_FILE_NAMES: Record<ExportFormat, string> = { pdf: 'comic.pdf', cbz: 'comic.cbz', png: 'pages' };
export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { format: 'pdf', dpi: 300, quality: 88, images: 'auto', bleed: false, marks: false };
/** Print-on-demand bleed: an eighth of an inch. */
export const BLEED_MM = 3.175;

export function exportSettingsOf(saved: Partial<ExportSettings> | undefined): ExportSettings {
  return { ...DEFAULT_EXPORT_SETTINGS, ...(saved ?? {}) };
}

/** What is wrong with settings from a file or a request, or undefined when they are sound. */
export function exportSettingsProblem(s: Partial<ExportSettings>): string | undefined {
  if (s.format !== undefined && !EXPORT_FORMATS.includes(s.format)) return `format must be one of ${EXPORT_FORMATS.join(', ')} (got ${String(s.format)})`;
  if (s.dpi !== undefined && !(typeof s.dpi === 'number' && Number.isFinite(s.dpi) && s.dpi >= 36 && s.dpi <= 2400)) return `dpi must be a number from 36 to 2400 (got ${String(s.dpi)})`;
  if (s.quality !== undefined && !(Number.isInteger(s.quality) && s.quality >= 1 && s.quality <= 100)) return `quality must be a whole number from 1 to 100 (got ${String(s.quality)})`;
  if (s.images !== undefined && !['auto', 'jpeg', 'png'].includes(s.images)) return `images must be auto, jpeg or png (got ${String(s.images)})`;
  for (const k of ['bleed', 'marks'] as const) if (s[k] !== undefined && typeof s[k] !== 'boolean') return `${k} must be true or false`;
  for (const k of ['title', 'author'] as const) if (s[k] !== undefined && (typeof s[k] !== 'string' || s[k]!.length > 500)) return `${k} must be a short text`;
  return undefined;
}
