import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedModel } from '../../test-support/fixtures';
import { bundledModelFile } from '../services/store';
import { createComicApi } from './comic-api';
import { dispatchCommand } from './dispatch';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-api-models-'));

test('installModelsFolder installs the catalog models of a folder and the model list shows them at once', async () => {
  const api = createComicApi();
  const dir = mkdtempSync(join(tmpdir(), 'ycis-api-model-folder-'));
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  writeFileSync(join(dir, 'mine.onnx'), bytes);
  const hosoda = sharedModel('cartoongan_hosoda.onnx');
  if (hosoda) {
    mkdirSync(join(dir, 'styles'));
    symlinkSync(hosoda, join(dir, 'styles', 'hosoda.onnx'));
  }
  const got = await api.installModelsFolder({ folder: dir });
  assert.deepEqual(got.unknown, [join(dir, 'mine.onnx')]);
  assert.deepEqual(got.failed, []);
  if (hosoda) {
    assert.deepEqual(got.installed.map((m) => [m.id, m.installed, m.verifiedBy, m.licence.commercialUse]), [['cartoongan-hosoda', true, 'sha256', false]]);
    assert.equal((await api.listModels()).find((m) => m.id === 'cartoongan-hosoda')?.installed, true);
  } else {
    assert.deepEqual(got.installed, []);
  }
  const bad = await dispatchCommand(api, 'installModelsFolder', [{ folder: join(dir, 'absent') }]);
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error.message, /absent: no such folder/);
});
