#!/usr/bin/env node
// Builds the C++ feature kernels (node-addon-api, N-API: the same build loads in Node and in Electron).
// Run by `npm ci` (the package's own install script). Where no C++ toolchain is present the build fails softly:
// the app then runs the TypeScript kernels and says so; set YOUR_CARTOON_REQUIRE_NATIVE=1 (CI does) to make a
// failed build fail the install.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const dir = __dirname;
const required = process.env.YOUR_CARTOON_REQUIRE_NATIVE === '1';

// npm tells lifecycle scripts where its bundled node-gyp is. Run by hand (`node main/native/build.js`), use the
// project's own node-gyp, else the one bundled with the npm next to this node, else node-gyp on PATH.
function findNodeGyp() {
  if (process.env.npm_config_node_gyp) return [process.execPath, [process.env.npm_config_node_gyp]];
  try {
    return [process.execPath, [require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.join(dir, '..', '..')] })]];
  } catch {
    /* not installed locally */
  }
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  for (const lib of [path.join(prefix, 'lib'), path.dirname(process.execPath)]) {
    const bundled = path.join(lib, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (existsSync(bundled)) return [process.execPath, [bundled]];
  }
  return ['node-gyp', []];
}

const gyp = findNodeGyp();
const args = [...gyp[1], 'rebuild', '--release'];
if (process.env.JOBS === undefined) args.push('--jobs=max');
// Outside npm the npmrc's nodedir is not passed on: use the headers installed with this node when there are some,
// instead of letting node-gyp download them.
const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
if (!process.env.npm_config_nodedir && existsSync(path.join(nodePrefix, 'include', 'node', 'node_api.h'))) {
  args.push(`--nodedir=${nodePrefix}`);
}
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
