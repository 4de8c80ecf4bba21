import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../main/cli';

/** `your-cartoon serve` in this process, as the CLI runs it; resolves with its address once it listens. */
export async function serve(rendererDir: string) {
  const stdout = new PassThrough();
  const stop = new AbortController();
  let printed = '';
  const url = new Promise<string>((done) =>
    stdout.on('data', (d) => {
      printed += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#code=\S+)/.exec(printed);
      if (m) done(m[1]);
    }),
  );
  const exited = main(['serve', '--port', '0', '--renderer', rendererDir], { stdout, stderr: new PassThrough(), interactive: false, signal: stop.signal });
  const first = await Promise.race([url, exited.then((code) => `exited with ${code}`)]);
  assert.match(first, /^http/);
  return { url: first, stop: async () => (stop.abort(), assert.equal(await exited, 0)) };
}
