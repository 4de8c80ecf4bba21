import { UsageError, type CliCommand, type CliIO } from './cli/command';
import { commands } from './cli/commands';
import { messageInWords } from './services/store/fs-words';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Your Cartoon Is: turn a video into a comic book.',
    '',
    'Usage: your-cartoon <command> [options]   (your-cartoon help <command> for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: FFMPEG_PATH / FFPROBE_PATH override the ffmpeg binaries; YOUR_CARTOON_DATA the data folder.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || (name === 'help' && !rest[0])) {
    io.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const wanted = name === 'help' ? rest[0] : name;
  const command: CliCommand | undefined = commands.find((c) => c.name === wanted);
  if (!command) {
    io.stderr.write(`your-cartoon: unknown command "${wanted}"\n\n${usage()}\n`);
    return 2;
  }
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`your-cartoon ${command.name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    const e = err as Error & { code?: string };
    io.stderr.write(`your-cartoon ${command.name}: ${messageInWords(e)}\n`);
    if (process.env.YOUR_CARTOON_DEBUG) io.stderr.write(`${e.stack}\n`);
    return e.name === 'CancelledError' ? 130 : 1;
  }
}
