import type { InferenceSession } from 'onnxruntime-node';
import type { CatalogEntry, ModelSpec } from '../../../../app/stylize';
import { StylizeError } from '../errors';
import { checkSessionAgainstSpec } from '../spec-check';
import { InstallError } from './install-error';

// onnxruntime's native binding is loaded only when a model is checked: listing models must not pay for it.
function ort(): typeof import('onnxruntime-node') {
  return require('onnxruntime-node') as typeof import('onnxruntime-node');
}

/** Opens a model on the CPU to prove it loads; `label` names it in the message (the final path, not a temp file). */
async function load(file: string, label: string): Promise<InferenceSession> {
  try {
    return await ort().InferenceSession.create(file, { executionProviders: ['cpu'], logSeverityLevel: 3 });
  } catch (err) {
    // onnxruntime names the path it was given (maybe a temporary file): keep only the reason.
    const why = (err as Error).message.split('\n')[0].replace(/^Load model from .* failed:\s*/, '').trim().slice(0, 300);
    throw new InstallError('MODEL_INVALID', `${label}: not a model onnxruntime can load (${why})`, label);
  }
}

function specProblem(session: InferenceSession, spec: ModelSpec, label: string): string | undefined {
  try {
    checkSessionAgainstSpec(session, spec, label);
    return undefined;
  } catch (err) {
    if (err instanceof StylizeError) return err.message;
    throw err;
  }
}

/** Loads the model and checks its inputs/outputs (names, rank, channels, fixed size) against the spec. */
export async function validateModelFile(file: string, spec: ModelSpec, label = file): Promise<void> {
  const session = await load(file, label);
  try {
    const problem = specProblem(session, spec, label);
    if (problem) throw new InstallError('SPEC_MISMATCH', problem, label);
  } finally {
    await session.release();
  }
}

/**
 * For a file that is not in the catalog: loads it and returns the catalog entries whose spec its graph fits
 * (names, layout, channels), so their spec can be used to feed it.
 */
export async function entriesMatchingFile(file: string, entries: CatalogEntry[], label = file): Promise<CatalogEntry[]> {
  const session = await load(file, label);
  try {
    return entries.filter((e) => !specProblem(session, e.spec, label));
  } finally {
    await session.release();
  }
}

/** "input image float32 [1, 3, height, width]; output ..." for messages about a model nobody described. */
export async function describeModelIo(file: string, label = file): Promise<string> {
  const session = await load(file, label);
  try {
    const fmt = (role: string, metas: readonly InferenceSession.ValueMetadata[]) =>
      metas.map((m) => (m.isTensor ? `${role} ${m.name} ${m.type} [${m.shape.join(', ')}]` : `${role} ${m.name}`));
    return [...fmt('input', session.inputMetadata), ...fmt('output', session.outputMetadata)].join('; ');
  } finally {
    await session.release();
  }
}
