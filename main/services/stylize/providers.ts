import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProviderChoice, ProviderName } from '../../../app/stylize';

/** What onnxruntime-node can use on this machine, and why a provider is missing. */
export interface ProviderInfo {
  name: ProviderName;
  available: boolean;
  reason?: string;
}

/** onnxruntime's name for each provider in `executionProviders`. */
export const ORT_PROVIDER: Record<ProviderName, string> = { cpu: 'cpu', cuda: 'cuda', dml: 'dml', coreml: 'coreml' };

function ort(): typeof import('onnxruntime-node') {
  // Loaded on demand: the native binding is heavy and the catalog/CLI parsing should not pay for it.
  return require('onnxruntime-node') as typeof import('onnxruntime-node');
}

/** Folder holding onnxruntime_binding.node and the provider libraries beside it. */
function bindingFolder(): string {
  const pkg = dirname(require.resolve('onnxruntime-node/package.json'));
  return join(pkg, 'bin', 'napi-v6', process.platform, process.arch);
}

/**
 * Asks the binding which backends it was built with (listSupportedBackends); CUDA is listed but "not bundled":
 * it needs libonnxruntime_providers_cuda from `npm run install:cuda`, so its file decides whether it is usable.
 */
export function listProviders(): ProviderInfo[] {
  let backends: { name: string; bundled: boolean }[] = [];
  try {
    backends = ort().listSupportedBackends();
  } catch {
    backends = [{ name: 'cpu', bundled: true }];
  }
  const has = (n: string) => backends.find((b) => b.name === n);
  const infos: ProviderInfo[] = [{ name: 'cpu', available: true }];
  const cuda = has('cuda');
  const cudaLib = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
  if (!cuda) infos.push({ name: 'cuda', available: false, reason: `this onnxruntime-node build has no CUDA support on ${process.platform}` });
  else if (!cuda.bundled && !existsSync(join(bindingFolder(), cudaLib))) {
    infos.push({ name: 'cuda', available: false, reason: `the CUDA provider (${cudaLib}) is not installed; run "npm run install:cuda" on a machine with an NVIDIA GPU` });
  } else infos.push({ name: 'cuda', available: true });
  const dml = has('dml');
  infos.push(dml ? { name: 'dml', available: true } : { name: 'dml', available: false, reason: 'DirectML exists only on Windows' });
  const coreml = has('coreml');
  infos.push(coreml ? { name: 'coreml', available: true } : { name: 'coreml', available: false, reason: 'CoreML exists only on macOS' });
  return infos;
}

/** The order `auto` tries providers in: a GPU provider first where one is present, CPU always last. */
export function autoOrder(infos = listProviders()): ProviderName[] {
  const ok = (n: ProviderName) => infos.some((i) => i.name === n && i.available);
  const order: ProviderName[] = [];
  if (process.platform === 'darwin') {
    if (ok('coreml')) order.push('coreml');
  } else {
    if (ok('cuda')) order.push('cuda');
    if (process.platform === 'win32' && ok('dml')) order.push('dml');
  }
  order.push('cpu');
  return order;
}

/** One provider to try, or one passed over with the reason (reported to the user as the fallback cause). */
export interface ProviderPlan {
  attempts: ProviderName[];
  skipped: string[];
}

/**
 * Providers to try, best first, for a user's choice, always ending with CPU. An explicit provider that is not
 * present is not attempted (onnxruntime would only print a library-load error); its reason is kept instead.
 */
export function planProviders(choice: ProviderChoice, infos = listProviders()): ProviderPlan {
  if (choice === 'auto') return { attempts: autoOrder(infos), skipped: [] };
  if (choice === 'cpu') return { attempts: ['cpu'], skipped: [] };
  const info = infos.find((i) => i.name === choice);
  if (info && !info.available) return { attempts: ['cpu'], skipped: [`${choice}: ${info.reason}`] };
  return { attempts: [choice, 'cpu'], skipped: [] };
}

export function isProviderChoice(s: string): s is ProviderChoice {
  return ['auto', 'cpu', 'cuda', 'dml', 'coreml'].includes(s);
}
