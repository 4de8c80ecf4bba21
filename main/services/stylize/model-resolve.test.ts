import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg, sharedModel } from '../../../test-support/fixtures';
import { bundledModelFile } from '../store';
import { decodeImage } from '../video';
import { getModel } from './catalog';
import { StylizeError } from './errors';
import { resolveModel } from './model-resolve';
import { importModel } from './install';
import { blurNegateModel } from './test-models';
import { shutdownInference, stylizeImage } from './stylize-image';

function withData<T>(dir: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.YOUR_CARTOON_DATA;
  process.env.YOUR_CARTOON_DATA = dir;
  return f().finally(() => {
    if (before === undefined) delete process.env.YOUR_CARTOON_DATA;
    else process.env.YOUR_CARTOON_DATA = before;
  });
}

test('the default model is the bundled built-in style', async () => {
  const m = await resolveModel();
  assert.equal(m.id, 'builtin-toon');
  assert.match(m.file, /builtin[\\/]toon\.onnx$/);
  assert.equal(m.entry?.kind, 'builtin');
});

test('a catalog model that is not installed says how to get it', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-models-'));
  await withData(empty, async () => {
    await assert.rejects(resolveModel('cartoongan-hayao'), (e: unknown) => {
      assert.ok(e instanceof StylizeError && e.code === 'MODEL_NOT_FOUND');
      assert.match(e.message, /model "cartoongan-hayao" is not installed in .*no-models-.*models/);
      assert.match(e.message, /export it with models\/export\/cartoongan_to_onnx\.py/);
      return true;
    });
    await assert.rejects(resolveModel('./missing.onnx'), /missing\.onnx: model file not found/);
  });
});

test('a file outside the catalog uses the spec beside it; a broken spec is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-'));
  const file = join(dir, 'mine.onnx');
  copyFileSync(blurNegateModel(), file);
  const spec = { input: { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range: [0, 1] }, output: { name: 'out', layout: 'NCHW', channelOrder: 'RGB', range: [0, 1] }, sizeMultiple: 1 };
  writeFileSync(join(dir, 'mine.json'), JSON.stringify(spec));
  const m = await resolveModel(file);
  assert.equal(m.file, file);
  assert.equal(m.entry, undefined);
  assert.equal(m.spec.input.name, 'image');
  writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...spec, sizeMultiple: -2 }));
  await assert.rejects(resolveModel(file), /mine\.json: spec\.sizeMultiple must be a positive integer/);
});

test('a file with neither a catalog sha256 nor a spec beside it is fed the way the catalog specs its graph fits; a corrupt one is named as such', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fitted-'));
  // The built-in graph with one byte of its doc string changed: an unknown sha256, the built-in style's inputs/outputs.
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  const mine = join(dir, 'mine.onnx');
  writeFileSync(mine, bytes);
  const m = await resolveModel(mine);
  assert.equal(m.file, mine);
  assert.equal(m.entry, undefined, 'an unknown file is credited to no catalog model');
  assert.deepEqual(m.spec, getModel('builtin-toon').spec);
  const corrupt = join(dir, 'corrupt.onnx');
  writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await assert.rejects(resolveModel(corrupt), (e: unknown) => e instanceof StylizeError && e.code === 'MODEL_CORRUPT' && e.message.startsWith(`${corrupt}: not a model onnxruntime can load`));
  const other = join(dir, 'other.onnx');
  copyFileSync(blurNegateModel(), other);
  await assert.rejects(resolveModel(other), (e: unknown) => e instanceof StylizeError && e.code === 'MODEL_UNKNOWN' && /fit no known model and it has no spec beside it/.test(e.message));
});

test('White-box by id: found in YOUR_CARTOON_DATA by its sha256, whatever the file is called', async (t) => {
  const wb = sharedModel('whitebox_cartoon.onnx');
  if (!wb) return t.skip('../shared/models/whitebox_cartoon.onnx is absent');
  const data = mkdtempSync(join(tmpdir(), 'data-'));
  mkdirSync(join(data, 'models', 'imported'), { recursive: true });
  symlinkSync(wb, join(data, 'models', 'imported', 'my cartoon model.onnx')); // linked, never copied
  await withData(data, async () => {
    const m = await resolveModel('whitebox-cartoon');
    assert.equal(m.id, 'whitebox-cartoon');
    assert.equal(m.file, join(data, 'models', 'imported', 'my cartoon model.onnx'));
    assert.equal(m.spec.input.name, 'input_photo');
  });
});

test('a model the user imported under their own id resolves by that id, with its spec', async () => {
  const data = mkdtempSync(join(tmpdir(), 'imported-'));
  const spec = { input: { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range: [0, 1] }, output: { name: 'out', layout: 'NCHW', channelOrder: 'RGB', range: [0, 1] }, sizeMultiple: 1 } as const;
  await withData(data, async () => {
    await importModel(blurNegateModel(), { id: 'my-blur', spec: JSON.parse(JSON.stringify(spec)) });
    const m = await resolveModel('my-blur');
    assert.equal(m.id, 'my-blur');
    assert.ok(m.file.startsWith(data), m.file);
    assert.equal(m.spec.output.name, 'out');
    await assert.rejects(resolveModel('not-imported'), /no model "not-imported" in the catalog/);
  });
});

test('an imported id outside the catalog runs: the same graph as the built-in style gives the same picture', async () => {
  const data = mkdtempSync(join(tmpdir(), 'imported-run-'));
  // The built-in graph with one byte of its doc string changed: a valid model the catalog does not know by sha256.
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  const file = join(data, 'my toon.onnx');
  writeFileSync(file, bytes);
  const image = await decodeImage(makeWithFfmpeg('imported-run.png', ['-f', 'lavfi', '-i', 'testsrc2=size=128x72:rate=1', '-frames:v', '1']));
  await withData(data, async () => {
    const imported = await importModel(file, { id: 'my-toon' });
    assert.equal(imported.id, 'my-toon');
    const m = await resolveModel('my-toon');
    assert.deepEqual([m.id, m.file, m.entry?.id, m.entry?.kind], ['my-toon', imported.file, 'my-toon', 'builtin']);
    const mine = await stylizeImage(image, { model: 'my-toon', provider: 'cpu' });
    // Both in onnxruntime (the shipped file alone is computed natively on the CPU, within 1/255 of it).
    const builtin = await stylizeImage(image, { provider: 'cpu', engine: 'onnxruntime' });
    assert.equal(mine.model, 'my-toon');
    assert.ok(Buffer.from(mine.image.data).equals(Buffer.from(builtin.image.data)));
    assert.ok(!Buffer.from(mine.image.data).equals(Buffer.from(image.data)), 'and it is stylized');
  });
  await shutdownInference();
});
