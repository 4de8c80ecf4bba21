import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The package root (package.json, models/). From source (tsx) and from dist/ alike this file sits at
 * <root>/[dist/]main/services/store, so walk up until models/catalog.json appears.
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'models', 'catalog.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '..', '..', '..');
}

/**
 * Folders that may hold the files shipped under models/, best first. In a packaged Electron app they are in
 * app.asar, and onnxruntime's native loader cannot read from inside an archive, so app.asar.unpacked (or a
 * copy in resources/) comes before it.
 */
function bundledModelDirs(): string[] {
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const packaged = resources
    ? [join(resources, 'app.asar.unpacked', 'models'), join(resources, 'models'), join(resources, 'app.asar', 'models')]
    : [];
  return [...packaged, join(packageRoot(), 'models')];
}

/**
 * The one function that finds a file shipped with the app, by its path relative to models/
 * (e.g. 'builtin/toon.onnx', the catalog's `bundledFile`). Returns the first existing candidate, else the
 * in-package path (so an error names where it was expected).
 */
export function bundledModelFile(relative: string): string {
  const parts = relative.split('/');
  const dirs = bundledModelDirs();
  for (const dir of dirs) {
    const file = join(dir, ...parts);
    if (existsSync(file)) return file;
  }
  return join(dirs[dirs.length - 1], ...parts);
}
