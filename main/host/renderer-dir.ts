import { join } from 'node:path';
import { packageRoot } from '../services/store';

/** Where `npm run build` puts the bundled UI: <package>/dist/renderer (the same for the host and Electron). */
export function defaultRendererDir(): string {
  return join(packageRoot(), 'dist', 'renderer');
}
