#!/usr/bin/env node
// Runs every *.test.ts under app/, main/, models/, scripts/, test-support/, bench/, renderer/ and e2e/ with Node's own test runner
// (through tsx, so tests run from source). Extra arguments are passed on, e.g. `npm test -- --test-name-pattern=glcm`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['app', 'main', 'models', 'scripts', 'test-support', 'bench', 'renderer', 'e2e'];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(relative(root, path));
  }
}
for (const r of roots) {
  try { walk(join(root, r)); } catch { /* folder absent */ }
}
const filter = process.env.TEST_FILTER;
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
// With no file named, node --test would pick its own (dist/'s compiled copies too): never run that by mistake.
if (chosen.length === 0) {
  console.error(`run-tests: no test file matches TEST_FILTER=${filter}`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...chosen.sort()];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
