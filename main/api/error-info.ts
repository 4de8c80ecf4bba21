import type { ApiErrorInfo } from '../../app/api';
import { messageInWords } from '../services/store/fs-words';

/**
 * A thrown value as it crosses to the renderer. The services' errors carry a `code` (VideoError NOT_A_VIDEO,
 * StylizeError MODEL_NOT_FOUND, AnalysisParamsError E_ANALYSIS_PARAMS, ...); others get one from their name.
 */
export function toErrorInfo(err: unknown): ApiErrorInfo {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return {
      message: messageInWords(err),
      code: typeof code === 'string' && code ? code : err.name === 'CancelledError' ? 'CANCELLED' : 'INTERNAL',
      name: err.name,
    };
  }
  return { message: String(err), code: 'INTERNAL', name: 'Error' };
}

/** A request the API refuses: a bad argument, an unknown job. The message says which and why. */
export class RequestError extends Error {
  constructor(readonly code: 'BAD_REQUEST' | 'UNKNOWN_COMMAND' | 'JOB_NOT_FOUND' | 'IMAGE_NOT_FOUND' | 'IMAGE_FORBIDDEN' | 'PATH_FORBIDDEN', message: string) {
    super(message);
    this.name = 'RequestError';
  }
}
