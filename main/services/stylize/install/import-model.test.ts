import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportModel, findTorchPython } from '../../../../models/export/run-export';
import { sharedModel } from '../../../../test-support/fixtures';
import { bundledModelFile, installedModelsDir } from '../../store';
import { getModel } from '../catalog';
import { importModel, InstallError, listModels, resolveInstalledModel } from '.';

const TOON = readFileSync(bundledModelFile('builtin/toon.onnx'));
const builtin = getModel('builtin-toon');
const roots: string[] = [];
let work = '';

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'ycis-import-'));
  roots.push(root);
  process.env.YOUR_CARTOON_DATA = join(root, 'data');
  work = join(root, 'files');
  mkdirSync(work);
});
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A valid ONNX file the catalog does not know: the built-in graph with one letter of its doc string changed. */
function unknownModel(name: string): string {
  const bytes = Buffer.from(TOON);
  const at = bytes.indexOf("Project's own work");
  assert.ok(at > 0, 'the built-in graph carries its doc string');
  bytes.write('O', at + "Project's ".length);
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

const modelsDirEntries = () => (existsSync(installedModelsDir()) ? readdirSync(installedModelsDir()) : []);

test('imports a valid file the catalog does not know, taking the spec its graph fits', async () => {
  const file = unknownModel('My Toon.onnx');
  const got = await importModel(file);
  assert.equal(got.id, 'my-toon');
  assert.equal(got.file, join(process.env.YOUR_CARTOON_DATA!, 'models', 'my-toon.onnx'));
  assert.ok(readFileSync(got.file).equals(readFileSync(file)));
  assert.deepEqual(got.record?.spec, builtin.spec);
  assert.equal(got.record?.verified, 'loaded');
  assert.deepEqual(got.record?.source, { type: 'import', path: file });
  assert.deepEqual(modelsDirEntries().sort(), ['my-toon.json', 'my-toon.onnx']);
  const listed = listModels().find((l) => l.entry.id === 'my-toon');
  assert.equal(listed?.origin, 'imported');
  assert.equal(listed?.installed, true);
  assert.match(listed?.entry.licence.name ?? '', /unknown/);
  assert.equal(resolveInstalledModel('my-toon')?.file, got.file);
});

test('a corrupt file is refused and leaves nothing in the data folder', async () => {
  const file = join(work, 'broken.onnx');
  writeFileSync(file, TOON.subarray(0, Math.floor(TOON.length / 2)));
  await assert.rejects(importModel(file), (err: InstallError) => {
    assert.equal(err.code, 'MODEL_INVALID');
    assert.ok(err.message.startsWith(file), err.message);
    return true;
  });
  assert.deepEqual(modelsDirEntries(), []);
  assert.equal(resolveInstalledModel('broken'), undefined);
  await assert.rejects(importModel(join(work, 'absent.onnx')), (err: InstallError) => err.code === 'FILE_NOT_FOUND' && /no such model file/.test(err.message));
  // A folder is named as one, not as a missing file.
  await assert.rejects(importModel(work), (err: InstallError) => err.code === 'FILE_NOT_FOUND' && err.message === `${work}: is a folder; give the .onnx file inside it`);
  assert.deepEqual(modelsDirEntries(), []);
});

test('ids and specs: catalog ids keep their own bytes, a wrong spec or kind is refused', async () => {
  const file = unknownModel('variant.onnx');
  // whitebox-cartoon has a sha256: only its own file may take its id.
  await assert.rejects(importModel(file, { id: 'whitebox-cartoon' }), (err: InstallError) => err.code === 'ID_INVALID');
  // So has cartoongan-hayao (the catalog knows its file): another file under its id is refused.
  await assert.rejects(importModel(file, { id: 'cartoongan-hayao' }), (err: InstallError) => err.code === 'ID_INVALID' && /sha256 differs/.test(err.message));
  // instagan-shp2gir has none (users export it): the id is accepted, but this graph does not fit its spec.
  await assert.rejects(importModel(file, { id: 'instagan-shp2gir' }), (err: InstallError) => {
    assert.equal(err.code, 'SPEC_MISMATCH');
    assert.match(err.message, /image_out|masks/);
    return true;
  });
  await assert.rejects(importModel(file, { kind: 'whitebox' }), (err: InstallError) => {
    assert.equal(err.code, 'SPEC_UNKNOWN');
    assert.match(err.message, /input image float32 \[1, 3, height, width\]/);
    return true;
  });
  const spec = { ...builtin.spec, output: { ...builtin.spec.output, name: 'final_output' } };
  await assert.rejects(importModel(file, { id: 'custom', spec }), (err: InstallError) => err.code === 'SPEC_MISMATCH');
  await assert.rejects(importModel(file, { id: 'Bad Id!' }), (err: InstallError) => err.code === 'ID_INVALID');
  assert.deepEqual(modelsDirEntries(), []);
  const ok = await importModel(file, { id: 'custom', spec: builtin.spec, name: 'My style' });
  assert.equal(ok.record?.name, 'My style');
  assert.equal(ok.record?.kind, 'cartoongan');
});

test('the built-in graph is recognised as built in, not copied', async () => {
  const file = join(work, 'toon-copy.onnx');
  writeFileSync(file, TOON);
  const got = await importModel(file);
  assert.equal(got.id, 'builtin-toon');
  assert.equal(got.alreadyInstalled, true);
  assert.equal(got.file, bundledModelFile('builtin/toon.onnx'));
  assert.deepEqual(modelsDirEntries(), []);
});

test('a file whose sha256 the catalog knows takes its id and spec, checksum-verified (shared White-box)', async (t) => {
  const file = sharedModel('whitebox_cartoon.onnx');
  if (!file) return t.skip('../shared/models/whitebox_cartoon.onnx is not present');
  const got = await importModel(file, { id: 'ignored-for-known-files' });
  assert.equal(got.id, 'whitebox-cartoon');
  assert.equal(got.record?.verified, 'sha256');
  assert.equal(got.record?.catalogId, 'whitebox-cartoon');
  assert.equal(resolveInstalledModel('whitebox-cartoon')?.entry.spec.input.name, 'input_photo');
  assert.equal(listModels().find((l) => l.entry.id === 'whitebox-cartoon')?.installed, true);
});

test('an exported InstaGAN imports with --kind instagan although the two catalog checkpoints recommend different sizes', async (t) => {
  const torch = findTorchPython();
  if (!torch.python) return t.skip(`PyTorch is needed to export a test InstaGAN: ${torch.reason}`);
  const file = exportModel('instagan_to_onnx.py', ['--random-weights', '--ngf', '4', '--blocks', '1']);
  const imported = await importModel(file, { kind: 'instagan', id: 'my-instagan' });
  assert.equal(imported.record?.kind, 'instagan');
  assert.equal(imported.record?.spec.maskInput?.name, 'masks');
  assert.equal(resolveInstalledModel('my-instagan')?.file, imported.file);
});
