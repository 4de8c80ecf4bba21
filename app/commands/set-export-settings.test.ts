import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXPORT_SETTINGS, exportSettingsProblem } from '../export-settings';
import { perform, startEditing, undo } from '../history';
import { oneShotProject } from '../../test-support/project-fixture';
import { setExportSettings } from './set-export-settings';

test('export settings: saved in the project, each change undoable, bad values named', () => {
  let e = startEditing(oneShotProject([0, 100], 300));
  assert.equal(e.project.exportSettings, undefined);
  e = perform(e, setExportSettings(e.project, { dpi: 600 }));
  e = perform(e, setExportSettings(e.project, { format: 'cbz', marks: true }));
  assert.deepEqual(e.project.exportSettings, { ...DEFAULT_EXPORT_SETTINGS, dpi: 600, format: 'cbz', marks: true });
  assert.deepEqual(e.past.map((c) => c.label.key), ['command.exportResolution', 'command.exportFormat']);
  e = undo(e);
  assert.equal(e.project.exportSettings?.format, 'pdf');
  e = undo(e);
  assert.equal(e.project.exportSettings, undefined);
  assert.match(exportSettingsProblem({ dpi: 5 }) ?? '', /dpi must be/);
  assert.match(exportSettingsProblem({ quality: 101 }) ?? '', /quality/);
  assert.match(exportSettingsProblem({ format: 'gif' as never }) ?? '', /format must be one of pdf, png, cbz/);
  assert.equal(exportSettingsProblem({ dpi: 150, quality: 80, images: 'png' }), undefined);
});
