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
  assert.equal(hayao.spec.input.range.join(), '-1,1');
  assert.equal(hayao.spec.sizeMultiple, 4);
  assert.equal(hayao.spec.recommendedLongSide, 450);
  assert.equal(hayao.spec.globalNormalization, true);
  assert.match(hayao.export?.from ?? '', /Hayao_net_G_float\.pth$/);
  // The four files of ../shared/models are known by their sha256 (shared/models/README.md), research weights with
  // no licence stated: flagged not for commercial use and credited.
  const sums: Record<string, string> = {
    hayao: 'e488b790f1a4585ee16cc6daf1c59e2c7abbfd26ee9912467b57c672b036df70',
    hosoda: '0653c9faeecc9db1b041b5ceaffa9dfa51e005c1c10b2edbacf0871a09fac882',
    paprika: 'a930466309e1983232e8a52c91923bcb641410fe6eb39c6e103f6d6747e3dc6c',
    shinkai: '7477cfac9932f31431589152221da6a3de7485f7871454b69593633284b188df',
  };
  for (const [style, sha] of Object.entries(sums)) {
    const e = getModel(`cartoongan-${style}`, c);
    assert.equal(e.sha256, sha, style);
    assert.deepEqual(e.spec, hayao.spec, `${style}: the same graph, the same spec`);
    assert.equal(e.licence.commercialUse, false);
    assert.match(e.licence.name, /No licence stated/);
    assert.match(e.licence.attribution ?? '', /Chen, Yu-Kun Lai, Yong-Jin Liu.*CVPR 2018/);
  }
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
