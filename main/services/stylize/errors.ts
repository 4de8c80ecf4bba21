import { CancelledError } from '../jobs';

/** Every error the stylize service throws on purpose: a `code` the UI and CLI can switch on, and a message naming the file. */
export class StylizeError extends Error {
  constructor(
    readonly code: StylizeErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'StylizeError';
  }
}

export type StylizeErrorCode =
  | 'CATALOG_INVALID'
  | 'MODEL_UNKNOWN'
  | 'MODEL_NOT_FOUND'
  | 'MODEL_CORRUPT'
  | 'MODEL_SPEC_MISMATCH'
  | 'IMAGE_INVALID'
  | 'INFERENCE_FAILED'
  | 'WORKER_FAILED';

/** Plain-object form that survives postMessage between the inference worker and the caller. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  file?: string;
}

export function serializeError(err: unknown): SerializedError {
  const e = err as Error & { code?: string; file?: string };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), code: e?.code, file: e?.file };
}

export function deserializeError(s: SerializedError): Error {
  if (s.name === 'CancelledError') return new CancelledError(s.message);
  if (s.code) return new StylizeError(s.code as StylizeErrorCode, s.message, s.file);
  const e = new Error(s.message);
  e.name = s.name;
  return e;
}
