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
  const label =
    changes.format !== undefined ? 'Change the export format'
    : changes.dpi !== undefined ? 'Change the export resolution'
    : changes.title !== undefined || changes.author !== undefined ? 'Change the title or author'
    : 'Change the export settings';
  return { label, apply: (p) => set(p, after), revert: (p) => set(p, before) };
}
