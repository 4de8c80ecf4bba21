// Ctrl-C during inference, 20 times at different moments spread over how long a whole run takes here
// (docs/robustness.md, "SIGINT during inference"): the run is cancelled and exits 130 (or 0 when it had finished),
// never aborted by onnxruntime's thread being torn down inside session.run ("terminate called after throwing an
// instance of 'Napi::Error'", exit 134). The built-in style runs in onnxruntime here (--engine onnxruntime): on the
// CPU its C++ kernel would take the place of session.run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg } from '../../test-support/fixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'your-cartoon.js');
const RUNS = 20;

interface Run {
  code: number | null;
  signal: string | null;
  stderr: string;
  /** From the first progress line to the exit. */
  ms: number;
}

/** One run, sent SIGINT `afterMs` after its first progress line (never, for Infinity). */
function runAndInterrupt(image: string, out: string, afterMs: number): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'stylize', image, image, image, '--out', out, '--provider', 'cpu', '--engine', 'onnxruntime'], {
      env: { ...process.env, YOUR_CARTOON_FROM_SOURCE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    // The moments count from the first progress line: the CLI listens for SIGINT by then and the model is loading.
    let timer: NodeJS.Timeout | undefined;
    let started: number | undefined;
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      started ??= performance.now();
      if (Number.isFinite(afterMs)) timer ??= setTimeout(() => child.kill('SIGINT'), afterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stderr, ms: started === undefined ? 0 : performance.now() - started });
    });
  });
}

test('SIGINT during inference 20 times: cancelled cleanly every time, never an abort', { timeout: 240_000 }, async () => {
  const image = makeWithFfmpeg('sigint-1280.png', ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-frames:v', '1']);
  // How long a whole run takes here, two at a time as below: the moments are spread over it, so that on a fast or a
  // loaded machine alike they fall from start-up (model loading) through the tiles of the three pictures.
  const whole = await Promise.all([0, 1].map(() => runAndInterrupt(image, mkdtempSync(join(tmpdir(), 'ycis-sigint-')), Infinity)));
  for (const r of whole) assert.equal(r.code, 0, `an uninterrupted run failed:\n${r.stderr}`);
  const step = (0.9 * Math.min(...whole.map((r) => r.ms))) / RUNS;
  const outcomes: string[] = [];
  for (let i = 0; i < RUNS; i += 2) {
    const pair = await Promise.all([i, i + 1].map((k) => runAndInterrupt(image, mkdtempSync(join(tmpdir(), 'ycis-sigint-')), k * step)));
    for (const [j, r] of pair.entries()) {
      const at = `run ${i + j + 1} (SIGINT after ${Math.round((i + j) * step)} ms)`;
      assert.doesNotMatch(r.stderr, /terminate called|Napi::Error|Aborted/, at);
      // A Ctrl-C that lands after the run has finished and printed its summary, while Node tears the process down (its
      // signal handlers already gone), ends it by the default action: the work is whole, and it is no abort.
      const finished = /model \S+ ran on/.test(r.stderr);
      if (r.signal === 'SIGINT' && finished) {
        outcomes.push('late');
        continue;
      }
      assert.equal(r.signal, null, `${at}: killed by ${r.signal}\n${r.stderr}`);
      assert.ok(r.code === 130 || r.code === 0, `${at}: exit ${r.code}\n${r.stderr}`);
      outcomes.push(String(r.code));
    }
  }
  assert.ok(outcomes.filter((c) => c === '130').length >= RUNS / 2, `most runs were interrupted mid-way: ${outcomes.join(' ')}`);
});

/** A whole run to its end: exit code, signal and stderr. */
function runToEnd(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, YOUR_CARTOON_FROM_SOURCE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => done({ code, signal, stderr, ms: performance.now() - t }));
  });
}

test('stylize starts the inference worker with onnxruntime before it reads its options: a refusal still exits cleanly', async () => {
  const image = makeWithFfmpeg('sigint-small.png', ['-f', 'lavfi', '-i', 'testsrc2=size=160x90', '-frames:v', '1']);
  const out = mkdtempSync(join(tmpdir(), 'ycis-refused-'));
  const cases: Array<[string[], number, RegExp]> = [
    [['stylize', image], 2, /--out DIR is required/],
    [['stylize', image, '--out', out, '--provider', 'tpu'], 2, /--provider must be one of/],
    [['stylize', image, '--out', out, '--model', join(out, 'no-such-model.onnx')], 1, /no-such-model\.onnx/],
  ];
  // Each is refused while the worker may still be loading onnxruntime: the process waits for it and stops it
  // cooperatively (torn down inside the runtime it would abort), with the refusal's own exit code and message.
  const runs = await Promise.all(cases.map(([args]) => runToEnd(args)));
  for (const [i, r] of runs.entries()) {
    const [args, code, message] = cases[i];
    assert.doesNotMatch(r.stderr, /terminate called|Napi::Error|Aborted/, args.join(' '));
    assert.equal(r.signal, null, `${args.join(' ')}: killed by ${r.signal}\n${r.stderr}`);
    assert.equal(r.code, code, `${args.join(' ')}\n${r.stderr}`);
    assert.match(r.stderr, message);
  }
});
