import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli';
import { bundledModelFile } from '../../services/store';
import { sharedModel } from '../../../test-support/fixtures';
import { captureIO } from '../../../test-support/cli-capture';

const capture = captureIO;

const roots: string[] = [];
let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ycis-models-cli-'));
  roots.push(root);
  process.env.YOUR_CARTOON_DATA = join(root, 'data');
});
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A valid model the catalog does not know (the built-in graph with a changed doc string). */
function ownModel(): string {
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  mkdirSync(join(root, 'files'), { recursive: true });
  const file = join(root, 'files', 'mine.onnx');
  writeFileSync(file, bytes);
  return file;
}

test('models list shows every catalog model with its licence, the built-in one installed', async () => {
  const c = capture();
  assert.equal(await main(['models', 'list'], c.io), 0, c.err());
  const lines = c.out().split('\n');
  assert.match(lines[0], /^ID +NAME +KIND +INSTALLED +SIZE +CHECKED BY +LICENCE$/);
  assert.match(c.out(), /builtin-toon +Built-in cartoon +builtin +built in +5 KB +shipped +Your Cartoon Is/);
  assert.match(c.out(), /whitebox-cartoon +White-box Cartoonization +whitebox +no \(import\) +5\.9 MB +sha256 +CC BY-NC-SA 4\.0 \(non-commercial\)/);
  // An entry without a checksum says so before it is installed, and the note says what is checked instead.
  // CartoonGAN's files are known by their sha256 too, and flagged non-commercial (no licence is stated for the weights).
  assert.match(c.out(), /cartoongan-hayao +CartoonGAN Hayao +cartoongan +no \(import\) +22\.3 MB +sha256 +No licence stated .*\(non-commercial\)/);
  assert.match(c.out(), /instagan-shp2gir +.* +spec only \(no checksum\) /);
  assert.match(c.out(), /\nspec only \(no checksum\): the catalog has no sha256 for it; its file is verified only by loading it and matching its spec\n/);
  assert.ok(c.out().includes(`models folder: ${join(root, 'data', 'models')}`));
  const j = capture();
  assert.equal(await main(['models', 'list', '--json'], j.io), 0);
  const json = JSON.parse(j.out());
  const toon = json.models.find((m: { id: string }) => m.id === 'builtin-toon');
  assert.equal(toon.installed, true);
  assert.equal(toon.file, bundledModelFile('builtin/toon.onnx'));
  assert.equal(json.models.find((m: { id: string }) => m.id === 'whitebox-cartoon').licence.commercialUse, false);
  const by = Object.fromEntries(json.models.map((m: { id: string; verifiedBy: string }) => [m.id, m.verifiedBy]));
  assert.deepEqual([by['builtin-toon'], by['whitebox-cartoon'], by['cartoongan-hayao'], by['instagan-shp2gir']], ['app', 'sha256', 'sha256', 'spec']);
});

test('models install prints the licence first, then says why a model cannot be downloaded', async () => {
  const c = capture();
  assert.equal(await main(['models', 'install', 'cartoongan-hayao'], c.io), 1);
  assert.match(c.out(), /^CartoonGAN Hayao \(cartoongan-hayao\)\nlicence: .*non-commercial.*\nattribution: Yang Chen/);
  assert.match(c.err(), /no download: get its file \(sha256 e488b790f1a4.*\) and run "your-cartoon models import FILE" or, for a folder of models, "your-cartoon models install-dir DIR".*cartoongan_to_onnx\.py/);
  assert.equal(existsSync(join(root, 'data', 'models', 'cartoongan-hayao.onnx')), false);
  const b = capture();
  assert.equal(await main(['models', 'install', 'builtin-toon'], b.io), 0);
  assert.match(b.out(), /part of the app: nothing to install/);
  const u = capture();
  assert.equal(await main(['models', 'install', 'no-such-model'], u.io), 1);
  assert.match(u.err(), /no model "no-such-model" in the catalog \(known: builtin-toon/);
  assert.equal(await main(['models', 'install'], capture().io), 2);
  assert.equal(await main(['models', 'frobnicate'], capture().io), 2);
});

test('models import adds a local file, warns it is not checksum-verified, and lists it', async () => {
  const file = ownModel();
  const c = capture();
  assert.equal(await main(['models', 'import', file, '--id', 'my-style', '--kind', 'builtin'], c.io), 0, c.err());
  assert.match(c.out(), /imported: my-style -> .*my-style\.onnx\nwarning: not checksum-verified/);
  assert.match(c.out(), /licence: unknown/);
  const l = capture();
  await main(['models', 'list', '--json'], l.io);
  const mine = JSON.parse(l.out()).models.find((m: { id: string }) => m.id === 'my-style');
  assert.deepEqual([mine.origin, mine.installed, mine.verified, mine.verifiedBy], ['imported', true, 'loaded', 'spec']);
  const t = capture();
  await main(['models', 'list'], t.io);
  assert.match(t.out(), /my-style +.* +yes +5 KB +spec only \(no checksum\) /);
  const bad = capture();
  assert.equal(await main(['models', 'import', file, '--kind', 'painting'], bad.io), 2);
  assert.match(bad.err(), /--kind must be one of/);
  const corrupt = join(root, 'files', 'corrupt.onnx');
  writeFileSync(corrupt, 'not a model');
  const cc = capture();
  assert.equal(await main(['models', 'import', corrupt], cc.io), 1);
  assert.match(cc.err(), /corrupt\.onnx: not a model onnxruntime can load/);
});

test('models import of a file the catalog recognises prints its licence and whom to credit (shared White-box)', async (t) => {
  const file = sharedModel('whitebox_cartoon.onnx');
  if (!file) return t.skip('../shared/models/whitebox_cartoon.onnx is not present');
  const c = capture();
  assert.equal(await main(['models', 'import', file], c.io), 0, c.err());
  assert.match(c.out(), /imported: whitebox-cartoon -> .*\nchecksum-verified .*\nlicence: CC BY-NC-SA 4\.0 \(non-commercial\) https:\/\/creativecommons\.org\/licenses\/by-nc-sa\/4\.0\/\nattribution: Xinrui Wang and Jinze Yu/);
});

test('models install-dir installs the catalog models of a folder in one step and leaves unknown files alone', async () => {
  const mine = ownModel();
  const dir = join(root, 'files');
  const shinkai = sharedModel('cartoongan_shinkai.onnx');
  if (shinkai) writeFileSync(join(dir, 'shinkai.onnx'), readFileSync(shinkai));
  const c = capture();
  assert.equal(await main(['models', 'install-dir', dir], c.io), 0, c.err());
  assert.ok(c.out().includes(`not in the catalog (sha256 matches no entry), left alone: ${mine}`), c.out());
  if (shinkai) {
    assert.match(c.out(), /installed: cartoongan-shinkai \(CartoonGAN Shinkai\) <- .*shinkai\.onnx\n {2}licence: No licence stated.*\(non-commercial\).*\n {2}attribution: Yang Chen/);
    assert.match(c.out(), /1 installed, 1 unknown, 0 failed/);
    assert.equal(existsSync(join(root, 'data', 'models', 'cartoongan-shinkai.onnx')), true);
  } else {
    assert.match(c.out(), /no catalog model in .*\n0 installed, 1 unknown, 0 failed/);
  }
  assert.equal(await main(['models', 'install-dir'], capture().io), 2);
  const missing = capture();
  assert.equal(await main(['models', 'install-dir', join(root, 'nope')], missing.io), 1);
  assert.match(missing.err(), /nope: no such folder/);
});
