import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Where an ffmpeg or ffprobe binary came from: shown to the user by the CLI and the UI. */
export type BinarySource = 'env' | 'ffmpeg-static' | '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe' | 'PATH';

export interface LocatedBinary {
  path: string;
  source: BinarySource;
  version: string;
}

export class FfmpegNotFoundError extends Error {
  constructor(readonly tool: 'ffmpeg' | 'ffprobe', readonly tried: string[]) {
    super(
      `${tool} was not found. Tried: ${tried.join('; ')}. ` +
        `Reinstall with "npm ci", install ${tool} on your PATH, or set ${tool.toUpperCase()}_PATH to its full path.`,
    );
    this.name = 'FfmpegNotFoundError';
  }
}

/** Inside a packaged Electron app, binaries live in app.asar.unpacked, not in the archive. */
function unpacked(path: string): string {
  return path.replace(`app.asar${'/'}`, `app.asar.unpacked/`).replace('app.asar\\', 'app.asar.unpacked\\');
}

function requirePath(moduleName: string, pick: (m: unknown) => unknown): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const value = pick(require(moduleName));
    return typeof value === 'string' ? unpacked(value) : undefined;
  } catch {
    return undefined;
  }
}

/** npm 11 skips some packages' chmod postinstall, and tarballs sometimes lose the mode bit: restore it. */
function ensureExecutable(path: string): boolean {
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    if (process.platform === 'win32') return true;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      chmodSync(path, 0o755);
      accessSync(path, constants.X_OK);
      return true;
    }
  } catch {
    return false;
  }
}

function onPath(tool: string): string | undefined {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && ensureExecutable(join(dir, exe))) return join(dir, exe);
  }
  return undefined;
}

function versionOf(path: string): string | undefined {
  const out = spawnSync(path, ['-version'], { encoding: 'utf8', timeout: 15000 });
  if (out.status !== 0 || !out.stdout) return undefined;
  const m = /version\s+(\S+)/.exec(out.stdout);
  return m ? m[1] : 'unknown';
}

type Candidate = { source: BinarySource; path: () => string | undefined; label: string };

function locate(tool: 'ffmpeg' | 'ffprobe', candidates: Candidate[]): LocatedBinary {
  const tried: string[] = [];
  for (const c of candidates) {
    const path = c.path();
    if (!path) {
      tried.push(`${c.label} (not installed)`);
      continue;
    }
    if (!ensureExecutable(path)) {
      tried.push(`${c.label} (${path} missing or not executable)`);
      continue;
    }
    const version = versionOf(path);
    if (!version) {
      tried.push(`${c.label} (${path} does not run)`);
      continue;
    }
    return { path, source: c.source, version };
  }
  throw new FfmpegNotFoundError(tool, tried);
}

let ffmpegCache: LocatedBinary | undefined;
let ffprobeCache: LocatedBinary | null | undefined;

/**
 * The one ffmpeg locator: FFMPEG_PATH, then ffmpeg-static (an optional dependency whose binary is downloaded at
 * install and may be absent), then @ffmpeg-installer/ffmpeg (binary shipped inside the npm package), then PATH.
 */
export function locateFfmpeg(): LocatedBinary {
  if (ffmpegCache) return ffmpegCache;
  const env = process.env.FFMPEG_PATH;
  const candidates: Candidate[] = env
    ? [{ source: 'env', path: () => env, label: 'FFMPEG_PATH' }]
    : [
        { source: 'ffmpeg-static', path: () => requirePath('ffmpeg-static', (m) => m), label: 'ffmpeg-static' },
        {
          source: '@ffmpeg-installer/ffmpeg',
          path: () => requirePath('@ffmpeg-installer/ffmpeg', (m) => (m as { path?: string }).path),
          label: '@ffmpeg-installer/ffmpeg',
        },
        { source: 'PATH', path: () => onPath('ffmpeg'), label: 'ffmpeg on PATH' },
      ];
  ffmpegCache = locate('ffmpeg', candidates);
  return ffmpegCache;
}

/**
 * ffprobe, found the same way (FFPROBE_PATH, @ffprobe-installer/ffprobe, next to ffmpeg, PATH).
 * Returns null when there is none: the prober then reads ffmpeg's own stream report instead.
 */
export function locateFfprobe(): LocatedBinary | null {
  if (ffprobeCache !== undefined) return ffprobeCache;
  const env = process.env.FFPROBE_PATH;
  const exe = process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe';
  const candidates: Candidate[] = env
    ? [{ source: 'env', path: () => env, label: 'FFPROBE_PATH' }]
    : [
        {
          source: '@ffprobe-installer/ffprobe',
          path: () => requirePath('@ffprobe-installer/ffprobe', (m) => (m as { path?: string }).path),
          label: '@ffprobe-installer/ffprobe',
        },
        { source: 'PATH', path: () => onPath('ffprobe'), label: 'ffprobe on PATH' },
      ];
  if (!env && process.env.FFMPEG_PATH) {
    const beside = join(process.env.FFMPEG_PATH, '..', exe);
    candidates.unshift({ source: 'env', path: () => beside, label: 'ffprobe beside FFMPEG_PATH' });
  }
  try {
    ffprobeCache = locate('ffprobe', candidates);
  } catch {
    ffprobeCache = null;
  }
  return ffprobeCache;
}

/** For tests that change the environment. */
export function resetFfmpegLocator(): void {
  ffmpegCache = undefined;
  ffprobeCache = undefined;
}
