import { existsSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { dialogTexts } from '../../app/desktop';
import { EXPORT_FILE_NAMES, EXPORT_FORMATS, type ExportFormat } from '../../app/export-settings';

// What the Export button's dialog is, in plain Node (no Electron import): tested without an Electron runtime.

const FILTERS: Record<Exclude<ExportFormat, 'png'>, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  cbz: { name: 'Comic book (CBZ)', extensions: ['cbz'] },
};

export type ExportDialog =
  | {
      format: 'pdf' | 'cbz';
      kind: 'save';
      options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }>; properties: Array<'createDirectory' | 'showOverwriteConfirmation'> };
    }
  | { format: 'png'; kind: 'folder'; options: { title: string; defaultPath: string; properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate'> } };

/**
 * The dialog for the page's request (any value from ipc): a Save dialog for a PDF or a CBZ, a folder chooser for PNG
 * pages, opened in the project folder at the export's default name. undefined for a malformed request.
 */
export function exportDialogFor(request: unknown): ExportDialog | undefined {
  const { format, projectDir, texts } = (request ?? {}) as { format?: unknown; projectDir?: unknown; texts?: unknown };
  if (!EXPORT_FORMATS.includes(format as ExportFormat) || typeof projectDir !== 'string' || !isAbsolute(projectDir)) return undefined;
  const defaultPath = join(projectDir, EXPORT_FILE_NAMES[format as ExportFormat]);
  if (format === 'png') {
    // The folder of an earlier export if there is one, else the project folder (where a new one can be made).
    const { title } = dialogTexts(texts, { title: 'Export the pages as PNG into a folder', filterName: '' });
    return { format, kind: 'folder', options: { title, defaultPath: existsSync(defaultPath) ? defaultPath : projectDir, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] } };
  }
  const f = format as 'pdf' | 'cbz';
  const { title, filterName } = dialogTexts(texts, { title: `Export the comic as ${f.toUpperCase()}`, filterName: FILTERS[f].name });
  return { format: f, kind: 'save', options: { title, defaultPath, filters: [{ ...FILTERS[f], name: filterName }], properties: ['createDirectory', 'showOverwriteConfirmation'] } };
}

/** The export's target from the dialog's answer: a PDF or CBZ name the user typed without its extension gets it. */
export function exportTargetFromDialog(format: ExportFormat, picked: string): string {
  if (format === 'png' || extname(picked).toLowerCase() === `.${format}`) return picked;
  return `${picked}.${format}`;
}

/**
 * A name typed without its extension gets one (exportTargetFromDialog), but the dialog confirmed an overwrite only of
 * the name as typed: when the name with the extension is a file already, the dialog is asked again at that name, so
 * the system's own "replace it?" question is put. Returns that name, or undefined when the answer can be taken.
 */
export function askAgainAt(format: ExportFormat, picked: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const target = exportTargetFromDialog(format, picked);
  return target !== picked && exists(target) ? target : undefined;
}
