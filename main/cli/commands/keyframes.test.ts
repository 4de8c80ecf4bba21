import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_ANALYSIS_PARAMS, type KeyframesDocument } from '../../../app/keyframes';
import { FIXTURE_DIR } from '../../../test-support/fixtures';
import { decodeImage, makeSampleVideo, SAMPLE_SHOT_STARTS } from '../../services/video';
import { main } from '../../cli';
import { applySettings } from './keyframes';
import { captureIO } from '../../../test-support/cli-capture';
import { SHOT_FIXTURES } from '../../services/keyframes/shots-fixtures';

const capture = captureIO;

test('keyframes CLI on the built-in sample: the cut, fade, dissolve and cut are found, flash and pan are not; images written', async () => {
  const video = makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4'));
  const dir = mkdtempSync(join(tmpdir(), 'ycis-kf-cli-'));
  // A stale image from an earlier run that the new document does not list is tidied away.
  writeFileSync(join(dir, 'keyframes.json'), JSON.stringify({ keyframes: [{ file: 'shot009-frame000999.jpg' }] }));
  writeFileSync(join(dir, 'shot009-frame000999.jpg'), 'old');
  const c = capture();
  const code = await main(['keyframes', video, '--out', dir, '--json', '--max-width', '640'], c.io);
  assert.equal(code, 0, c.err());
  const doc = JSON.parse(c.out()) as KeyframesDocument;
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'keyframes.json'), 'utf8')), doc);

  const starts = doc.shots.map((s) => s.startFrame).slice(1);
  assert.equal(starts.length, 4, `shot starts ${starts}`);
  const [cut1, cut2] = SAMPLE_SHOT_STARTS.cut;
  const [fadeA, fadeB] = SAMPLE_SHOT_STARTS.fadeThroughBlack;
  const [dissA, dissB] = SAMPLE_SHOT_STARTS.dissolve;
  assert.ok(Math.abs(starts[0] - cut1) <= 2, `cut at ${starts[0]}, expected ${cut1}`);
  assert.ok(starts[1] >= fadeA && starts[1] <= fadeB, `fade boundary ${starts[1]} outside [${fadeA}, ${fadeB}]`);
  assert.ok(starts[2] >= dissA && starts[2] <= dissB, `dissolve boundary ${starts[2]} outside [${dissA}, ${dissB}]`);
  assert.ok(Math.abs(starts[3] - cut2) <= 2, `cut at ${starts[3]}, expected ${cut2}`);

  assert.ok(doc.keyframes.length >= doc.shots.length, 'at least one key frame per shot');
  assert.deepEqual(new Set(doc.keyframes.map((k) => k.shot)).size, doc.shots.length);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort();
  assert.deepEqual(files, doc.keyframes.map((k) => k.file).sort(), 'exactly the listed images, the stale one removed');
  const img = await decodeImage(join(dir, doc.keyframes[0].file));
  assert.deepEqual([img.width, img.height], [640, 360]);
  assert.equal(doc.video.frameCount, 520);
  assert.ok(doc.timing.totalSeconds > 0 && doc.ffmpeg.path.length > 0);
});

test('keyframes CLI: usage errors exit 2 with the usage; a file that is not a video exits 1 naming it', async () => {
  let c = capture();
  assert.equal(await main(['keyframes', '--out', '/tmp/x'], c.io), 2);
  assert.match(c.err(), /exactly one VIDEO/);
  c = capture();
  assert.equal(await main(['keyframes', 'a.mp4', '--out', '/tmp/x', '--delta', '7'], c.io), 2);
  assert.match(c.err(), /--delta must be a number between 0 and 1/);
  c = capture();
  assert.equal(await main(['keyframes', 'a.mp4', '--out', '/tmp/x', '--set', 'nope=1'], c.io), 2);
  assert.match(c.err(), /unknown parameter "nope"/);
  const dir = mkdtempSync(join(tmpdir(), 'ycis-kf-bad-'));
  const notVideo = join(dir, 'holiday notes.mp4');
  writeFileSync(notVideo, 'these are not frames\n'.repeat(100));
  c = capture();
  assert.equal(await main(['keyframes', notVideo, '--out', join(dir, 'out')], c.io), 1);
  assert.match(c.err(), /holiday notes\.mp4/);
  assert.equal(existsSync(join(dir, 'out')), false, 'nothing left of a failed run, not even the folder it made');
  // A folder that was there before stays, with what it held.
  mkdirSync(join(dir, 'kept'));
  writeFileSync(join(dir, 'kept', 'mine.txt'), 'x');
  assert.equal(await main(['keyframes', notVideo, '--out', join(dir, 'kept', 'a', 'b')], capture().io), 1);
  assert.deepEqual(readdirSync(join(dir, 'kept')), ['mine.txt']);
});

test('keyframes CLI: every analysis parameter is settable (hsvBins.*, glcmOffsets too) and every range is a usage error', async () => {
  const p = applySettings(DEFAULT_ANALYSIS_PARAMS, ['hsvBins.h=8', 'hsvBins.v=2', 'glcmOffsets=1:0,0:-2', 'cutSensitivity=4']);
  assert.deepEqual(p.hsvBins, { h: 8, s: DEFAULT_ANALYSIS_PARAMS.hsvBins.s, v: 2 });
  assert.deepEqual(p.glcmOffsets, [[1, 0], [0, -2]]);
  assert.equal(p.cutSensitivity, 4);
  assert.equal(DEFAULT_ANALYSIS_PARAMS.hsvBins.h, 16, 'the defaults are not changed in place');
  // Out of range, whichever way it is given: exit 2 with the usage, before any video is read.
  for (const [args, message] of [
    [['--width', '20'], /--width must be a number between 32 and 1920/],
    [['--min-shot', '100'], /--min-shot must be a number between 0 and 60/],
    [['--set', 'glcmLevels=1000'], /glcmLevels: 1000 is outside the whole numbers 2\.\.256/],
    [['--set', 'hsvBins.h=0'], /hsvBins\.h: 0 is outside/],
    [['--set', 'glcmOffsets=0:0'], /glcmOffsets entry \[0,0\]/],
    [['--set', 'glcmOffsets=right'], /not a list of dx:dy pairs/],
  ] as Array<[string[], RegExp]>) {
    const c = capture();
    assert.equal(await main(['keyframes', 'missing.mp4', '--out', '/tmp/x', ...args], c.io), 2, args.join(' '));
    assert.match(c.err(), message);
    assert.match(c.err(), /Usage: your-cartoon keyframes/);
  }
});

test('keyframes CLI --explain: one line per boundary on stderr (signal, value, threshold, checks), and in keyframes.json', async () => {
  const video = SHOT_FIXTURES.cuts.make();
  const dir = mkdtempSync(join(tmpdir(), 'ycis-kf-explain-'));
  const c = capture();
  const code = await main(['keyframes', video, '--out', dir, '--json', '--explain', '--max-width', '160'], c.io);
  assert.equal(code, 0, c.err());
  const doc = JSON.parse(c.out()) as KeyframesDocument;
  const boundaries = doc.explain?.boundaries ?? [];
  assert.deepEqual(boundaries.map((b) => b.frame), doc.shots.slice(1).map((s) => s.startFrame));
  assert.deepEqual(boundaries.map((b) => b.frame), SHOT_FIXTURES.cuts.cuts);
  for (const b of boundaries) {
    assert.equal(b.kind, 'cut');
    assert.equal(b.signal, 'frame difference');
    assert.ok(b.value >= b.threshold && b.checks.isolation >= b.checks.isolationThreshold, JSON.stringify(b));
    assert.ok(b.checks.motionCompensated >= b.checks.motionCompensatedThreshold, JSON.stringify(b));
  }
  const lines = c.err().split('\n').filter((l) => l.startsWith('boundary at frame'));
  assert.equal(lines.length, boundaries.length, c.err());
  assert.match(lines[0], /^boundary at frame 40 \(1\.60 s\): cut: frame difference [\d.]+ ≥ threshold [\d.]+ \(localLevel [\d.]+, isolation/);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'keyframes.json'), 'utf8')).explain, doc.explain);
  // Without the flag, keyframes.json has no explain section.
  const plain = capture();
  assert.equal(await main(['keyframes', video, '--out', dir, '--json', '--max-width', '160'], plain.io), 0, plain.err());
  assert.equal((JSON.parse(plain.out()) as KeyframesDocument).explain, undefined);
  assert.ok(!plain.err().includes('boundary at frame'));
});
