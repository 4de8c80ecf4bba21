import { Writable } from 'node:stream';
import type { CliIO } from '../main/cli/command';

/** A non-interactive CliIO whose stdout and stderr are collected, for CLI tests. */
export function captureIO(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) => new Writable({ write: (chunk, _enc, cb) => (add(String(chunk)), cb()) });
  return { io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), interactive: false }, out: () => out, err: () => err };
}
