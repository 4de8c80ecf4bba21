#!/usr/bin/env node
// `npm start`: runs the desktop app from dist/ (npm start builds first). npm ci does not download the Electron
// runtime (package.json allowScripts denies electron's install script so an install never fails for want of it):
// it is fetched here, once, on first use.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** The runtime's executable as electron/index.js finds it (dist/ + path.txt), or undefined when not fetched. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

let exe = electronBinary();
if (!exe) {
  console.log('start: fetching the Electron runtime (first run only)...');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });
  exe = electronBinary();
  if (r.status !== 0 || !exe) {
    console.error('start: could not fetch the Electron runtime (no network?). "npx your-cartoon serve --open" runs the editor in a browser instead.');
    process.exit(1);
  }
}

const child = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
