import { EventEmitter } from 'node:events';
import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { constants } from 'node:os';
import { isAbsolute } from 'node:path';
import type { Readable } from 'node:stream';
import { nativeAddonWith } from '../keyframes/features/load-kernels';

interface SpawnAddon {
  spawnProcess(file: string, args: string[], stdoutFd: number): [number, number];
  reapProcess(pid: number): [number | null, number | null] | undefined;
  createFramePipe(): [number, number];
}

/** What the short ffmpeg runs use of a child process: stdout, stderr, kill, and 'close' (code, signal) at the end. */
export interface LeanChild extends EventEmitter {
  readonly pid: number;
  /** With stdout 'pipe': what the child writes there; null when it went to the caller's descriptor. */
  readonly stdout: Readable | null;
  readonly stderr: Readable;
  kill(signal?: NodeJS.Signals): boolean;
}

let addon: SpawnAddon | null | undefined;

function load(): SpawnAddon | null {
  if (addon === undefined) {
    addon = nativeAddonWith<SpawnAddon>((a) => typeof a.spawnProcess === 'function' && typeof a.reapProcess === 'function' && typeof a.createFramePipe === 'function');
  }
  return addon;
}

/** A stream over the read end of a pipe (libuv watches it: no thread waits on it). */
const readEnd = (fd: number) => new Socket({ fd, readable: true, writable: false });

const signalName = (n: number | null): NodeJS.Signals | null =>
  n === null ? null : ((Object.entries(constants.signals).find(([, v]) => v === n)?.[0] as NodeJS.Signals | undefined) ?? null);

/**
 * Starts `file` (an absolute path) with `args`, stdin from /dev/null, stdout onto the descriptor `stdoutTo` (the
 * caller keeps and closes its own copy) or through a pipe of its own ('pipe': `stdout`), stderr through a pipe, by
 * posix_spawn instead of Node's fork: fork copies the page tables of the whole process, 13 ms a spawn on the
 * JavaScript thread at 200 MB and 43 ms at 650 MB here (a key-frame job holding its frames is that large; the
 * editor's host can be larger), against 0.3 ms at any size. Emits 'close' (code, signal) once its output streams
 * have ended (the caller reads them) and the child is reaped; a read error of either is emitted as 'error'.
 * Undefined where the native kernels do not provide it (not Linux, not built) or `file` is not an absolute path:
 * the caller spawns with child_process then. A child that cannot start throws, with the reason.
 */
export function spawnWithoutFork(file: string, args: string[], stdoutTo: number | 'pipe'): LeanChild | undefined {
  const a = load();
  // posix_spawn does not search PATH (a bare "ffmpeg" found there): child_process does.
  if (!a || !isAbsolute(file)) return undefined;
  const pipe = stdoutTo === 'pipe' ? a.createFramePipe() : undefined;
  let pid: number;
  let errFd: number;
  try {
    [pid, errFd] = a.spawnProcess(file, args, pipe ? pipe[1] : (stdoutTo as number));
  } catch (err) {
    if (pipe) closeSync(pipe[0]);
    throw err;
  } finally {
    if (pipe) closeSync(pipe[1]); // the child has its copy: the pipe ends when the child does
  }
  const stderr = readEnd(errFd);
  const stdout = pipe ? readEnd(pipe[0]) : null;
  let ended = false;
  const child = Object.assign(new EventEmitter(), {
    pid,
    stdout,
    stderr,
    kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
      if (ended) return false; // reaped: the pid may belong to another process by now
      try {
        process.kill(pid, signal);
        return true;
      } catch {
        return false;
      }
    },
  }) as LeanChild;
  // The child has ended once its output has (ffmpeg keeps both to its exit); it is reaped a moment later, looked
  // for at growing intervals (1 ms, then up to 50 ms) so a child that closed them early costs nothing.
  const reap = (wait: number) => {
    const status = a.reapProcess(pid);
    if (!status) return void setTimeout(() => reap(Math.min(50, wait * 2)), wait);
    ended = true;
    child.emit('exit', status[0], signalName(status[1]));
    child.emit('close', status[0], signalName(status[1]));
  };
  // As child_process does: 'close' once the output streams have closed too (every byte of them delivered).
  const streams = [stderr, ...(stdout ? [stdout] : [])];
  for (const st of streams) st.on('error', (e) => child.emit('error', e));
  const closed = streams.map((st) => new Promise<void>((done) => st.once('close', () => done())));
  void Promise.all(closed).then(() => reap(1));
  return child;
}

/**
 * The lean child, or undefined where it cannot start, so that child_process tries instead: posix_spawn does not run
 * a script without a "#!" line through /bin/sh as child_process' execvp does (an FFMPEG_PATH wrapper), and a real
 * failure (no such program) is then reported by child_process, in its words.
 */
export function leanOrNothing(start: () => LeanChild | undefined): LeanChild | undefined {
  try {
    return start();
  } catch {
    return undefined;
  }
}
