/**
 * Fault injection for the write paths (the fault-injection suite's "full disk at several moments" where no small
 * tmpfs can be mounted). Production code calls `failpoint(step, path)` at each step of a durable write; it does
 * nothing unless a test has armed a hook.
 */
export type WriteStep = 'write' | 'fsync' | 'rename' | 'fsync-dir' | 'commit' | 'remove' | 'undo' | 'open-read';

type Hook = (step: WriteStep, path: string) => NodeJS.ErrnoException | undefined;
let hook: Hook | undefined;

export function failpoint(step: WriteStep, path: string): void {
  const err = hook?.(step, path);
  if (err) throw err;
}

/** Arms `h` until the returned function is called (tests only). */
export function armFailpoints(h: Hook): () => void {
  hook = h;
  return () => {
    if (hook === h) hook = undefined;
  };
}

/** An error as the kernel would give it: `errno('ENOSPC', path)`. */
export function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, write '${path}'`), { code, path });
}
