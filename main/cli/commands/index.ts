import type { CliCommand } from '../command';
import { keyframesCommand } from './keyframes';
import { modelsCommand } from './models';
import { stylizeCommand } from './stylize';

/** Every sub-command, in the order `your-cartoon help` lists them. */
export const commands: CliCommand[] = [keyframesCommand, stylizeCommand, modelsCommand];
