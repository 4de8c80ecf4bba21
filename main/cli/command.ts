import type { Writable } from 'node:stream';

/** Where a command writes: results to stdout (JSON with --json), progress and messages to stderr. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  /** True when stderr is a terminal: draw a live progress bar instead of log lines. */
  interactive: boolean;
  /** Aborted on the first Ctrl-C: commands pass it to their job so ffmpeg and inference stop cleanly. */
  signal?: AbortSignal;
}

/** One sub-command of `your-cartoon`. Each lives in main/cli/commands/<name>.ts. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Full usage text printed by `your-cartoon help <name>` and on a usage error. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A mistake in the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
