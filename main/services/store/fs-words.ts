/**
 * A file-system error in words: what the user can do something about (a full disk, a read-only folder), never a
 * raw errno line. Used by every write path so the messages read the same everywhere.
 */
const WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this disk',
  EROFS: 'the disk is read-only',
  EACCES: 'no permission (the folder is read-only or not yours)',
  EPERM: 'no permission (the folder is read-only or not yours)',
  ENOENT: 'the file or folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something is already there',
  ENOTEMPTY: 'a folder is in the way',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk could not be read or written (hardware or network error)',
  EBUSY: 'the file is in use',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'it is on another disk',
};

/** Codes that mean "no space": a run stopped by one says "free some space". */
export const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export function fsErrorWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && WORDS[code]) return WORDS[code];
  const message = (err as Error)?.message ?? String(err);
  // Node's own text is "ECODE: words, syscall 'path'": keep the words only.
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

/**
 * The message for any thrown value: a raw file-system error ("EACCES: permission denied, open '/x'") becomes
 * "/x: no permission (...)"; everything else keeps its own message.
 */
export function messageInWords(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.path === 'string') return `${e.path}: ${fsErrorWords(e)}`;
  return e?.message ?? String(err);
}

/** A write that failed, naming the file and the cause; `code` is DISK_FULL, NO_PERMISSION or WRITE_FAILED. */
export class WriteError extends Error {
  readonly code: 'DISK_FULL' | 'NO_PERMISSION' | 'WRITE_FAILED';
  constructor(
    readonly file: string,
    readonly reason: unknown,
  ) {
    const errno = (reason as NodeJS.ErrnoException)?.code ?? '';
    const full = DISK_FULL_CODES.has(errno);
    super(`${file}: cannot write it (${fsErrorWords(reason)})${full ? '; free some space and try again' : ''}`);
    this.name = 'WriteError';
    this.code = full ? 'DISK_FULL' : errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS' ? 'NO_PERMISSION' : 'WRITE_FAILED';
  }
}
