import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Folder name inside the platform's per-user data location. */
const APP_FOLDER = { linux: 'your-cartoon-is', darwin: 'Your Cartoon Is', win32: 'Your Cartoon Is' };

/**
 * The user's data folder for a given platform and environment (pure, so every platform's answer is testable here):
 * YOUR_CARTOON_DATA when set; else Windows %APPDATA%\Your Cartoon Is, macOS ~/Library/Application Support/Your
 * Cartoon Is, and elsewhere $XDG_DATA_HOME/your-cartoon-is or ~/.local/share/your-cartoon-is.
 */
export function dataDirFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (env.YOUR_CARTOON_DATA) return resolve(env.YOUR_CARTOON_DATA);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER.win32);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER.darwin);
  // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(xdg, APP_FOLDER.linux);
}

/** This process's data folder (read each time: tests and the CLI may set YOUR_CARTOON_DATA). */
export function dataDir(): string {
  return dataDirFor(process.platform, process.env, homedir());
}

/** Where installed and imported models live: <data>/models. */
export function installedModelsDir(): string {
  return join(dataDir(), 'models');
}

/** An installed model's files: the graph, its install record, and the download in progress. */
export function installedModelPaths(id: string): { file: string; record: string; partial: string } {
  const dir = installedModelsDir();
  return {
    file: join(dir, `${id}.onnx`),
    record: join(dir, `${id}.json`),
    partial: join(dir, `${id}.onnx.partial`),
  };
}
