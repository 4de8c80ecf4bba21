import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './bundled-paths';

/** The app's name and version from its package.json (what an exported PDF names as its creator). */
export function packageInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { productName?: string; version?: string };
    return { name: pkg.productName ?? 'Your Cartoon Is', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'Your Cartoon Is', version: '0.0.0' };
  }
}

/** "Your Cartoon Is 0.1.0". */
export const appCreator = (): string => `${packageInfo().name} ${packageInfo().version}`;
