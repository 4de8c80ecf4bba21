import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogEntry } from '../../../../app/stylize';
import type { Progress } from '../../../../app/progress';
import { CancelledError } from '../../jobs';
import { bundledModelFile, installedModelPaths, installedModelsDir } from '../../store';
import { getModel } from '../catalog';
import { installModel, InstallError, listModels, resolveInstalledModel, verificationText } from '.';
import { startModelServer, type ModelServer } from './test-server';

// The served model is a real ONNX graph: the app's own built-in style.
const MODEL = readFileSync(bundledModelFile('builtin/toon.onnx'));
const SHA = createHash('sha256').update(MODEL).digest('hex');
const builtin = getModel('builtin-toon');
const GARBAGE = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));

const roots: string[] = [];
const servers: ModelServer[] = [];
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'ycis-install-'));
  roots.push(root);
  process.env.YOUR_CARTOON_DATA = root;
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function serve(files: Parameters<typeof startModelServer>[0]): Promise<ModelServer> {
  const s = await startModelServer(files);
  servers.push(s);
  return s;
}

function entry(id: string, urls: string[], extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { ...builtin, id, kind: 'cartoongan', bundledFile: undefined, urls, sha256: SHA, size: MODEL.length, ...extra };
}

function assertNothingInstalled(id: string, opts: { partialKept?: boolean } = {}): void {
  const p = installedModelPaths(id);
  assert.equal(existsSync(p.file), false, `${p.file} must not exist`);
  assert.equal(existsSync(p.record), false, `${p.record} must not exist`);
  if (!opts.partialKept) assert.equal(existsSync(p.partial), false, `${p.partial} must be removed`);
  const stray = existsSync(installedModelsDir()) ? readdirSync(installedModelsDir()).filter((n) => n.endsWith('.tmp')) : [];
  assert.deepEqual(stray, []);
  assert.equal(resolveInstalledModel(id, [entry(id, [])]), undefined);
}

test('installs into YOUR_CARTOON_DATA with byte progress, checksum and a record', async () => {
  const server = await serve({ '/toon.onnx': { body: MODEL } });
  const e = entry('test-toon', [server.url('/toon.onnx')]);
  const progress: Progress[] = [];
  const got = await installModel(e, { onProgress: (p) => progress.push(p) });
  assert.equal(got.file, join(process.env.YOUR_CARTOON_DATA!, 'models', 'test-toon.onnx'));
  assert.ok(readFileSync(got.file).equals(MODEL));
  const bytes = progress.filter((p) => p.stage === 'download');
  assert.ok(bytes.length >= 2);
  assert.deepEqual(bytes.map((p) => p.done), [...bytes.map((p) => p.done)].sort((a, b) => a - b), 'progress never goes back');
  assert.equal(bytes.at(-1)?.done, MODEL.length);
  assert.equal(bytes.at(-1)?.total, MODEL.length);
  assert.equal(got.record?.sha256, SHA);
  assert.equal(got.record?.verified, 'sha256');
  assert.match(verificationText('sha256'), /checksum-verified/);
  const record = JSON.parse(readFileSync(installedModelPaths('test-toon').record, 'utf8'));
  assert.equal(record.size, MODEL.length);
  assert.equal(record.source.url, server.url('/toon.onnx'));
  assert.ok(!Number.isNaN(Date.parse(record.installedAt)));
  assert.deepEqual(record.spec, e.spec);
  assert.equal(existsSync(installedModelPaths('test-toon').partial), false);
  assert.equal(resolveInstalledModel('test-toon', [e])?.file, got.file);
  const listed = listModels([builtin, e]);
  assert.deepEqual(listed.map((l) => [l.entry.id, l.origin, l.installed, l.size]), [
    ['builtin-toon', 'bundled', true, MODEL.length],
    ['test-toon', 'catalog', true, MODEL.length],
  ]);
  // A second install finds it and downloads nothing.
  const before = server.requests.length;
  const again = await installModel(e);
  assert.equal(again.alreadyInstalled, true);
  assert.equal(server.requests.length, before);
});

test('resumes with a Range request after the connection is cut midway', async () => {
  const half = Math.floor(MODEL.length / 2);
  const server = await serve({ '/toon.onnx': { body: MODEL, cutFirstAt: half } });
  const got = await installModel(entry('resumed', [server.url('/toon.onnx')]));
  assert.ok(readFileSync(got.file).equals(MODEL));
  assert.equal(got.record?.sha256, SHA, 'the checksum covers the resumed bytes too');
  assert.deepEqual(server.requests.map((r) => [r.range, r.status]), [
    [undefined, 200],
    [`bytes=${half}-`, 206],
  ]);
});

test('an interrupted install leaves its partial file, and the next install resumes it', async () => {
  const half = Math.floor(MODEL.length / 3);
  const server = await serve({ '/toon.onnx': { body: MODEL, cutFirstAt: half } });
  const e = entry('resume-later', [server.url('/toon.onnx')]);
  await assert.rejects(installModel(e, { attemptsPerUrl: 1 }), (err: InstallError) => err.code === 'DOWNLOAD_FAILED' && /127\.0\.0\.1/.test(err.message));
  assertNothingInstalled('resume-later', { partialKept: true });
  assert.equal(statSync(installedModelPaths('resume-later').partial).size, half);
  const got = await installModel(e, { attemptsPerUrl: 1 });
  assert.ok(readFileSync(got.file).equals(MODEL));
  assert.deepEqual(server.requests.at(-1), { path: '/toon.onnx', range: `bytes=${half}-`, status: 206 });
});

test('a wrong checksum is rejected and nothing is installed', async () => {
  const server = await serve({ '/toon.onnx': { body: MODEL } });
  const e = entry('bad-sum', [server.url('/toon.onnx')], { sha256: '0'.repeat(64) });
  await assert.rejects(installModel(e), (err: InstallError) => {
    assert.equal(err.code, 'CHECKSUM_MISMATCH');
    assert.match(err.message, new RegExp(`sha256 ${SHA}, expected 0{64}`));
    return true;
  });
  assertNothingInstalled('bad-sum');
});

test('a 404 fails with the URL and status; the next URL in the list is tried', async () => {
  const server = await serve({ '/toon.onnx': { body: MODEL } });
  const missing = server.url('/gone.onnx');
  await assert.rejects(installModel(entry('missing', [missing])), (err: InstallError) => {
    assert.equal(err.code, 'DOWNLOAD_FAILED');
    assert.ok(err.message.includes(missing) && err.message.includes('HTTP 404'), err.message);
    return true;
  });
  assertNothingInstalled('missing');
  const got = await installModel(entry('mirror', [missing, server.url('/toon.onnx')]));
  assert.equal(got.record?.source.type === 'download' && got.record.source.url, server.url('/toon.onnx'));
});

test('a file that onnxruntime cannot load is rejected; without sha256 that is the only check', async () => {
  const server = await serve({ '/corrupt.onnx': { body: GARBAGE }, '/toon.onnx': { body: MODEL } });
  const corrupt = entry('corrupt', [server.url('/corrupt.onnx')], { sha256: undefined, size: undefined });
  await assert.rejects(installModel(corrupt), (err: InstallError) => {
    assert.equal(err.code, 'MODEL_INVALID');
    assert.match(err.message, /onnxruntime can(not|'t) load|not a model onnxruntime can load/);
    return true;
  });
  assertNothingInstalled('corrupt');
  // The same graph under a spec it does not have (names) is refused too.
  const wrongSpec = entry('wrong-spec', [server.url('/toon.onnx')], { spec: { ...builtin.spec, input: { ...builtin.spec.input, name: 'input_photo' } } });
  await assert.rejects(installModel(wrongSpec), (err: InstallError) => err.code === 'MODEL_INVALID' && /input_photo/.test(err.message));
  assertNothingInstalled('wrong-spec');
  // A good file without a checksum installs, and says it was only loaded.
  const unsummed = await installModel(entry('no-sum', [server.url('/toon.onnx')], { sha256: undefined }));
  assert.equal(unsummed.record?.verified, 'loaded');
  assert.match(verificationText('loaded'), /not checksum-verified/);
});

test('no network (nothing listening at the address): a plain reason, the URL, and nothing installed', async () => {
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  const { port } = closed.address() as AddressInfo;
  await new Promise((done) => closed.close(done));
  const url = `http://127.0.0.1:${port}/toon.onnx`;
  await assert.rejects(installModel(entry('offline', [url]), { attemptsPerUrl: 1 }), (err: InstallError) => {
    assert.equal(err.code, 'DOWNLOAD_FAILED');
    assert.ok(err.message.includes(`nothing was installed: ${url}: the server refused the connection (ECONNREFUSED); check the connection`), err.message);
    return true;
  });
  assertNothingInstalled('offline');
});

test('no URL: the error says how to get the file', async () => {
  const e = entry('export-only', [], { export: { script: 'models/export/cartoongan_to_onnx.py', from: 'http://example.invalid/Hayao_net_G_float.pth' } });
  await assert.rejects(installModel(e), (err: InstallError) => {
    assert.equal(err.code, 'NO_DOWNLOAD');
    assert.match(err.message, /models import FILE.*models install-dir DIR.*cartoongan_to_onnx\.py.*Hayao_net_G_float\.pth/);
    return true;
  });
  assert.equal(existsSync(installedModelsDir()), false);
});

test('cancel stops the download, keeps the partial for later and installs nothing', async () => {
  const server = await serve({ '/slow.onnx': { body: MODEL, trickle: { chunk: 256, ms: 20 } } });
  const controller = new AbortController();
  const install = installModel(entry('cancelled', [server.url('/slow.onnx')]), {
    signal: controller.signal,
    onProgress: (p) => p.done > 512 && controller.abort(),
  });
  await assert.rejects(install, CancelledError);
  assertNothingInstalled('cancelled', { partialKept: true });
});

test('a full disk is reported clearly and leaves nothing behind', async (t) => {
  if (process.platform !== 'linux' || !existsSync('/dev/full')) return t.skip('needs /dev/full (Linux) to make writes fail with ENOSPC');
  const server = await serve({ '/toon.onnx': { body: MODEL } });
  mkdirSync(installedModelsDir(), { recursive: true });
  // Every write to the partial file goes to /dev/full, which fails them with a real ENOSPC.
  symlinkSync('/dev/full', installedModelPaths('full').partial);
  await assert.rejects(installModel(entry('full', [server.url('/toon.onnx')])), (err: InstallError) => {
    assert.equal(err.code, 'DISK_FULL');
    assert.match(err.message, /disk is full \(ENOSPC\)/);
    return true;
  });
  assertNothingInstalled('full');
});

test('the built-in style is always installed and resolves to the file shipped with the app', async () => {
  const got = resolveInstalledModel('builtin-toon');
  assert.equal(got?.file, bundledModelFile('builtin/toon.onnx'));
  assert.equal(got?.entry.kind, 'builtin');
  assert.equal((await installModel(builtin)).alreadyInstalled, true);
  assert.ok(listModels().find((l) => l.entry.id === 'builtin-toon')?.installed);
  writeFileSync(join(process.env.YOUR_CARTOON_DATA!, 'unrelated.txt'), 'x'); // a data folder with other files lists the same
  assert.equal(listModels().filter((l) => l.origin === 'imported').length, 0);
});
