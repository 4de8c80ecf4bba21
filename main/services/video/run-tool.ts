import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { CancelledError } from '../jobs';
import { leanOrNothing, spawnWithoutFork, type LeanChild } from './spawn-without-fork';

export interface ToolResult {
  code: number | null;
  /** The signal that ended the child (a crash, or our own SIGKILL on timeout or abort), else null. */
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface RunToolOptions {
  signal?: AbortSignal;
  /** Bytes written to the child's stdin (then closed). */
  input?: Uint8Array;
  /** Kill the child if it runs longer than this (a damaged file must never hang a job). */
  timeoutMs?: number;
}

/**
 * ffmpeg reads "name:rest" as a protocol (a file called "clip:1.mp4" would fail) and treats "-x" as an option,
 * so every local path goes in as an absolute file: URL-ish path.
 */
export function inputArg(path: string): string {
  return `file:${resolve(path)}`;
}

/** Kills the child when the signal fires; returns the function that stops listening. */
export function killOnAbort(child: Pick<ChildProcess, 'kill'>, signal?: AbortSignal): () => void {
  if (!signal) return () => undefined;
  const kill = () => child.kill('SIGKILL');
  if (signal.aborted) kill();
  signal.addEventListener('abort', kill, { once: true });
  return () => signal.removeEventListener('abort', kill);
}

/** Runs ffmpeg/ffprobe to completion, collecting stdout (bytes) and stderr (text). Never rejects on exit codes. */
export function runTool(bin: string, args: string[], opts: RunToolOptions = {}): Promise<ToolResult> {
  return new Promise((done, fail) => {
    if (opts.signal?.aborted) return fail(new CancelledError());
    let child: ChildProcess | LeanChild;
    try {
      // Without fork where the platform allows it (a large process, the editor's host, forked for 13-60 ms of its
      // JavaScript thread); a run fed on stdin through child_process.
      child = (!opts.input && leanOrNothing(() => spawnWithoutFork(bin, args, 'pipe'))) || spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      return fail(e);
    }
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      // Keep the head (the input report) and the tail (the reason it stopped) of very chatty logs.
      err = err.length > 4_000_000 ? err.slice(0, 1_000_000) + err.slice(-1_000_000) + s : err + s;
    });
    const unlisten = killOnAbort(child, opts.signal);
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    if ('stdin' in child && child.stdin) {
      child.stdin.on('error', () => undefined); // the child may exit before reading all its input
      child.stdin.end(opts.input ? Buffer.from(opts.input.buffer, opts.input.byteOffset, opts.input.byteLength) : undefined);
    }
    child.on('error', (e) => {
      unlisten();
      if (timer) clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, killedBy) => {
      unlisten();
      if (timer) clearTimeout(timer);
      if (opts.signal?.aborted) return fail(new CancelledError());
      if (timedOut) err += `\n${bin} was stopped after ${opts.timeoutMs} ms without finishing`;
      done({ code, signal: killedBy, stdout: Buffer.concat(out), stderr: err });
    });
  });
}
