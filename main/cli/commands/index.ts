import type { CliCommand } from '../command';
import { comicCommand } from './comic';
import { exportCommand } from './export-book';
import { keyframesCommand } from './keyframes';
import { modelsCommand } from './models';
import { sampleCommand } from './sample';
import { serveCommand } from './serve';
import { stylizeCommand } from './stylize';

/** Every sub-command, in the order `your-cartoon help` lists them. */
export const commands: CliCommand[] = [comicCommand, exportCommand, keyframesCommand, stylizeCommand, modelsCommand, sampleCommand, serveCommand];
