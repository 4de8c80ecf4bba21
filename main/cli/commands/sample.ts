import { resolve } from 'node:path';
import { makeSampleVideo } from '../../services/video';
import { parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';

const usage = `Usage: your-cartoon sample --out FILE.mp4

Makes the built-in sample video (made by ffmpeg from its own test sources: 5 shots with hard cuts, a fade
through black, a cross-dissolve, a camera flash and a pan; 1280x720, 20.8 s), to try the app without a video.
An existing FILE is kept as it is.`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' } });
  if (!values.out || positionals.length) throw new UsageError('give --out FILE.mp4 and nothing else');
  io.stdout.write(`${makeSampleVideo(resolve(values.out))}\n`);
  return 0;
}

export const sampleCommand: CliCommand = { name: 'sample', summary: 'make the built-in sample video', usage, run };
