import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, readSync } from 'node:fs';
import { bigFramePipe } from './yuv-native';
import { runTool } from './run-tool';
import { spawnWithoutFork, type LeanChild } from './spawn-without-fork';

/** Runs to the end: stderr text and the 'close' arguments. */
function finish(child: LeanChild): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => (stderr += t));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stderr })));
}

/** Everything the child wrote to the pipe (after it has ended). */
function drain(fd: number): string {
  const buf = Buffer.alloc(1 << 16);
  let text = '';
  for (let n; (n = readSync(fd, buf)) > 0; ) text += buf.subarray(0, n).toString();
  closeSync(fd);
  return text;
}

function start(script: string, env?: Record<string, string>, args: string[] = []): { child: LeanChild; out: number } | undefined {
  const pipe = bigFramePipe();
  if (!pipe) return undefined;
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const child = spawnWithoutFork('/bin/sh', ['-c', script, 'sh', ...args], pipe[1]);
    if (!child) {
      closeSync(pipe[0]);
      return undefined;
    }
    return { child, out: pipe[0] };
  } finally {
    closeSync(pipe[1]);
    for (const k of Object.keys(env ?? {})) if (saved[k] === undefined) delete process.env[k];
  }
}

const NOT_HERE = 'spawning without fork is Linux-only and needs the native kernels: child_process spawns instead';

test('a child started without fork gets its arguments, stdout on the pipe, stderr, its exit code and the environment', async (t) => {
  const script = 'echo "[$1] [$2] [$#] $YCIS_SPAWN_TEST"; echo err >&2; echo "stdin $(readlink /proc/self/fd/0)"; exit 3';
  const run = start(script, { YCIS_SPAWN_TEST: 'from-env' }, ['a b', 'c']);
  if (!run) return t.skip(NOT_HERE);
  const r = await finish(run.child);
  assert.deepEqual([r.code, r.signal], [3, null]);
  assert.equal(r.stderr, 'err\n');
  assert.equal(drain(run.out), '[a b] [c] [2] from-env\nstdin /dev/null\n');
});

test('kill ends it with the signal; a closed stdout kills it by SIGPIPE (Node ignores SIGPIPE, the child must not)', async (t) => {
  const run = start('sleep 30');
  if (!run) return t.skip(NOT_HERE);
  assert.equal(run.child.kill('SIGKILL'), true);
  const r = await finish(run.child);
  assert.deepEqual([r.code, r.signal], [null, 'SIGKILL']);
  assert.equal(run.child.kill('SIGKILL'), false, 'reaped: never signalled again (its pid may be reused)');
  closeSync(run.out);

  const writer = start('while :; do echo frame; done');
  if (!writer) return t.skip(NOT_HERE);
  closeSync(writer.out); // the reader goes away
  const w = await finish(writer.child);
  assert.equal(w.signal, 'SIGPIPE', `ended with ${w.code}/${w.signal}: ${w.stderr}`);
});

test('a program that does not exist is refused at once, naming it', (t) => {
  const pipe = bigFramePipe();
  if (!pipe) return t.skip(NOT_HERE);
  try {
    assert.throws(() => spawnWithoutFork('/nonexistent/ffmpeg', [], pipe[1]), /\/nonexistent\/ffmpeg/);
  } finally {
    closeSync(pipe[0]);
    closeSync(pipe[1]);
  }
});

test("stdout through a pipe of its own: every byte arrives before 'close', as child_process delivers them", async (t) => {
  const child = spawnWithoutFork('/bin/sh', ['-c', 'head -c 3000000 /dev/zero | tr "\\0" "y"; echo done >&2'], 'pipe');
  if (!child) return t.skip(NOT_HERE);
  let bytes = 0;
  let ys = true;
  child.stdout!.on('data', (b: Buffer) => {
    bytes += b.length;
    ys &&= b.every((c) => c === 0x79);
  });
  const r = await finish(child);
  assert.deepEqual([r.code, r.stderr, bytes, ys], [0, 'done\n', 3_000_000, true]);
});

test('runTool runs a program without fork and says which one could not start', async () => {
  const ok = await runTool('/bin/sh', ['-c', 'printf abc; printf warn >&2; exit 4']);
  assert.deepEqual([ok.code, ok.signal, ok.stdout.toString(), ok.stderr], [4, null, 'abc', 'warn']);
  const fed = await runTool('/bin/sh', ['-c', 'cat'], { input: new TextEncoder().encode('fed on stdin') });
  assert.equal(fed.stdout.toString(), 'fed on stdin', 'a run fed on stdin (child_process) still gets its input');
  await assert.rejects(runTool('/nonexistent/ffprobe', ['-version']), /\/nonexistent\/ffprobe/);
});

test('a program named without its path (found on PATH) is left to child_process, which searches PATH', () => {
  assert.equal(spawnWithoutFork('sh', ['-c', 'true'], 'pipe'), undefined);
});
