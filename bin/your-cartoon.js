#!/usr/bin/env node
// Entry of the `your-cartoon` command: the compiled CLI (npm run build / npm ci), or the TypeScript source
// through tsx in a development checkout that has not been built.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
let cli;
if (existsSync(compiled)) {
  cli = require(compiled);
} else {
  try {
    require('tsx/cjs');
  } catch {
    console.error('your-cartoon: not built yet. Run "npm run build" (or "npm ci") first.');
    process.exit(1);
  }
  cli = require(path.join(__dirname, '..', 'main', 'cli.ts'));
}
// The first Ctrl-C cancels the running job (its ffmpeg and inference stop, partial files are removed);
// a second one exits at once.
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\nyour-cartoon: cancelling (Ctrl-C again to quit at once)\n');
  controller.abort();
});
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stderr.isTTY),
  signal: controller.signal,
};
cli.main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`your-cartoon: ${err && err.stack ? err.stack : err}`); process.exitCode = 1; },
);
