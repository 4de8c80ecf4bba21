#!/usr/bin/env node
// Entry of the `your-cartoon` command: the compiled CLI (npm run build / npm ci), or the TypeScript source
// through tsx in a development checkout that has not been built.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
let cli;
// YOUR_CARTOON_FROM_SOURCE=1 runs the TypeScript source even where dist/ is built (the suite's child processes).
if (existsSync(compiled) && !process.env.YOUR_CARTOON_FROM_SOURCE) {
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
// The first Ctrl-C (or a SIGTERM: a service manager, `kill`) cancels the running job: its ffmpeg and inference
// stop, partial files are removed, `serve` closes its connections and releases its sessions. A second one exits
// at once.
const controller = new AbortController();
const stop = (signal) => () => {
  if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
  process.stderr.write(`\nyour-cartoon: ${signal === 'SIGTERM' ? 'stopping' : 'cancelling (Ctrl-C again to quit at once)'}\n`);
  controller.abort();
};
process.on('SIGINT', stop('SIGINT'));
process.on('SIGTERM', stop('SIGTERM'));
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
