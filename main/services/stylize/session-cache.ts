import { statSync } from 'node:fs';
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelSpec, ProviderChoice, ProviderName } from '../../../app/stylize';
import { StylizeError } from './errors';
import { ortMessage } from './ort-message';
import { ORT_PROVIDER, planProviders } from './providers';
import { sessionOptions, type SessionOptionsPreset } from './session-options';
import { checkSessionAgainstSpec } from './spec-check';

/** A ready session and how it came to run where it runs. */
export interface OpenedSession {
  session: InferenceSession;
  file: string;
  provider: ProviderName;
  /** Why the session is not on the provider asked for (absent when it is). */
  fallback?: string;
}

const MAX_SESSIONS = 4;
const cache = new Map<string, Promise<OpenedSession>>();
let opened = 0;

/** Sessions this worker has created so far (a job of many pictures creates one per model and provider). */
export function sessionsOpened(): number {
  return opened;
}

function ort(): typeof import('onnxruntime-node') {
  return require('onnxruntime-node') as typeof import('onnxruntime-node');
}

const firstLine = ortMessage;

async function create(file: string, provider: ProviderName, preset: SessionOptionsPreset): Promise<InferenceSession> {
  return ort().InferenceSession.create(file, {
    ...sessionOptions(preset),
    executionProviders: [ORT_PROVIDER[provider]],
    // Errors are reported through our own messages; keep onnxruntime's console quiet below errors.
    logSeverityLevel: 3,
  });
}

async function open(file: string, choice: ProviderChoice, preset: SessionOptionsPreset, spec?: ModelSpec): Promise<OpenedSession> {
  const plan = planProviders(choice);
  const reasons = [...plan.skipped];
  for (const provider of plan.attempts) {
    try {
      const session = await create(file, provider, preset);
      if (spec) checkSessionAgainstSpec(session, spec, file);
      const fallback = reasons.length ? `${reasons.join('; ')}; running on ${provider.toUpperCase()}` : undefined;
      return { session, file, provider, fallback };
    } catch (err) {
      if (err instanceof StylizeError) throw err;
      const msg = firstLine((err as Error).message);
      if (provider === 'cpu') {
        throw new StylizeError('MODEL_CORRUPT', `${file}: onnxruntime cannot load this model (${msg})`, file);
      }
      reasons.push(`${provider} failed (${msg})`);
    }
  }
  throw new StylizeError('INFERENCE_FAILED', `${file}: no provider could load the model (${reasons.join('; ')})`, file);
}

/**
 * The session for (file, provider choice, options), created once and reused: loading a model costs 50-500 ms.
 * The file's size and mtime are part of the key, so a replaced model file is loaded afresh.
 */
export function getSession(file: string, choice: ProviderChoice, preset: SessionOptionsPreset = 'tuned', spec?: ModelSpec): Promise<OpenedSession> {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return Promise.reject(new StylizeError('MODEL_NOT_FOUND', `${file}: model file not found`, file));
  }
  if (!stat.isFile()) return Promise.reject(new StylizeError('MODEL_NOT_FOUND', `${file}: not a file`, file));
  const key = JSON.stringify([file, stat.size, stat.mtimeMs, choice, preset, spec?.input.name, spec?.output.name]);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key); // re-insert: Map order is the LRU order
  } else {
    opened++;
    entry = open(file, choice, preset, spec);
    entry.catch(() => cache.delete(key));
  }
  cache.set(key, entry);
  while (cache.size > MAX_SESSIONS) {
    const [oldKey, old] = cache.entries().next().value as [string, Promise<OpenedSession>];
    cache.delete(oldKey);
    old.then((s) => s.session.release()).catch(() => undefined);
  }
  return entry;
}

/** Releases every cached session (their native memory); the next call loads again. */
export async function releaseSessions(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.all(all.map((p) => p.then((s) => s.session.release()).catch(() => undefined)));
}
