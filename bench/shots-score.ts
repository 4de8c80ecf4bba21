/**
 * `node --import tsx bench/shots-score.ts [--fresh] [--explain] [--remix[=N]] [CLIP ...]`: shot detection on every clip
 * of ../shared/videos and ../shared/videos/hard-dev (or the named ones), scored with ../shared/tools/shot_score.py
 * --hard; with --remix also on the remixed clips of test-support/remix-clips.ts (built on first use, about two
 * minutes), --remix=N on held-out set N (other seeded orders and joins of the same pieces; 0 is the suite's).
 * The per-frame features of each clip are computed once (one decoding pass, as the product does) and cached under
 * $TMPDIR/your-cartoon-shots-cache (--fresh recomputes them), so changing the detection and measuring again takes
 * seconds. Prints shot_score.py's JSON line per clip and the TOTAL per set; --explain prints every boundary's reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../app/keyframes';
import { loadKernels, streamFeatures } from '../main/services/keyframes';
import type { ShotSignal } from '../main/services/keyframes/shots-signals';
import { detectShotBoundaries } from '../main/services/keyframes/shots';
import { probeVideo } from '../main/services/video';
import { SHARED_VIDEOS } from '../test-support/fixtures';
import { remixClips } from '../test-support/remix-clips';

const params = DEFAULT_ANALYSIS_PARAMS;
const CACHE = join(tmpdir(), 'your-cartoon-shots-cache');
const SCORER = join(SHARED_VIDEOS, '..', 'tools', 'shot_score.py');

interface Cached {
  fps: number;
  signals: ShotSignal[];
}

function encode(s: ShotSignal) {
  return {
    time: s.time,
    meanLuma: s.meanLuma,
    stdLuma: s.stdLuma,
    thumb: Buffer.from(s.thumb).toString('base64'),
    colourThumb: Buffer.from(s.colourThumb).toString('base64'),
  };
}

function decode(o: ReturnType<typeof encode>): ShotSignal {
  return {
    ...o,
    thumb: new Uint8Array(Buffer.from(o.thumb, 'base64')),
    colourThumb: new Uint8Array(Buffer.from(o.colourThumb, 'base64')),
  };
}

async function signalsOf(path: string, fresh: boolean): Promise<Cached> {
  // By name, size and time: a clip built again (the remixed ones) is decoded again.
  const { size, mtimeMs } = statSync(path);
  const file = join(CACHE, `${basename(path)}-${size}-${Math.round(mtimeMs)}.json`);
  if (!fresh && existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    return { fps: c.fps, signals: c.signals.map(decode) };
  }
  const info = await probeVideo(path);
  const { signals } = await streamFeatures(path, info, params, loadKernels().kernels);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify({ fps: info.fps, signals: signals.map(encode) }));
  return { fps: info.fps, signals };
}

async function main() {
  const args = process.argv.slice(2);
  const fresh = args.includes('--fresh');
  const explain = args.includes('--explain');
  const only = args.filter((a) => !a.startsWith('--'));
  if (!existsSync(SCORER)) throw new Error(`no scorer at ${SCORER}`);
  const dirs = [SHARED_VIDEOS, join(SHARED_VIDEOS, 'hard-dev')];
  const remixArg = args.find((a) => a === '--remix' || a.startsWith('--remix='));
  if (remixArg) {
    const set = remixArg === '--remix' ? 0 : Number(remixArg.slice('--remix='.length));
    const remix = remixClips(set);
    if ('missing' in remix) console.log(`remixed clips: not built (${remix.missing})`);
    else dirs.push(remix.dir);
  }
  for (const dir of dirs) {
    const truthFile = join(dir, 'truth.json');
    if (!existsSync(truthFile)) continue;
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { clips: Array<{ file: string }> };
    const preds: Record<string, number[]> = {};
    for (const { file } of truth.clips) {
      if (only.length && !only.some((o) => file.includes(o))) continue;
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      const { fps, signals } = await signalsOf(path, fresh);
      const boundaries = detectShotBoundaries(signals, { fps }, params);
      preds[file] = boundaries.map((b) => b.frame);
      if (explain) {
        for (const b of boundaries) console.log(`  ${file} ${b.frame} ${b.kind} strength ${b.strength.toFixed(2)}${b.span ? ` span ${b.span.join('-')}` : ''} ${JSON.stringify(b.reason?.checks ?? {})}`);
      }
    }
    if (!Object.keys(preds).length) continue;
    const out = execFileSync('python3', [SCORER, '--hard', JSON.stringify(preds), truthFile], { encoding: 'utf8' });
    console.log(`${dir}:`);
    for (const line of out.trim().split('\n')) {
      const r = JSON.parse(line);
      console.log(
        `  ${r.file.padEnd(26)} F1 ${r.f1.toFixed(3)} P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}` +
          (r.falsePositives ? ` fp ${JSON.stringify(r.falsePositives)} traps ${JSON.stringify(r.fpByTrap)} missed ${JSON.stringify(r.missed)}` : ` fp ${r.fp} fn ${r.fn} inTraps ${r.fpInTraps}`),
      );
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
