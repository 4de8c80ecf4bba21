import type { CliCommand } from '../command';

/** Every sub-command, in the order `your-cartoon help` lists them. */
export const commands: CliCommand[] = [];
