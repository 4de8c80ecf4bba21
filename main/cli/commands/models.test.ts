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
  assert.match(c.out(), /cartoongan-hayao +CartoonGAN Hayao +cartoongan +no \(import\) +\? +spec only \(no checksum\) +Unspecified/);
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
  assert.deepEqual([by['builtin-toon'], by['whitebox-cartoon'], by['cartoongan-hayao'], by['instagan-shp2gir']], ['app', 'sha256', 'spec', 'spec']);
});

test('models install prints the licence first, then says why a model cannot be downloaded', async () => {
  const c = capture();
  assert.equal(await main(['models', 'install', 'cartoongan-hayao'], c.io), 1);
  assert.match(c.out(), /^CartoonGAN Hayao \(cartoongan-hayao\)\nlicence: .*non-commercial.*\nattribution: Yang Chen/);
  assert.match(c.err(), /no download: export it .*cartoongan_to_onnx\.py.*models import FILE --id cartoongan-hayao/);
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
