import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegNotFoundError, locateFfmpeg, locateFfprobe, resetFfmpegLocator } from './locate-ffmpeg';

const saved = { ffmpeg: process.env.FFMPEG_PATH, ffprobe: process.env.FFPROBE_PATH };

function setEnv(name: 'FFMPEG_PATH' | 'FFPROBE_PATH', value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetFfmpegLocator();
}

afterEach(() => {
  setEnv('FFMPEG_PATH', saved.ffmpeg);
  setEnv('FFPROBE_PATH', saved.ffprobe);
});

/** The binaries found with no override, linked into a fresh folder under other names. */
function linkedCopies(): { dir: string; ffmpeg: string; ffprobe: string | undefined } {
  setEnv('FFMPEG_PATH', undefined);
  setEnv('FFPROBE_PATH', undefined);
  const real = { ffmpeg: locateFfmpeg().path, ffprobe: locateFfprobe()?.path };
  const dir = mkdtempSync(join(tmpdir(), 'ffmpeg override '));
  const exe = process.platform === 'win32' ? '.exe' : '';
  symlinkSync(real.ffmpeg, join(dir, `ffmpeg${exe}`));
  if (real.ffprobe) symlinkSync(real.ffprobe, join(dir, `ffprobe${exe}`));
  return { dir, ffmpeg: join(dir, `ffmpeg${exe}`), ffprobe: real.ffprobe && join(dir, `ffprobe${exe}`) };
}

test('without overrides: a working ffmpeg, its source and version reported', () => {
  setEnv('FFMPEG_PATH', undefined);
  const found = locateFfmpeg();
  assert.ok(['ffmpeg-static', '@ffmpeg-installer/ffmpeg', 'PATH'].includes(found.source), found.source);
  assert.match(found.version, /\S/);
  const run = spawnSync(found.path, ['-version'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.ok(run.stdout.includes(found.version), 'the reported version is the binary\'s own');
  assert.equal(locateFfmpeg(), found, 'cached');
});

test('FFMPEG_PATH is used first, reported as source "env", and ffprobe is looked for beside it', (t) => {
  const { ffmpeg, ffprobe } = linkedCopies();
  setEnv('FFMPEG_PATH', ffmpeg);
  const found = locateFfmpeg();
  assert.deepEqual([found.path, found.source], [ffmpeg, 'env']);
  if (!ffprobe) return t.skip('no ffprobe installed to find beside it');
  const probe = locateFfprobe();
  assert.deepEqual([probe?.path, probe?.source], [ffprobe, 'env']);
});

test('a bogus FFMPEG_PATH gives FfmpegNotFoundError naming what was tried (no silent fallback)', () => {
  setEnv('FFMPEG_PATH', '/no/such/dir/ffmpeg');
  assert.throws(locateFfmpeg, (e: unknown) => {
    assert.ok(e instanceof FfmpegNotFoundError);
    assert.equal(e.tool, 'ffmpeg');
    assert.deepEqual(e.tried, ['FFMPEG_PATH (/no/such/dir/ffmpeg missing or not executable)']);
    assert.match(e.message, /ffmpeg was not found\. Tried: FFMPEG_PATH \(\/no\/such\/dir\/ffmpeg missing or not executable\)/);
    assert.match(e.message, /set FFMPEG_PATH to its full path/);
    return true;
  });
});

test('an FFMPEG_PATH file that is not a program is reported as one that does not run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ffmpeg-bogus-'));
  const fake = join(dir, 'ffmpeg');
  writeFileSync(fake, 'not a program\n');
  setEnv('FFMPEG_PATH', fake);
  assert.throws(locateFfmpeg, (e: unknown) => e instanceof FfmpegNotFoundError && e.tried[0] === `FFMPEG_PATH (${fake} does not run)`);
});

test('a bogus FFPROBE_PATH means "no ffprobe" (null): the prober then reads ffmpeg\'s report', () => {
  setEnv('FFPROBE_PATH', '/no/such/ffprobe');
  assert.equal(locateFfprobe(), null);
  assert.ok(locateFfmpeg().path, 'ffmpeg is unaffected');
});
