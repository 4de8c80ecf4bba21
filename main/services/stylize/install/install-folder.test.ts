import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedModel } from '../../../../test-support/fixtures';
import { bundledModelFile } from '../../store';
import { resolveModel } from '../model-resolve';
import { importModel, installModelsFromFolder, InstallError, listModels, resolveInstalledModel } from '.';

const STYLES = ['hayao', 'hosoda', 'paprika', 'shinkai'];
const TOON = readFileSync(bundledModelFile('builtin/toon.onnx'));
const roots: string[] = [];
let work = '';

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'ycis-install-dir-'));
  roots.push(root);
  process.env.YOUR_CARTOON_DATA = join(root, 'data');
  work = join(root, 'files');
  mkdirSync(work);
});
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A copy of a model with one letter of a string in it changed: still a valid graph, another sha256. */
function altered(source: string, marker: string, name: string): string {
  const bytes = Buffer.from(readFileSync(source));
  const at = bytes.indexOf(marker);
  assert.ok(at >= 0, `${source} holds "${marker}"`);
  bytes.write(marker[0] === 'X' ? 'Y' : 'X', at);
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

test('a folder that is not there, or a file, is named as such; a folder without catalog models installs nothing', async () => {
  await assert.rejects(installModelsFromFolder(join(work, 'absent')), (e: InstallError) => e.code === 'FILE_NOT_FOUND' && /absent: no such folder/.test(e.message));
  writeFileSync(join(work, 'one.onnx'), TOON);
  await assert.rejects(installModelsFromFolder(join(work, 'one.onnx')), /not a folder \(to add one file use "models import FILE"\)/);
  const mine = altered(bundledModelFile('builtin/toon.onnx'), "Project's own work", 'mine.onnx');
  writeFileSync(join(work, 'notes.txt'), 'not a model');
  const got = await installModelsFromFolder(work);
  // The built-in graph is recognised (nothing to copy); the altered copy is not a catalog model and is left alone.
  assert.deepEqual(got.installed.map((m) => [m.id, m.alreadyInstalled]), [['builtin-toon', true]]);
  assert.deepEqual(got.unknown, [mine]);
  assert.deepEqual(got.failed, []);
  assert.equal(listModels().filter((l) => l.origin === 'imported').length, 0);
});

test('the four CartoonGAN files install in one step, checksum-verified, each with its licence (shared models)', async (t) => {
  const files = STYLES.map((s) => sharedModel(`cartoongan_${s}.onnx`));
  if (files.some((f) => !f)) return t.skip('../shared/models/cartoongan_*.onnx are absent');
  const dir = join(work, 'downloads', 'cartoongan');
  mkdirSync(dir, { recursive: true });
  STYLES.forEach((s, i) => symlinkSync(files[i]!, join(dir, `CartoonGAN ${s}.onnx`)));
  const mine = altered(files[3]!, 'pytorch', 'my_shinkai_export.onnx');
  const seen: string[] = [];
  const got = await installModelsFromFolder(work, { onFile: (f) => f && seen.push(f) });
  assert.equal(seen.length, 5);
  assert.deepEqual(got.installed.map((m) => m.id).sort(), STYLES.map((s) => `cartoongan-${s}`));
  for (const m of got.installed) {
    assert.equal(m.alreadyInstalled, false);
    assert.equal(m.record?.verified, 'sha256');
    assert.equal(m.entry.licence.commercialUse, false);
    assert.equal(resolveInstalledModel(m.id)?.file, m.file);
  }
  assert.deepEqual(got.unknown, [mine], 'a file whose sha256 differs is not taken for a catalog model');
  const again = await installModelsFromFolder(work);
  assert.ok(again.installed.every((m) => m.alreadyInstalled), 'a second run copies nothing');
  // The altered file is an unknown model: resolved by the spec its inputs fit, with no catalog entry (no licence
  // claimed for it), and imported under its own name.
  const resolved = await resolveModel(mine);
  assert.equal(resolved.entry, undefined);
  assert.equal(resolved.id, mine);
  assert.equal(resolved.spec.input.layout, 'NCHW');
  assert.equal(resolved.spec.input.channelOrder, 'BGR');
  assert.equal(resolved.spec.globalNormalization, true);
  const imported = await importModel(mine);
  assert.equal(imported.id, 'my_shinkai_export');
  assert.equal(imported.record?.verified, 'loaded');
  assert.equal(imported.record?.catalogId, undefined);
  assert.match(listModels().find((l) => l.entry.id === 'my_shinkai_export')?.entry.licence.name ?? '', /unknown/);
});
