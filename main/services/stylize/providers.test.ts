import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { autoOrder, listProviders, planProviders } from './providers';
import { physicalCores, sessionOptions } from './session-options';

const cudaLib = join(dirname(require.resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', process.platform, process.arch, 'libonnxruntime_providers_cuda.so');

test('the provider list always has CPU and says why the others are missing', () => {
  const infos = listProviders();
  assert.deepEqual(infos.map((i) => i.name).sort(), ['coreml', 'cpu', 'cuda', 'dml']);
  assert.ok(infos.find((i) => i.name === 'cpu')?.available);
  for (const i of infos) if (!i.available) assert.ok(i.reason && i.reason.length > 10, `${i.name} has a reason`);
  if (process.platform === 'linux') {
    assert.equal(infos.find((i) => i.name === 'cuda')?.available, existsSync(cudaLib), 'CUDA is usable exactly when its library is installed');
    assert.equal(infos.find((i) => i.name === 'dml')?.available, false);
  }
});

test('auto prefers a GPU provider where present and always ends with CPU', () => {
  const all = ['cpu', 'cuda', 'dml', 'coreml'].map((name) => ({ name, available: true })) as ReturnType<typeof listProviders>;
  const order = autoOrder(all);
  assert.equal(order.at(-1), 'cpu');
  if (process.platform === 'linux') assert.deepEqual(order, ['cuda', 'cpu']);
  if (process.platform === 'win32') assert.deepEqual(order, ['cuda', 'dml', 'cpu']);
  if (process.platform === 'darwin') assert.deepEqual(order, ['coreml', 'cpu']);
  assert.deepEqual(autoOrder([{ name: 'cpu', available: true }]), ['cpu']);
});

test('an explicit provider that is absent is skipped with its reason, and CPU runs', () => {
  const infos = listProviders();
  const plan = planProviders('dml', [...infos.filter((i) => i.name !== 'dml'), { name: 'dml', available: false, reason: 'DirectML exists only on Windows' }]);
  assert.deepEqual(plan.attempts, ['cpu']);
  assert.match(plan.skipped[0], /^dml: DirectML exists only on Windows/);
  assert.deepEqual(planProviders('cuda', [{ name: 'cpu', available: true }, { name: 'cuda', available: true }]).attempts, ['cuda', 'cpu']);
});

test('tuned session options use the physical cores and full graph optimisation', () => {
  const n = physicalCores();
  assert.ok(n >= 1 && n <= require('node:os').availableParallelism());
  const o = sessionOptions('tuned');
  assert.equal(o.intraOpNumThreads, n);
  assert.equal(o.graphOptimizationLevel, 'all');
  assert.equal(o.executionMode, 'sequential');
  assert.deepEqual(sessionOptions('default'), {});
});
