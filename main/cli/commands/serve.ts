import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { defaultRendererDir, startHost } from '../../host';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';

const usage = `Usage: your-cartoon serve [--port N] [--open]

Runs the editor in your web browser: serves the UI and the engines on http://127.0.0.1 only (never on the
network). The printed address carries a one-time code that signs this browser in (an HttpOnly cookie; the
address works once, and the secret token itself is never printed, never on a command line). Ctrl-C or SIGTERM
stops it: running jobs are cancelled, the models' sessions released.

Options:
  --port N          port to listen on (default: any free port)
  --open            open the editor in the default browser (with a code of its own)
  --allow DIR       a folder besides the data folder the editor may write into and take pictures from
                    (repeatable); any other path an API call names is refused
  --renderer DIR    serve another build of the UI (development; default dist/renderer)
`;

/** Opens a URL in the user's browser; a failure is only reported (the address is printed anyway). */
function openInBrowser(url: string, io: CliIO): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore', windowsHide: true });
  child.on('error', (e) => io.stderr.write(`serve: could not open a browser (${e.message}); open the address yourself\n`));
  child.unref();
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    port: { type: 'string' },
    open: { type: 'boolean' },
    renderer: { type: 'string' },
    allow: { type: 'string', multiple: true },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = numberOption(values.port, 'port', 0, 65535);
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  // A promise some part of a job forgot to handle must not stop the server and every job with it: said, not fatal.
  const onRejection = (reason: unknown) => log(`serve: unexpected error (the server goes on): ${(reason as Error)?.message ?? String(reason)}`);
  process.on('unhandledRejection', onRejection);
  const host = await startHost({ port, rendererDir: values.renderer ? resolve(values.renderer) : defaultRendererDir(), log, allowedFolders: (values.allow ?? []).map((d) => resolve(d)) });
  const info = await host.service.appInfo();
  const ffmpeg = 'path' in info.ffmpeg ? `${info.ffmpeg.path} (${info.ffmpeg.source})` : `missing: ${info.ffmpeg.error}`;
  io.stdout.write(`Your Cartoon Is is running at ${host.url}\n`);
  io.stderr.write(`ffmpeg: ${ffmpeg}\nkernels: ${info.kernels.kind}\nCtrl-C stops the server.\n`);
  if (values.open) openInBrowser(host.newUrl(), io);
  await new Promise<void>((done) => {
    if (!io.signal) return; // without a signal only the process's end stops it
    if (io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
  await host.close();
  process.off('unhandledRejection', onRejection);
  io.stderr.write('serve: stopped\n');
  return 0;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'run the editor in a web browser (HTTP on 127.0.0.1 with a per-run token)',
  usage,
  run,
};
