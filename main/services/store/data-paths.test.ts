import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundledModelFile, dataDir, dataDirFor, installedModelPaths, packageRoot } from '.';

test('the data folder is the platform’s usual place, YOUR_CARTOON_DATA first', () => {
  const home = '/home/ann';
  assert.equal(dataDirFor('linux', {}, home), '/home/ann/.local/share/your-cartoon-is');
  assert.equal(dataDirFor('linux', { XDG_DATA_HOME: '/xdg' }, home), '/xdg/your-cartoon-is');
  assert.equal(dataDirFor('linux', { XDG_DATA_HOME: 'relative/ignored' }, home), '/home/ann/.local/share/your-cartoon-is');
  assert.equal(dataDirFor('darwin', {}, '/Users/ann'), join('/Users/ann', 'Library', 'Application Support', 'Your Cartoon Is'));
  assert.equal(dataDirFor('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'), join('C:\\Users\\ann\\AppData\\Roaming', 'Your Cartoon Is'));
  assert.equal(dataDirFor('darwin', { YOUR_CARTOON_DATA: '/tmp/yc' }, '/Users/ann'), resolve('/tmp/yc'));
});

test('YOUR_CARTOON_DATA is read at each call and models live in <data>/models', () => {
  const saved = process.env.YOUR_CARTOON_DATA;
  const root = mkdtempSync(join(tmpdir(), 'ycis-data-'));
  try {
    process.env.YOUR_CARTOON_DATA = root;
    assert.equal(dataDir(), root);
    assert.deepEqual(installedModelPaths('whitebox-cartoon'), {
      file: join(root, 'models', 'whitebox-cartoon.onnx'),
      record: join(root, 'models', 'whitebox-cartoon.json'),
      partial: join(root, 'models', 'whitebox-cartoon.onnx.partial'),
    });
  } finally {
    if (saved === undefined) delete process.env.YOUR_CARTOON_DATA;
    else process.env.YOUR_CARTOON_DATA = saved;
    rmSync(root, { recursive: true, force: true });
  }
});

test('bundled models are found in the package, and in a packaged app in app.asar.unpacked first', () => {
  assert.ok(existsSync(join(packageRoot(), 'package.json')));
  assert.equal(bundledModelFile('builtin/toon.onnx'), join(packageRoot(), 'models', 'builtin', 'toon.onnx'));
  const p = process as NodeJS.Process & { resourcesPath?: string };
  const resources = mkdtempSync(join(tmpdir(), 'ycis-resources-'));
  try {
    const unpacked = join(resources, 'app.asar.unpacked', 'models', 'builtin');
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(unpacked, 'toon.onnx'), 'x');
    p.resourcesPath = resources;
    assert.equal(bundledModelFile('builtin/toon.onnx'), join(unpacked, 'toon.onnx'));
    // Not in the package at all: the in-package path, so an error names where it was expected.
    assert.equal(bundledModelFile('builtin/none.onnx'), join(packageRoot(), 'models', 'builtin', 'none.onnx'));
  } finally {
    delete p.resourcesPath;
    rmSync(resources, { recursive: true, force: true });
  }
});
