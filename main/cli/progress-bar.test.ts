import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { estimateEta } from '../../app/progress';
import { createProgressBar, formatDuration, formatProgressLine } from './progress-bar';

test('estimateEta: from elapsed time and fraction; none before 2%; a job’s own estimate wins', () => {
  assert.equal(estimateEta({ stage: 'analyse', done: 25, fraction: 0.25 }, 10), 30);
  assert.equal(estimateEta({ stage: 'analyse', done: 1, fraction: 0.01 }, 10), undefined);
  assert.equal(estimateEta({ stage: 'analyse', done: 1 }, 10), undefined);
  assert.equal(estimateEta({ stage: 'analyse', done: 1, fraction: 0.5, etaSeconds: 7 }, 10), 7);
});

test('formatProgressLine: bar, percent, counts and ETA, fitted to the terminal width', () => {
  const line = formatProgressLine({ stage: 'analyse', done: 50, total: 200, fraction: 0.25, etaSeconds: 95 }, 80);
  assert.match(line, /^analyse +\[#+-+\]  25% 50\/200 ETA 1m35s$/);
  assert.ok(line.length <= 80);
  assert.equal(formatProgressLine({ stage: 'decode', done: 3 }, 80), 'decode    3');
  assert.equal(formatDuration(59.6), '1m00s');
});

/** A bar writing to a log (not a terminal) on a clock the test moves; the lines it wrote. */
function logBar(intervalMs: number, start: number) {
  const stderr = new PassThrough();
  const lines: string[] = [];
  stderr.on('data', (d) => lines.push(String(d)));
  const clock = { now: start };
  const bar = createProgressBar({ stdout: new PassThrough(), stderr, interactive: false }, intervalMs, () => clock.now);
  return { bar, lines, clock };
}

test('createProgressBar: an ETA once the job is under way; a second job in the same command starts its own clock', () => {
  const { bar, lines, clock } = logBar(0, 1_000_000);
  bar.listener({ stage: 'analyse', done: 1, total: 100, fraction: 0.01 });
  clock.now += 60_000;
  bar.listener({ stage: 'analyse', done: 50, total: 100, fraction: 0.5 });
  // The next job (panels) reports from 0 again, 60 s into the command: its ETA counts from its own start.
  bar.listener({ stage: 'stylize', done: 0, total: 10, fraction: 0 });
  clock.now += 10_000;
  bar.listener({ stage: 'stylize', done: 1, total: 10, fraction: 0.1 });
  bar.done();
  assert.equal(lines.length, 4);
  assert.doesNotMatch(lines[0], /ETA/);
  assert.match(lines[1], /50% 50\/100 ETA 1m00s\n$/);
  assert.match(lines[3], /10% 1\/10 ETA 1m30s\n$/);
});

test('createProgressBar in a log: each stage’s last report is written before the next stage and at the end', () => {
  const { bar, lines, clock } = logBar(5000, 0);
  bar.listener({ stage: 'extract', done: 0, total: 6, fraction: 0.9 });
  clock.now += 100;
  bar.listener({ stage: 'extract', done: 6, total: 6, fraction: 1 });
  bar.listener({ stage: 'stylize', done: 0, total: 6, fraction: 0 });
  clock.now += 100;
  bar.listener({ stage: 'stylize', done: 6, total: 6, fraction: 1 });
  bar.done();
  bar.done();
  assert.deepEqual(lines.map((l) => /^\w+/.exec(l)?.[0] + ' ' + /\d+\/6/.exec(l)?.[0]), ['extract 0/6', 'extract 6/6', 'stylize 0/6', 'stylize 6/6']);
});
