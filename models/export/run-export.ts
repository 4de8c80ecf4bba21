import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Runs the export scripts of this folder (tests and maintainers). The scripts need PyTorch, which on Debian is
 * the python3-torch package for /usr/bin/python3; a pyenv `python3` on PATH usually lacks it, so the system one
 * is tried first. YOUR_CARTOON_PYTHON names the one interpreter to use instead.
 */
export const EXPORT_DIR = __dirname;
const CANDIDATES = process.env.YOUR_CARTOON_PYTHON ? [process.env.YOUR_CARTOON_PYTHON] : ['/usr/bin/python3', 'python3', 'python'];

let found: { python?: string; reason?: string } | undefined;

/** A Python that can `import torch, numpy`, or the reason there is none (for a test's skip message). */
export function findTorchPython(): { python?: string; reason?: string } {
  if (found) return found;
  const tried: string[] = [];
  for (const python of CANDIDATES) {
    const r = spawnSync(python, ['-c', 'import torch, numpy; print(torch.__version__)'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status === 0) return (found = { python });
    tried.push(`${python}: ${r.error ? r.error.message : (r.stderr || '').trim().split('\n').pop()}`);
  }
  found = { reason: `no Python with PyTorch (apt-get install python3-torch python3-onnx python3-numpy); tried ${tried.join('; ')}` };
  return found;
}

export class ExportError extends Error {
  readonly code = 'EXPORT_FAILED';
  constructor(script: string, detail: string) {
    super(`${script}: export failed: ${detail}`);
    this.name = 'ExportError';
  }
}

/**
 * Exports a model with one of this folder's scripts, once per (script content, args), into a cache folder;
 * returns the ONNX path (reference tensors, when `--check` was given, lie beside it).
 */
export function exportModel(script: string, args: string[], python = findTorchPython().python): string {
  if (!python) throw new ExportError(script, findTorchPython().reason ?? 'no Python');
  const scriptPath = join(EXPORT_DIR, script);
  const hash = createHash('sha1')
    .update(readFileSync(scriptPath))
    .update(readFileSync(join(EXPORT_DIR, 'export_common.py')))
    .update(JSON.stringify(args))
    .digest('hex')
    .slice(0, 12);
  const out = join(tmpdir(), 'your-cartoon-fixtures', 'export', `${script.replace(/\.py$/, '')}-${hash}.onnx`);
  const done = `${out}.done`;
  if (existsSync(done)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const r = spawnSync(python, ['-W', 'ignore', scriptPath, ...args, '-o', out], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new ExportError(script, r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' | '));
  // Marker last: a killed run leaves no half-written model that a later run would trust.
  writeFileSync(done, r.stdout);
  return out;
}

export interface CheckTensor {
  shape: number[];
  data: Float32Array;
}
export interface CheckCase {
  inputs: Record<string, CheckTensor>;
  outputs: Record<string, CheckTensor>;
}

/** Reads the PyTorch reference inputs/outputs an export wrote with `--check`. */
export function readCheckCases(onnxPath: string): CheckCase[] {
  const manifest = JSON.parse(readFileSync(`${onnxPath}.check.json`, 'utf8')) as {
    cases: { inputs: Record<string, { shape: number[]; file: string }>; outputs: Record<string, { shape: number[]; file: string }> }[];
  };
  const load = (group: Record<string, { shape: number[]; file: string }>): Record<string, CheckTensor> => {
    const result: Record<string, CheckTensor> = {};
    for (const [name, { shape, file }] of Object.entries(group)) {
      const bytes = readFileSync(join(dirname(onnxPath), file));
      const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      result[name] = { shape, data };
    }
    return result;
  };
  return manifest.cases.map((c) => ({ inputs: load(c.inputs), outputs: load(c.outputs) }));
}
