import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findModel, findModelByFile, findModelBySha256, getModel, loadCatalog, sha256File, validateCatalog } from './catalog';
import { StylizeError } from './errors';
import { firstChannelModel } from './test-models';

const good = () => JSON.parse(JSON.stringify(loadCatalog())) as { schemaVersion: 1; models: Record<string, unknown>[] };

test('the shipped catalog validates and has the entries this service relies on', () => {
  const c = loadCatalog();
  for (const id of ['cartoongan-hayao', 'cartoongan-hosoda', 'cartoongan-paprika', 'cartoongan-shinkai', 'whitebox-cartoon', 'deeplabv3-person']) {
    assert.ok(findModel(id, c), `catalog has ${id}`);
  }
  const wb = getModel('whitebox-cartoon', c);
  assert.equal(wb.spec.input.layout, 'NHWC');
  assert.equal(wb.spec.input.channelOrder, 'BGR');
  assert.equal(wb.sha256, '2629c30558336914fec47cf45f10ad53d45f0bdeab79513c0f0c221b83dc85d9');
  const seg = getModel('deeplabv3-person', c);
  assert.deepEqual(seg.spec.fixedSize, { width: 257, height: 257 });
  assert.equal(seg.personClass, 15);
  const hayao = getModel('cartoongan-hayao', c);
  assert.equal(hayao.spec.input.layout, 'NCHW');
  assert.equal(hayao.spec.input.channelOrder, 'BGR');
  assert.equal(hayao.sha256, undefined, 'no ONNX download exists, so no ONNX sha256');
  assert.match(hayao.export?.from ?? '', /Hayao_net_G_float\.pth$/);
});

test('a malformed entry is rejected with the entry id and every problem named', () => {
  const cases: [string, (m: Record<string, unknown>) => void, RegExp][] = [
    ['bad layout', (m) => ((m.spec as { input: { layout: string } }).input.layout = 'CHW'), /"cartoongan-hayao".*spec\.input\.layout must be "NCHW" or "NHWC"/],
    ['bad range', (m) => ((m.spec as { output: { range: number[] } }).output.range = [0, 2]), /spec\.output\.range must be/],
    ['no licence', (m) => delete m.licence, /licence must have a name and commercialUse/],
    ['bad sha', (m) => (m.sha256 = 'XYZ'), /sha256 must be 64 lower-case hex digits/],
    ['bad url', (m) => (m.urls = ['ftp://x']), /urls must be a list of http\(s\) addresses/],
    ['bad kind', (m) => (m.kind = 'painting'), /kind must be one of/],
    ['bad multiple', (m) => ((m.spec as { sizeMultiple: number }).sizeMultiple = 0), /sizeMultiple must be a positive integer/],
  ];
  for (const [what, spoil, message] of cases) {
    const c = good();
    spoil(c.models.find((m) => m.id === 'cartoongan-hayao')!);
    assert.throws(() => validateCatalog(c, 'test-catalog.json'), (err: unknown) => {
      assert.ok(err instanceof StylizeError, what);
      assert.equal(err.code, 'CATALOG_INVALID');
      assert.match(err.message, /^test-catalog\.json: /);
      assert.match(err.message, message, what);
      return true;
    });
  }
  const dup = good();
  dup.models.push(dup.models[0]);
  assert.throws(() => validateCatalog(dup, 'x.json'), /duplicate id/);
  assert.throws(() => validateCatalog({ models: {} }, 'x.json'), /expected \{"schemaVersion": 1/);
});

test('a catalog file that is not JSON gets a message naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  const file = join(dir, 'catalog.json');
  writeFileSync(file, '{ "schemaVersion": 1, "models": [');
  assert.throws(() => loadCatalog(file), (err: unknown) => err instanceof StylizeError && err.code === 'CATALOG_INVALID' && err.message.startsWith(`${file}: not valid JSON`));
  assert.throws(() => getModel('no-such-model'), /no model "no-such-model" in the catalog \(known: .*whitebox-cartoon/);
});

test('a model file is found by its sha256', async () => {
  const file = firstChannelModel();
  const sha = await sha256File(file);
  assert.match(sha, /^[0-9a-f]{64}$/);
  const c = good();
  const entry = { ...c.models.find((m) => m.id === 'cartoongan-hayao')!, id: 'test-first-channel', sha256: sha };
  c.models.push(entry);
  const catalog = validateCatalog(c, 'test');
  assert.equal((await findModelByFile(file, catalog))?.id, 'test-first-channel');
  assert.equal(findModelBySha256(sha.toUpperCase(), catalog)?.id, 'test-first-channel');
  assert.equal(await findModelByFile(file), undefined, 'not in the shipped catalog');
});
