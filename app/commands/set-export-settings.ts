import { exportSettingsOf, type ExportSettings } from '../export-settings';
import type { Project } from '../project';
import type { EditCommand } from './command';

/** Export format, resolution, quality, bleed and marks, title and author: saved with the project, undoable. */
export function setExportSettings(project: Project, changes: Partial<ExportSettings>): EditCommand {
  const before = project.exportSettings;
  const after = { ...exportSettingsOf(before), ...changes };
  const set = (p: Project, s: ExportSettings | undefined) => {
    const { exportSettings: _, ...rest } = p;
    return s ? { ...rest, exportSettings: s } : rest;
  };
  const key =
    changes.format !== undefined ? 'command.exportFormat'
    : changes.dpi !== undefined ? 'command.exportResolution'
    : changes.title !== undefined || changes.author !== undefined ? 'command.exportTitle'
    : 'command.exportSettings';
  return { label: { key }, apply: (p) => set(p, after), revert: (p) => set(p, before) };
}
