#!/usr/bin/env node
// Builds the C++ feature kernels (node-addon-api, N-API: the same build loads in Node and in Electron).
// Run by `npm ci` (the package's own install script). Where no C++ toolchain is present the build fails softly:
// the app then runs the TypeScript kernels and says so; set YOUR_CARTOON_REQUIRE_NATIVE=1 (CI does) to make a
// failed build fail the install.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const dir = __dirname;
const required = process.env.YOUR_CARTOON_REQUIRE_NATIVE === '1';
// npm puts its bundled node-gyp on PATH for lifecycle scripts; outside npm, fall back to npx.
const gyp = process.env.npm_config_node_gyp
  ? [process.execPath, [process.env.npm_config_node_gyp]]
  : ['node-gyp', []];
const args = [...gyp[1], 'rebuild', '--release'];
if (process.env.JOBS === undefined) args.push('--jobs=max');
const r = spawnSync(gyp[0], args, { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status === 0) {
  console.log(`your-cartoon: native kernels built (${path.join(dir, 'build', 'Release')})`);
  process.exit(0);
}
const why = r.error ? r.error.message : `node-gyp exited with ${r.status}`;
console.warn(
  `your-cartoon: WARNING: the native kernels did not build (${why}). ` +
    'Key-frame analysis will use the TypeScript kernels (same results, about 10x slower). ' +
    'Install a C++ toolchain (build-essential / Xcode CLT / VS Build Tools) and run "npm rebuild your-cartoon-is".',
);
process.exit(required ? 1 : 0);
