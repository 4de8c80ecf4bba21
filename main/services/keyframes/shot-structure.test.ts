import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import type { Progress } from '../../../app/progress';
import { runKeyframesJob } from './keyframes-job';
import { detectShots } from './shots';
import { featuresOf, SHOT_FIXTURES } from './shots-fixtures';
import { ShotsSoFar } from './shots-so-far';

const params = DEFAULT_ANALYSIS_PARAMS;

test('shots so far: the detector over the frames that have arrived, growing as they come, the full result at the end', async () => {
  const fixture = SHOT_FIXTURES.cuts;
  const { signals, info } = await featuresOf(fixture.make(), params);
  // A clock that moves 5 s between looks: every look runs the detector.
  let clock = 0;
  const soFar = new ShotsSoFar(info, params, 1000, () => clock);
  const seen: number[][] = [];
  signals.forEach((s, i) => {
    soFar.push(s);
    clock += 5000;
    if ((i + 1) % 30 === 0 || i === signals.length - 1) seen.push(soFar.current().shots.map((x) => x.startFrame));
  });
  // Every shot start found early is one of the true ones, and each list extends the one before.
  for (const starts of seen) for (const f of starts) assert.ok(f === 0 || fixture.cuts.includes(f), `${f} in ${starts}`);
  for (let i = 1; i < seen.length; i++) assert.deepEqual(seen[i].slice(0, seen[i - 1].length - 1), seen[i - 1].slice(0, -1));
  assert.ok(seen[2].length >= 2 && seen[2].length < fixture.cuts.length + 1, `after 90 frames: ${seen[2]}`);
  assert.deepEqual(seen.at(-1), detectShots(signals, info, params).map((s) => s.startFrame));
  const last = soFar.current();
  assert.ok(Math.abs(last.analysedSeconds - signals.length / 25) < 1e-6);
  assert.equal(last.shots.at(-1)!.endFrame, signals.length - 1);

  // Throttled: at most one detection a second on a real clock; in between the last result is reused.
  let now = 0;
  const throttled = new ShotsSoFar(info, params, 1000, () => now);
  for (const s of signals.slice(0, 60)) throttled.push(s);
  const first = throttled.current();
  for (const s of signals.slice(60)) throttled.push(s);
  now = 500;
  assert.equal(throttled.current(), first, 'half a second later: the same');
  now = 1500;
  assert.notEqual(throttled.current(), first);
});

test('a fade through black and a cross-dissolve are kept as transitions, with the frames they cover', async () => {
  for (const [name, kind] of [['fadeBlack', 'fade'], ['dissolve', 'dissolve']] as const) {
    const fixture = SHOT_FIXTURES[name];
    const outDir = mkdtempSync(join(tmpdir(), `ycis-transitions-${name}-`));
    const doc = await runKeyframesJob(fixture.make(), { params, outDir });
    assert.equal(doc.shots.length, 2, name);
    assert.equal(doc.transitions?.length, 1, `${name}: ${JSON.stringify(doc.transitions)}`);
    const [t] = doc.transitions!;
    assert.equal(t.kind, kind);
    assert.equal(t.shot, 1);
    const [a, b] = fixture.gradual[0];
    assert.ok(t.startFrame < doc.shots[1].startFrame && t.endFrame + 1 >= doc.shots[1].startFrame, `${name}: up to the boundary ${doc.shots[1].startFrame}`);
    assert.ok(t.startFrame >= a - 3 && t.endFrame <= b + 3, `${name}: ${t.startFrame}-${t.endFrame} inside ${a}-${b}`);
    assert.ok(t.endFrame - t.startFrame >= (b - a) / 2, `${name}: covers most of the transition`);
    assert.ok(Math.abs(t.startTime - t.startFrame / 25) < 1e-3 && Math.abs(t.endTime - (t.endFrame + 1) / 25) < 1e-3);
  }
  const cuts = await runKeyframesJob(SHOT_FIXTURES.cuts.make(), { params, outDir: mkdtempSync(join(tmpdir(), 'ycis-transitions-cuts-')) });
  assert.deepEqual(cuts.transitions, [], 'hard cuts have none');
});

test('the key-frame job: progress carries the shots found, the filmstrip is swapped into its folder whole', async () => {
  const fixture = SHOT_FIXTURES.cuts;
  const base = mkdtempSync(join(tmpdir(), 'ycis-job-strip-'));
  const filmstripDir = join(base, 'filmstrip');
  const events: Progress[] = [];
  const doc = await runKeyframesJob(fixture.make(), { params, outDir: join(base, 'frames'), filmstripDir, shotsSoFar: true }, { onProgress: (p) => events.push(p) });
  const analysing = events.filter((p) => p.stage === 'analyse');
  assert.ok(analysing.length && analysing.every((p) => p.found && Array.isArray(p.found.shots)), 'every analyse event says what is found');
  const extract = events.filter((p) => p.stage === 'extract' || p.fraction! > 0.9);
  assert.ok(extract.length && extract.every((p) => p.found?.shots.length === doc.shots.length), 'after the analysis: the final shots');
  assert.deepEqual(events.at(-1)!.found!.shots, doc.shots);
  // The bar never goes back; once the analysis is done the job says it saves the key frames.
  const fractions = events.map((p) => p.fraction!);
  assert.ok(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]), `progress goes forward: ${fractions.map((f) => f.toFixed(2)).join(' ')}`);
  assert.ok(events.some((p) => p.stage === 'extract') && !events.some((p) => p.stage === 'done'), events.map((p) => p.stage).join(' '));
  // Its end once every picture is made, not before.
  assert.deepEqual(events.filter((p) => p.fraction === 1).map((p) => [p.stage, p.done, p.total]), [['extract', doc.keyframes.length, doc.keyframes.length]]);
  const index = JSON.parse(readFileSync(join(filmstripDir, 'index.json'), 'utf8'));
  assert.equal(index.rate, 4);
  assert.equal(index.count, Math.floor((229 / 25) * 4));
  assert.deepEqual(readdirSync(filmstripDir).sort(), ['index.json', 'sheet-0001.jpg']);
  assert.deepEqual(readdirSync(base).sort(), ['filmstrip', 'frames'], 'no partial folder left');
  // Again: the new filmstrip replaces the old one. Not asked for the shots so far (as the CLI runs it), the progress
  // events carry none: finding them would cost the analysis for nobody.
  const plain: Progress[] = [];
  await runKeyframesJob(fixture.make(), { params, outDir: join(base, 'frames'), filmstripDir }, { onProgress: (p) => plain.push(p) });
  assert.ok(plain.some((p) => p.stage === 'analyse') && plain.every((p) => p.found === undefined), 'no shots found in any event unless asked');
  assert.deepEqual(readdirSync(base).sort(), ['filmstrip', 'frames']);
  assert.ok(existsSync(join(filmstripDir, 'index.json')));
});
