import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO } from '../../../test-support/cli-capture';
import { FIXTURE_DIR } from '../../../test-support/fixtures';
import { main } from '../../cli';
import { locateFfmpeg, makeSampleVideo } from '../../services/video';

const SRT = [
  '1', '00:00:01,000 --> 00:00:03,000', '<i>사슴은 어디 갔지?</i>', '',
  '2', '00:00:09,000 --> 00:00:11,000', 'あそこにいるよ。', '',
  '3', '00:00:17,000 --> 00:00:19,500', 'There it is,', 'by the rock!', '',
].join('\n');

test('comic --subtitles: a bad file is refused with its line before any analysis, writing nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-subs-'));
  const bad = join(dir, 'bad.srt');
  writeFileSync(bad, '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 --> nope\nbroken\n');
  const c = captureIO();
  const video = makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4'));
  assert.equal(await main(['comic', video, '--out', join(dir, 'c.pdf'), '--subtitles', bad], c.io), 1);
  assert.match(c.err(), /bad\.srt: line 6: "nope" is not a time/);
  assert.ok(!existsSync(join(dir, 'c-work')), 'no analysis ran');
});

test('comic --subtitles stream:0: each subtitle line of the video in a speech balloon, lettered in the PDF', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-comic-subs-'));
  const srt = join(dir, 'film.srt');
  writeFileSync(srt, SRT);
  // The sample with the subtitles muxed in as its first subtitle stream.
  const film = join(dir, 'film.mkv');
  const mux = spawnSync(locateFfmpeg().path, ['-v', 'error', '-i', makeSampleVideo(join(FIXTURE_DIR, 'sample.mp4')), '-i', srt, '-map', '0:v', '-map', '1', '-c', 'copy', '-c:s', 'srt', film]);
  assert.equal(mux.status, 0, String(mux.stderr));
  const c = captureIO();
  const out = join(dir, 'film.pdf');
  assert.equal(await main(['comic', film, '--out', out, '--subtitles', 'stream:0', '--provider', 'cpu', '--dpi', '150', '--json'], c.io), 0, c.err());
  const r = JSON.parse(c.out());
  assert.deepEqual(r.subtitles, { cues: 3, lettered: 3 });
  if (spawnSync('pdftotext', ['-v']).error) return t.skip('pdftotext (poppler-utils) is not installed: the PDF is not read back');
  const lines = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout.split('\n');
  for (const l of ['사슴은 어디 갔지?', 'あそこにいるよ。']) assert.ok(lines.includes(l), `${l} in ${lines.join(' | ')}`);
  const joined = lines.join(' ');
  assert.match(joined, /There it is,\s+by the rock!/);
  assert.doesNotMatch(readFileSync(out).subarray(0, 2000).toString('latin1'), /Helvetica/);
});
