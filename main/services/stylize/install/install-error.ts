/** Why installing or importing a model failed: a `code` the UI and CLI switch on, and a message naming the cause. */
export class InstallError extends Error {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InstallError';
  }
}

export type InstallErrorCode =
  /** The catalog has no URL for it: the message says how to get the file (export script, import). */
  | 'NO_DOWNLOAD'
  /** Every URL failed (HTTP status, network); the message lists each. */
  | 'DOWNLOAD_FAILED'
  /** The downloaded or imported bytes are not the ones the catalog names (sha256 or size). */
  | 'CHECKSUM_MISMATCH'
  /** onnxruntime cannot load the file. */
  | 'MODEL_INVALID'
  /** It loads, but its inputs/outputs are not what the spec says. */
  | 'SPEC_MISMATCH'
  /** An imported file that is not in the catalog and matches no known spec: the user must name a kind or spec. */
  | 'SPEC_UNKNOWN'
  | 'DISK_FULL'
  | 'WRITE_FAILED'
  | 'FILE_NOT_FOUND'
  | 'UNKNOWN_MODEL'
  | 'ID_INVALID';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** Turns a file-system error met while writing `file` into a clear InstallError. */
export function writeFailure(thrown: unknown, file: string, what: string): InstallError {
  // The store's WriteError carries the file system's own error as its reason.
  const err = thrown instanceof Error && thrown.name === 'WriteError' ? (thrown as Error & { reason: unknown }).reason : thrown;
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (DISK_FULL_CODES.has(code)) {
    return new InstallError('DISK_FULL', `${file}: the disk is full (${code}) while ${what}; free some space and try again`, file);
  }
  const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'no permission to write there' : (err as Error).message;
  return new InstallError('WRITE_FAILED', `${file}: cannot write while ${what} (${why})`, file);
}
