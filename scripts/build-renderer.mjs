#!/usr/bin/env node
// Bundles the editor UI (renderer/) with esbuild into dist/renderer: index.html, app.js, app.css. The browser host
// (`your-cartoon serve`) and Electron both load that folder. `node scripts/build-renderer.mjs [OUT_DIR]`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the renderer into outDir (default dist/renderer); returns the folder. */
export async function buildRenderer(outDir = join(root, 'dist', 'renderer')) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(root, 'renderer', 'main.tsx') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Electron 41's Chromium and current browsers.
    target: ['chrome120', 'firefox120', 'safari17'],
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'renderer', 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

// No top-level await: tests load this module through tsx's require.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildRenderer(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    (out) => console.log(`renderer built into ${out}`),
    (err) => {
      console.error(`build-renderer: ${err.message}`);
      process.exit(1);
    },
  );
}
