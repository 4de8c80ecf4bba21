import { existsSync } from 'node:fs';

/** Debian's Chromium (CI installs the `chromium` package) or one named by CHROMIUM_PATH; undefined when none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Flags for a quiet headless Chromium in a container (no sandbox: CI runs as root; no network chatter). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Electron runtime's executable, or why there is none (npm ci leaves it out on purpose; see the README). */
export function findElectron(): { path?: string; reason?: string } {
  let path: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    path = require('electron') as string;
  } catch {
    return { reason: 'Electron runtime not installed (fetch it with "node node_modules/electron/install.js", or run "npm start")' };
  }
  if (!existsSync(path)) return { reason: `Electron runtime not installed (${path} is missing)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'Electron needs a display (no DISPLAY or WAYLAND_DISPLAY; try xvfb-run)' };
  }
  return { path };
}
