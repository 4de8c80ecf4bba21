import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { nativeAddonWith } from '../keyframes/features/load-kernels';

interface SpawnAddon {
  spawnProcess(file: string, args: string[], stdoutFd: number): [number, number];
  reapProcess(pid: number): [number | null, number | null] | undefined;
}

/** What the short decoding runs use of a child process: its stderr, kill, and 'close' (code, signal) at the end. */
export interface LeanChild extends EventEmitter {
  readonly pid: number;
  readonly stdout: null;
  readonly stderr: Readable;
  kill(signal?: NodeJS.Signals): boolean;
}

let addon: SpawnAddon | null | undefined;

function load(): SpawnAddon | null {
  if (addon === undefined) addon = nativeAddonWith<SpawnAddon>((a) => typeof a.spawnProcess === 'function' && typeof a.reapProcess === 'function');
  return addon;
}

const signalName = (n: number | null): NodeJS.Signals | null =>
  n === null ? null : ((Object.entries(constants.signals).find(([, v]) => v === n)?.[0] as NodeJS.Signals | undefined) ?? null);

/**
 * Starts `file` (an absolute path) with `args`, stdin from /dev/null, stdout onto `stdoutFd` (the caller keeps and
 * closes its own copy) and stderr through a pipe, by posix_spawn instead of Node's fork: fork copies the page tables
 * of the whole process, 13 ms a spawn on the JavaScript thread at 200 MB and 43 ms at 650 MB here (a key-frame job
 * holding its frames is that large), against 0.3 ms at any size. Emits 'close' (code, signal) once stderr has ended
 * and the child is reaped. Undefined where the native kernels do not provide it (not Linux, not built): the caller
 * spawns with child_process then. A child that cannot start throws, with the reason.
 */
export function spawnWithoutFork(file: string, args: string[], stdoutFd: number): LeanChild | undefined {
  const a = load();
  if (!a) return undefined;
  const [pid, errFd] = a.spawnProcess(file, args, stdoutFd);
  const stderr = new Socket({ fd: errFd, readable: true, writable: false });
  let ended = false;
  const child = Object.assign(new EventEmitter(), {
    pid,
    stdout: null,
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
  // The child has ended once its stderr has (ffmpeg keeps it to its exit); it is reaped a moment later, looked
  // for at growing intervals (1 ms, then up to 50 ms) so a child that closed stderr early costs nothing.
  const reap = (wait: number) => {
    const status = a.reapProcess(pid);
    if (!status) return void setTimeout(() => reap(Math.min(50, wait * 2)), wait);
    ended = true;
    child.emit('exit', status[0], signalName(status[1]));
    child.emit('close', status[0], signalName(status[1]));
  };
  stderr.once('close', () => reap(1));
  return child;
}
