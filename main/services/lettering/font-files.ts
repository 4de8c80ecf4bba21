import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_FILES } from '../../../app/lettering/fonts';
import { packageRoot } from '../store';

/**
 * Where each font the app serves comes from: files of the npm packages the app depends on (OFL), read in place. In
 * a packaged Electron app they sit in app.asar's node_modules, which Electron's fs reads (nothing native opens them,
 * so nothing needs unpacking); electron-builder.yml keeps only these files of the packages.
 */
const SOURCES: Record<string, [pkg: string, path: string]> = {
  'ComicNeue-Bold.woff': ['@fontsource/comic-neue', 'files/comic-neue-latin-700-normal.woff'],
  'Pretendard-Bold.ttf': ['pretendard', 'dist/public/static/alternative/Pretendard-Bold.ttf'],
  'Pretendard-Regular.ttf': ['pretendard', 'dist/public/static/alternative/Pretendard-Regular.ttf'],
  'PretendardJP-Bold.ttf': ['pretendard-jp', 'dist/public/static/alternative/PretendardJP-Bold.ttf'],
};

export class FontMissingError extends Error {
  readonly code = 'FONT_MISSING';
  constructor(file: string, tried: string[]) {
    super(`the lettering font ${file} is missing (looked in ${tried.join(', ')}): reinstall the app, or run npm ci`);
    this.name = 'FontMissingError';
  }
}

/** The package folder of an npm package, from the app's own node_modules or any node_modules above it. */
function packageDirs(pkg: string): string[] {
  const dirs = [join(packageRoot(), 'node_modules', pkg)];
  try {
    for (const p of require.resolve.paths(pkg) ?? []) dirs.push(join(p, pkg));
  } catch {
    // no resolution paths (a bundled build): the app's node_modules only
  }
  return [...new Set(dirs)];
}

/** The path of a served font file (one of FONT_FILES); FontMissingError when it is not installed. */
export function fontFilePath(file: string): string {
  const source = SOURCES[file];
  if (!source || !FONT_FILES.includes(file)) throw new RangeError(`no font file ${file}`);
  const tried = packageDirs(source[0]).map((d) => join(d, source[1]));
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new FontMissingError(file, tried.slice(0, 2));
  return found;
}

export function isFontFile(name: string): boolean {
  return Object.hasOwn(SOURCES, name) && FONT_FILES.includes(name);
}
