// The fault-injection suite of the write paths (docs/robustness.md lists each case by these test names): a cancel,
// a kill -9 of the process writing, and a full disk at several moments each leave the previous complete result
// exactly as it was and no temporary file behind (or one a next start removes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { threeShotClip } from '../../api/api-fixtures';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { runKeyframesJob } from '../keyframes/keyframes-job';
import { picturesAfterThePass, sampleEvery } from '../keyframes/inpass-pictures';
import { keyFrameInterval, probeVideo } from '../video';
import { armFailpoints, errnoError, type WriteStep } from './failpoints';
import { cleanStaleTemps, messageInWords, StagedFiles, withStagedFiles, writeFileAtomic } from '.';

const fresh = (tag: string) => mkdtempSync(join(tmpdir(), `ycis-faults-${tag}-`));
/** Every name in a folder tree that is one of ours left behind: a temporary file or a staging folder. */
function leftovers(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    if (/(^|\/)\.(staging-|.*\.tmp$)/.test(name)) out.push(name);
  }
  return out;
}
/** A snapshot of every file's bytes in a folder (not recursive), to compare before and after a fault. */
function snapshot(dir: string, keep = (_name: string) => true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter(keep).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [n, v] of Object.entries(snapshot(path, keep))) out[`${name}/${n}`] = v;
    else out[name] = readFileSync(path).toString('base64');
  }
  return out;
}

test('writeFileAtomic: a full disk at each step (write, fsync, rename) leaves the previous file whole, no temp file', async () => {
  const dir = fresh('atomic');
  const file = join(dir, 'project.json');
  writeFileSync(file, 'old complete');
  for (const step of ['write', 'fsync', 'rename'] as WriteStep[]) {
    const disarm = armFailpoints((s, path) => (s === step ? errnoError('ENOSPC', path) : undefined));
    try {
      await assert.rejects(writeFileAtomic(file, 'new'.repeat(1000)), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'DISK_FULL', step);
        assert.match(err.message, /project\.json: cannot write it \(the disk is full\); free some space/);
        assert.doesNotMatch(err.message, /ENOSPC|injected/);
        return true;
      });
    } finally {
      disarm();
    }
    assert.equal(readFileSync(file, 'utf8'), 'old complete', step);
    assert.deepEqual(readdirSync(dir), ['project.json'], step);
  }
  // After the rename only the folder's fsync can fail: the new file is then whole in place (old or new, never half).
  const disarm = armFailpoints((s, path) => (s === 'fsync-dir' ? errnoError('EIO', path) : undefined));
  await assert.rejects(writeFileAtomic(file, 'new complete'), /could not be read or written/).finally(disarm);
  assert.equal(readFileSync(file, 'utf8'), 'new complete');
  assert.deepEqual(readdirSync(dir), ['project.json']);
});

test('writeFileAtomic: a real full disk (a 64 KiB tmpfs) keeps the previous file, no temp file', async (t) => {
  const mnt = fresh('tmpfs');
  const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0;
  if (!mounted) return t.skip('cannot mount a tmpfs here (needs root on Linux); the injected ENOSPC cases cover it');
  try {
    const file = join(mnt, 'comic.pdf');
    await writeFileAtomic(file, Buffer.alloc(40 * 1024, 1));
    await assert.rejects(writeFileAtomic(file, Buffer.alloc(60 * 1024, 2)), { code: 'DISK_FULL' });
    assert.ok(readFileSync(file).equals(Buffer.alloc(40 * 1024, 1)));
    assert.deepEqual(readdirSync(mnt), ['comic.pdf']);
  } finally {
    spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
});

test('writeFileAtomic: kill -9 of the writing process at several moments leaves old or new whole; the next start removes its temp file', async () => {
  const dir = fresh('kill');
  const file = join(dir, 'panel.png');
  const versions = [Buffer.alloc(3 << 20, 0x11), Buffer.alloc(3 << 20, 0x22)];
  writeFileSync(file, versions[0]);
  // A child that rewrites the file in a loop with the two versions; killed at different moments.
  const script = `const { writeFileAtomic } = require(${JSON.stringify(join(__dirname, 'atomic-file.ts'))});
    const v = [Buffer.alloc(3 << 20, 0x11), Buffer.alloc(3 << 20, 0x22)];
    (async () => { for (let i = 1; ; i++) await writeFileAtomic(${JSON.stringify(file)}, v[i % 2]); })();`;
  for (const ms of [300, 450, 700]) {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, ms));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const now = readFileSync(file);
    assert.ok(now.equals(versions[0]) || now.equals(versions[1]), `after ${ms} ms: a whole version`);
    await cleanStaleTemps(dir);
    assert.deepEqual(readdirSync(dir), ['panel.png'], `after ${ms} ms`);
  }
});

test('cleanStaleTemps: removes only temp files and staging folders of processes that are gone', async () => {
  const dir = fresh('clean');
  const dead = 999_999_99;
  writeFileSync(join(dir, `.project.json.${dead}-0123abcd.tmp`), 'x');
  mkdirSync(join(dir, `.staging-${dead}-AbC123`));
  writeFileSync(join(dir, `.project.json.${process.pid}-0123abcd.tmp`), 'mine, in use');
  writeFileSync(join(dir, '.hidden-but-not-ours'), 'keep');
  writeFileSync(join(dir, 'shot001-frame000010.jpg'), 'keep');
  assert.deepEqual((await cleanStaleTemps(dir)).sort(), [`.project.json.${dead}-0123abcd.tmp`, `.staging-${dead}-AbC123`]);
  assert.deepEqual(readdirSync(dir).sort(), [`.hidden-but-not-ours`, `.project.json.${process.pid}-0123abcd.tmp`, 'shot001-frame000010.jpg']);
  assert.deepEqual(await cleanStaleTemps(join(dir, 'absent')), []);
  // A journal that names a path leaving the folder (read back from disk, so never trusted) moves nothing out.
  const target = join(dir, 'inner');
  mkdirSync(join(target, `.staging-${dead}-Evil01`), { recursive: true });
  writeFileSync(join(dir, 'outside.txt'), 'keep');
  writeFileSync(join(target, `.staging-${dead}-Evil01`, 'x'), 'staged');
  writeFileSync(join(target, `.staging-${dead}-Evil01`, '.commit.json'), JSON.stringify({ schema: 1, files: [{ name: 'x', previous: false }], remove: ['../outside.txt'] }));
  assert.deepEqual(await cleanStaleTemps(target), [`.staging-${dead}-Evil01`]);
  assert.equal(readFileSync(join(dir, 'outside.txt'), 'utf8'), 'keep');
  assert.deepEqual(readdirSync(target), []);
});

test('cleanStaleTemps: the filmstrip folders an earlier build left after a crash (no pid) go once an hour old, not before', async () => {
  const dir = fresh('legacy');
  for (const name of ['filmstrip.partial-0a1b2c3d', 'filmstrip.old-00ff00ff', 'filmstrip.partial-fresh000', 'filmstrip']) mkdirSync(join(dir, name));
  writeFileSync(join(dir, 'filmstrip.partial-0a1b2c3d', 'sheet-0000.jpg'), 'x');
  const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
  for (const name of ['filmstrip.partial-0a1b2c3d', 'filmstrip.old-00ff00ff']) utimesSync(join(dir, name), hourAgo, hourAgo);
  mkdirSync(join(dir, 'filmstrip.partial-11111111'));
  // Only in a project's own folder: anywhere else (a folder the user picked for an export) such names are the user's.
  assert.deepEqual(await cleanStaleTemps(dir), []);
  assert.deepEqual((await cleanStaleTemps(dir, { legacyFilmstrip: true })).sort(), ['filmstrip.old-00ff00ff', 'filmstrip.partial-0a1b2c3d']);
  // Written a moment ago (an old build may still be at it), the real filmstrip, a name that is not that pattern: kept.
  assert.deepEqual(readdirSync(dir).sort(), ['filmstrip', 'filmstrip.partial-11111111', 'filmstrip.partial-fresh000']);
});

test('StagedFiles: a failure while filling or while swapping in leaves the previous files exactly as they were', async () => {
  const dir = fresh('stage');
  writeFileSync(join(dir, 'a.jpg'), 'old a');
  writeFileSync(join(dir, 'b.jpg'), 'old b');
  const before = snapshot(dir);
  await assert.rejects(withStagedFiles(dir, async (stage) => {
    await writeFileAtomic(stage.path('a.jpg'), 'new a');
    throw new Error('cancelled');
  }), /cancelled/);
  assert.deepEqual(snapshot(dir), before);
  // The swap fails on the second file: the first one is put back.
  const stage = await StagedFiles.create(dir);
  await writeFileAtomic(stage.path('a.jpg'), 'new a');
  await writeFileAtomic(stage.path('b.jpg'), 'new b');
  await writeFileAtomic(stage.path('c.jpg'), 'new c');
  const disarm = armFailpoints((s, path) => (s === 'commit' && path.endsWith('b.jpg') ? errnoError('ENOSPC', path) : undefined));
  await assert.rejects(stage.commit(), { code: 'DISK_FULL' }).finally(disarm);
  await stage.discard();
  assert.deepEqual(snapshot(dir), before);
  assert.deepEqual(leftovers(dir), []);
  // And once nothing fails, all of them are in.
  await withStagedFiles(dir, async (s) => writeFileAtomic(s.path('a.jpg'), 'new a'));
  assert.equal(readFileSync(join(dir, 'a.jpg'), 'utf8'), 'new a');
});

test('StagedFiles: a swap that can be neither finished nor undone stays on disk, and the next swap in the folder finishes it first', async () => {
  const dir = fresh('unfinished');
  writeFileSync(join(dir, 'a.jpg'), 'old a');
  writeFileSync(join(dir, 'b.jpg'), 'old b');
  const stage = await StagedFiles.create(dir);
  await writeFileAtomic(stage.path('a.jpg'), 'new a');
  await writeFileAtomic(stage.path('b.jpg'), 'new b');
  // b.jpg cannot go in, and a.jpg cannot be put back either (a file locked by another program, on Windows).
  const disarm = armFailpoints((s, path) => ((s === 'commit' && path.endsWith('b.jpg')) || s === 'undo' ? errnoError('EBUSY', path) : undefined));
  await assert.rejects(stage.commit()).finally(disarm);
  await stage.discard();
  // The journal and the backups were kept: the folder is not left mixed for good.
  assert.equal(readdirSync(dir).filter((n) => n.startsWith('.staging-')).length, 1, 'the staging folder stays for recovery');
  // It carries this process's pid, but this process no longer works in it: the next swap here finishes it first.
  await withStagedFiles(dir, async (st) => writeFileAtomic(st.path('c.jpg'), 'new c'));
  assert.deepEqual([readFileSync(join(dir, 'a.jpg'), 'utf8'), readFileSync(join(dir, 'b.jpg'), 'utf8')], ['old a', 'old b']);
  assert.equal(readFileSync(join(dir, 'c.jpg'), 'utf8'), 'new c');
  assert.deepEqual(leftovers(dir), []);
});

test('cleanStaleTemps: a staging folder with this process\'s pid that it is not using (an earlier process had the pid) is finished', async () => {
  const dir = fresh('samepid');
  writeFileSync(join(dir, 'a.jpg'), 'old a');
  // What a crashed process with our pid left: a decided swap (journal written), not yet moved in.
  const crashed = (tag: string, text: string) => {
    const left = join(dir, `.staging-${process.pid}-${tag}`);
    mkdirSync(left);
    writeFileSync(join(left, 'a.jpg'), text);
    writeFileSync(join(left, '.commit.json'), JSON.stringify({ schema: 1, files: [{ name: 'a.jpg', previous: false }], remove: [] }));
  };
  crashed('Crash1', 'new a');
  // One this process is using right now (its creation finished the left one first: a new swap never overtakes it).
  const mine = await StagedFiles.create(dir);
  assert.equal(readFileSync(join(dir, 'a.jpg'), 'utf8'), 'new a', 'rolled forward');
  await writeFileAtomic(mine.path('b.jpg'), 'in progress');
  crashed('Crash2', 'newer a');
  assert.deepEqual(await cleanStaleTemps(dir), [`.staging-${process.pid}-Crash2`]);
  assert.equal(readFileSync(join(dir, 'a.jpg'), 'utf8'), 'newer a');
  assert.equal(readFileSync(mine.path('b.jpg'), 'utf8'), 'in progress', 'the live one untouched');
  await mine.discard();
  assert.deepEqual(leftovers(dir), []);
});

/** The swap under test: a.jpg and b.jpg replaced, c.jpg new, thumbs/a.jpg replaced, old-only.jpg removed. */
const SWAP_OLD = { 'a.jpg': 'old a', 'b.jpg': 'old b', 'old-only.jpg': 'old only', 'thumbs/a.jpg': 'old thumb a' };
const SWAP_NEW = { 'a.jpg': 'new a', 'b.jpg': 'new b', 'c.jpg': 'new c', 'thumbs/a.jpg': 'new thumb a' };
const asSnapshot = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, v]) => [n, Buffer.from(v).toString('base64')]).sort());
function swapFolder(tag: string): string {
  const dir = fresh(tag);
  for (const [name, text] of Object.entries(SWAP_OLD)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
/**
 * A program that stages SWAP_NEW in DIR and commits it, with a failpoint hook that counts every step of the commit
 * (each fsync, journal write, rename, removal, and in a rollback each file put back) and kills the process with
 * SIGKILL at step KILL; FAIL makes the rename of c.jpg fail (a full disk), so the commit rolls back.
 */
const swapScript = (dir: string, kill: number, fail: boolean) => `
  const { StagedFiles } = require(${JSON.stringify(join(__dirname, 'staged-files.ts'))});
  const { writeFileAtomic } = require(${JSON.stringify(join(__dirname, 'atomic-file.ts'))});
  const { armFailpoints, errnoError } = require(${JSON.stringify(join(__dirname, 'failpoints.ts'))});
  const { mkdirSync } = require('node:fs');
  (async () => {
    const stage = await StagedFiles.create(${JSON.stringify(dir)});
    mkdirSync(stage.path('thumbs'));
    for (const [name, text] of Object.entries(${JSON.stringify(SWAP_NEW)})) await writeFileAtomic(stage.path(name), text);
    let step = 0;
    armFailpoints((s, path) => {
      if (++step === ${kill}) process.kill(process.pid, 'SIGKILL');
      if (${fail} && s === 'commit' && path.endsWith('c.jpg')) {
        console.log('failed at ' + step);
        return errnoError('ENOSPC', path);
      }
    });
    try { await stage.commit({ remove: ['old-only.jpg'] }); } catch (err) { if (!${fail}) throw err; await stage.discard(); }
    console.log('steps ' + step);
  })();`;
function runSwap(dir: string, kill: number, fail: boolean): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', swapScript(dir, kill, fail)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((done) => child.once('exit', (_code, signal) => done({ signal, out })));
}

test('StagedFiles: kill -9 at every step of the swap (and of its rollback) leaves exactly all the old files or all the new ones; the next start leaves no temp', async () => {
  for (const fail of [false, true]) {
    // A run that is not killed says how many steps its commit has.
    const whole = await runSwap(swapFolder('swap-count'), 0, fail);
    const steps = Number(/steps (\d+)/.exec(whole.out)?.[1]);
    assert.ok(steps >= 10, `the commit has its steps (${whole.out})`);
    // With the failure: every step of the rollback (a kill before the failure is the case above).
    const from = fail ? Number(/failed at (\d+)/.exec(whole.out)?.[1]) + 1 : 1;
    assert.ok(from < steps, whole.out);
    const outcomes: string[] = [];
    // Every step, a few at a time (each is a fresh process).
    for (let first = from; first <= steps; first += 3) {
      const batch = Array.from({ length: Math.min(3, steps - first + 1) }, (_, i) => first + i);
      outcomes.push(...(await Promise.all(batch.map(async (k) => {
        const dir = swapFolder(`swap-kill-${fail ? 'rollback' : 'commit'}-${k}`);
        const run = await runSwap(dir, k, fail);
        assert.equal(run.signal, 'SIGKILL', `killed at step ${k}`);
        // The next start: the job (or the editor opening the project) cleans the folders it reads.
        await cleanStaleTemps(dir);
        await cleanStaleTemps(join(dir, 'thumbs'));
        const now = snapshot(dir);
        assert.deepEqual(leftovers(dir), [], `step ${k}: no temp left`);
        if (fail || JSON.stringify(now) !== JSON.stringify(asSnapshot(SWAP_NEW))) assert.deepEqual(now, asSnapshot(SWAP_OLD), `killed at step ${k} of ${steps}${fail ? ' (rolling back)' : ''}: all old or all new`);
        return JSON.stringify(now) === JSON.stringify(asSnapshot(SWAP_OLD)) ? 'old' : 'new';
      }))));
    }
    if (fail) assert.ok(outcomes.every((o) => o === 'old'), 'a rollback ends all old');
    else {
      // Old until the journal is written, new from then on: one switch point, and both sides are reached.
      const switchAt = outcomes.indexOf('new');
      assert.ok(switchAt > 0 && outcomes.slice(switchAt).every((o) => o === 'new'), `outcomes by step: ${outcomes.join(' ')}`);
    }
  }
});

/** A first complete analysis of the three-shot clip in a fresh folder; returns the folder and its snapshot. */
async function analysedFolder(tag: string) {
  const outDir = join(fresh(tag), 'frames');
  await runKeyframesJob(threeShotClip(), { params: DEFAULT_ANALYSIS_PARAMS, outDir, quality: 92 });
  return { outDir, before: snapshot(outDir) };
}

test('key-frame images: a re-analysis cancelled while making its pictures keeps the earlier images and keyframes.json', async () => {
  const { outDir, before } = await analysedFolder('kf-cancel');
  assert.ok(Object.keys(before).filter((n) => n.endsWith('.jpg')).length >= 3);
  const controller = new AbortController();
  await assert.rejects(
    runKeyframesJob(threeShotClip(), { params: DEFAULT_ANALYSIS_PARAMS, outDir, quality: 40 }, {
      signal: controller.signal,
      // After the decoding pass (which writes most pictures itself), while the rest are made.
      onProgress: (p) => (p.stage === 'cluster' || p.stage === 'extract') && controller.abort(),
    }),
    { name: 'CancelledError' },
  );
  assert.deepEqual(snapshot(outDir), before);
  assert.deepEqual(leftovers(outDir), []);
});

test('key-frame images: a full disk at the first image, a later image or the swap keeps the earlier analysis', async () => {
  const { outDir, before } = await analysedFolder('kf-enospc');
  const moments: Array<[string, (s: WriteStep, path: string, n: number) => boolean]> = [
    ['first image', (s, p, n) => s === 'write' && p.includes('.staging-') && n === 1],
    ['second image', (s, p, n) => s === 'write' && p.includes('.staging-') && n === 2],
    ['swap', (s, _p, n) => s === 'commit' && n === 2],
  ];
  for (const [moment, when] of moments) {
    const counts = new Map<WriteStep, number>();
    const disarm = armFailpoints((s, path) => {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      return when(s, path, counts.get(s) ?? 0) ? errnoError('ENOSPC', path) : undefined;
    });
    await assert.rejects(
      runKeyframesJob(threeShotClip(), { params: DEFAULT_ANALYSIS_PARAMS, outDir, quality: 40 }),
      (err: Error & { code?: string }) => err.code === 'DISK_FULL' && /disk is full/.test(err.message),
      moment,
    ).finally(disarm);
    assert.deepEqual(snapshot(outDir), before, moment);
    assert.deepEqual(leftovers(outDir), [], moment);
  }
});

/**
 * For a child killed at a given moment: prints, then stops the child's thread right there (its pictures written in
 * the staging folder, nothing swapped in yet) until the kill, so the kill cannot come after the job has gone on.
 */
const FREEZE = 'const freeze = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000);';

test('key-frame images: kill -9 of a re-analysis with its pictures made, not yet swapped in, keeps the earlier analysis; the next run cleans up', async () => {
  const { outDir, before } = await analysedFolder('kf-kill');
  // Pictures made in the decoding pass (long GOP) are all staged when it is done; else after it, one by one.
  const gop = await keyFrameInterval(threeShotClip());
  const inPass = gop === undefined || !picturesAfterThePass(gop, sampleEvery(await probeVideo(threeShotClip())));
  const script = `${FREEZE} const { runKeyframesJob } = require(${JSON.stringify(join(__dirname, '..', 'keyframes', 'keyframes-job.ts'))});
    const { DEFAULT_ANALYSIS_PARAMS } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'app', 'keyframes.ts'))});
    runKeyframesJob(${JSON.stringify(threeShotClip())}, { params: DEFAULT_ANALYSIS_PARAMS, outDir: ${JSON.stringify(outDir)}, quality: 40 },
      { onProgress: (p) => { if (${inPass} ? p.stage === 'extract' && p.fraction === 1 : p.stage === 'extract' && p.done >= 1) { console.log('pictures'); freeze(); } } });`;
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done) => child.stdout.on('data', () => done()));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const staged = readdirSync(outDir).filter((n) => n.startsWith('.staging-'));
  assert.equal(staged.length, 1, 'the killed run had staged images');
  assert.ok(readdirSync(join(outDir, staged[0])).length >= 1);
  assert.deepEqual(snapshot(outDir, (n) => !n.startsWith('.staging-')), before);
  // The next run on the folder starts by removing what the killed one left (here: its staging folders).
  await runKeyframesJob(threeShotClip(), { params: DEFAULT_ANALYSIS_PARAMS, outDir, quality: 92 });
  assert.deepEqual(leftovers(outDir), []);
  assert.ok(!existsSync(join(outDir, staged[0])));
});

test('filmstrip: kill -9 of a re-analysis, while it analyses or before its filmstrip is swapped in, keeps the earlier filmstrip whole; the next start cleans up', async () => {
  const base = fresh('strip-kill');
  const outDir = join(base, 'frames');
  const filmstripDir = join(base, 'filmstrip');
  await runKeyframesJob(threeShotClip(), { params: DEFAULT_ANALYSIS_PARAMS, outDir, filmstripDir });
  const before = snapshot(filmstripDir);
  assert.ok(Object.keys(before).includes('index.json') && Object.keys(before).some((n) => n.startsWith('sheet-')));
  // Another video into the same folders: its filmstrip differs from the first one.
  const other = makeWithFfmpeg('faults-other-shots.mp4', [
    '-f', 'lavfi', '-t', '3', '-i', 'mandelbrot=size=320x240:rate=25', '-f', 'lavfi', '-t', '3', '-i', 'testsrc2=size=320x240:rate=25',
    '-filter_complex', '[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]', '-map', '[v]', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '25',
  ]);
  for (const moment of ['analyse', 'extract']) {
    const script = `${FREEZE} const { runKeyframesJob } = require(${JSON.stringify(join(__dirname, '..', 'keyframes', 'keyframes-job.ts'))});
      const { DEFAULT_ANALYSIS_PARAMS } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'app', 'keyframes.ts'))});
      runKeyframesJob(${JSON.stringify(other)}, { params: DEFAULT_ANALYSIS_PARAMS, outDir: ${JSON.stringify(outDir)}, filmstripDir: ${JSON.stringify(filmstripDir)} },
        { onProgress: (p) => { if (${moment === 'extract'} ? p.stage === 'extract' && p.fraction === 1 : p.stage === 'analyse' && p.done > 0) { console.log('now'); if (${moment === 'extract'}) freeze(); } } });`;
    // Its own process group, so its ffmpeg dies with it (an orphan would go on writing into the staging folder).
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    await new Promise<void>((done) => child.stdout.on('data', () => done()));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const staged = readdirSync(filmstripDir).filter((n) => n.startsWith('.staging-'));
    assert.equal(staged.length, 1, `${moment}: the killed run was writing its filmstrip aside`);
    if (moment === 'extract') assert.ok(readdirSync(join(filmstripDir, staged[0])).includes('index.json'), 'its filmstrip was complete, not swapped in yet');
    assert.deepEqual(snapshot(filmstripDir, (n) => !n.startsWith('.staging-')), before, moment);
    assert.deepEqual(readdirSync(base).sort(), ['filmstrip', 'frames'], `${moment}: nothing beside the folders`);
    // The next start (a job on the project, or the editor opening it) finishes or removes what the kill left.
    await cleanStaleTemps(filmstripDir);
    assert.deepEqual(leftovers(filmstripDir), [], moment);
    assert.deepEqual(snapshot(filmstripDir), before, moment);
  }
});

test('messages: a raw file-system error is said in words, naming the file (CLI and API alike)', () => {
  const raw = Object.assign(new Error("EACCES: permission denied, open '/srv/comic.pdf'"), { code: 'EACCES', path: '/srv/comic.pdf' });
  assert.equal(messageInWords(raw), '/srv/comic.pdf: no permission (the folder is read-only or not yours)');
  assert.equal(messageInWords(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/a' })), '/a: the disk is full');
  assert.equal(messageInWords(new Error('plain words stay')), 'plain words stay');
});
