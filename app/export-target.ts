import type { DialogTexts, ExportTargetRequest } from './desktop';
import type { ExportFormat } from './export-settings';

/** The desktop app's picker (DesktopBridge.chooseExportTarget); the browser host has none. */
export type ChooseExportTarget = (request: ExportTargetRequest) => Promise<string | null>;

/**
 * Where an export goes, decided before it starts. In the desktop app the user picks it (the native Save dialog or
 * folder chooser): the export request gets that path as `outFile`. In the browser host there is no picker: no
 * `outFile`, the export goes into the project folder under its default name. null: the user cancelled the picker,
 * so there is no export (and nothing to report).
 */
export async function exportTarget(choose: ChooseExportTarget | undefined, format: ExportFormat, projectDir: string, texts?: DialogTexts): Promise<{ outFile?: string } | null> {
  if (!choose) return {};
  const picked = await choose({ format, projectDir, ...(texts ? { texts } : {}) });
  return picked ? { outFile: picked } : null;
}
