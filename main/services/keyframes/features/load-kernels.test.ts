import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nativeAddonCandidates } from './load-kernels';

// loadKernels caches its answer per process, so each environment is tried in a child process.
function loadIn(env: Record<string, string>): { kind?: string; reason?: string; error?: string } {
  const script =
    "const { loadKernels } = require('./load-kernels');" +
    'try { const k = loadKernels(); console.log(JSON.stringify({ kind: k.kind, reason: k.reason, api: k.kernels.kind })); }' +
    'catch (e) { console.log(JSON.stringify({ error: e.message })); }';
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: __dirname,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

test('YOUR_CARTOON_KERNELS=typescript forces the reference and says why', () => {
  const r = loadIn({ YOUR_CARTOON_KERNELS: 'typescript' });
  assert.equal(r.kind, 'typescript');
  assert.match(r.reason ?? '', /YOUR_CARTOON_KERNELS=typescript/);
});

test('by default the native build is used when it exists, else the reason is given', () => {
  const built = nativeAddonCandidates().some((p) => existsSync(p));
  const r = loadIn({ YOUR_CARTOON_KERNELS: '' });
  if (built) {
    assert.equal(r.kind, 'native');
    assert.equal(r.reason, undefined);
  } else {
    assert.equal(r.kind, 'typescript');
    assert.match(r.reason ?? '', /not built/);
  }
  assert.ok(nativeAddonCandidates()[0].endsWith(join('main', 'native', 'build', 'Release', 'your_cartoon_kernels.node')));
});
