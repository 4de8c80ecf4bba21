import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { nativeKernels, NATIVE_KERNELS_ABI, type NativeAddon } from './native-kernels';
import { typescriptKernels } from './typescript-kernels';
import type { FeatureKernels } from './types';

export interface LoadedKernels {
  kernels: FeatureKernels;
  kind: 'native' | 'typescript';
  /** Why the TypeScript kernels are used (the CLI prints it); absent for native. */
  reason?: string;
}

const ADDON_FILE = 'your_cartoon_kernels.node';

/** Where node-gyp leaves the addon, from the sources (main/services/...) and from the compiled dist/main/services/.... */
export function nativeAddonCandidates(): string[] {
  const fromSource = resolve(__dirname, '..', '..', '..', 'native', 'build', 'Release', ADDON_FILE);
  const fromDist = resolve(__dirname, '..', '..', '..', '..', '..', 'main', 'native', 'build', 'Release', ADDON_FILE);
  // Inside a packaged Electron app native modules live in app.asar.unpacked.
  return [fromSource, fromDist].map((p) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'));
}

/**
 * The native addon as an object with the functions a caller needs (`has` says whether these are there), or null
 * where it is not built or does not load: for parts that fall back on their own (the built-in style, the 4:2:0
 * conversion), without the feature kernels' ABI check.
 */
export function nativeAddonWith<T>(has: (addon: Partial<T>) => boolean): T | null {
  const path = nativeAddonCandidates().find((p) => existsSync(p));
  if (!path) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const a = require(path) as Partial<T>;
    return has(a) ? (a as T) : null;
  } catch {
    return null;
  }
}

function loadAddon(): { addon?: NativeAddon; reason: string } {
  const path = nativeAddonCandidates().find((p) => existsSync(p));
  if (!path) return { reason: `the native kernels are not built (no ${ADDON_FILE}; run "node main/native/build.js")` };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const addon = require(path) as NativeAddon;
    if (addon.abi !== NATIVE_KERNELS_ABI) {
      return { reason: `the native kernels at ${path} are stale (ABI ${addon.abi}, expected ${NATIVE_KERNELS_ABI}); rebuild them` };
    }
    return { addon, reason: '' };
  } catch (e) {
    return { reason: `the native kernels at ${path} did not load: ${(e as Error).message}` };
  }
}

let cached: LoadedKernels | undefined;

/**
 * The native kernels when their build loads, else the TypeScript reference with the reason.
 * YOUR_CARTOON_KERNELS=typescript forces the reference; YOUR_CARTOON_KERNELS=native makes a missing build an error.
 */
export function loadKernels(): LoadedKernels {
  if (cached) return cached;
  const wanted = process.env.YOUR_CARTOON_KERNELS;
  if (wanted === 'typescript') {
    cached = { kernels: typescriptKernels, kind: 'typescript', reason: 'YOUR_CARTOON_KERNELS=typescript' };
    return cached;
  }
  const { addon, reason } = loadAddon();
  if (addon) cached = { kernels: nativeKernels(addon), kind: 'native' };
  else if (wanted === 'native') throw new Error(`YOUR_CARTOON_KERNELS=native but ${reason}`);
  else cached = { kernels: typescriptKernels, kind: 'typescript', reason };
  return cached;
}

/**
 * The native kernels alone, or undefined with the reason (tests and the benchmark compare both); `simd` says which
 * row-binning code the module picked ("avx2" or "baseline").
 */
export function loadNativeKernels(): { kernels?: FeatureKernels; reason: string; simd?: string } {
  const { addon, reason } = loadAddon();
  return addon ? { kernels: nativeKernels(addon), reason: '', simd: addon.simd } : { reason };
}
