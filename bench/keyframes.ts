/**
 * `npm run bench:keyframes [VIDEO ...]`: for each video, in one run, the time of ffmpeg alone decoding it to the
 * analysis resolution with its fastest scaler (the reference), the full key-frame analysis, their ratio, frames per
 * second, the whole `keyframes` command (with the key frames' pictures and thumbnails) and its ratio, the
 * native-vs-TypeScript speed-up of the feature kernels, and peak memory.
 * With no arguments: the shared 720p and 1080p clips and the hard-dev clips (720p) when present, and a generated 1080p
 * clip of 2.5 minutes. Where a truth.json lies beside a clip, the shot F1 (shot_score.py's rules) is shown too.
 * Target: analysis ≤ 1.25 × the reference; native kernels ≥ 10 × the TypeScript reference.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../app/keyframes';
import type { RgbFrame } from '../app/video';
import { analyzeVideo, loadKernels } from '../main/services/keyframes';
import { runKeyframesJob } from '../main/services/keyframes/keyframes-job';
import { measureKernelSpeed } from '../main/services/keyframes/features';
import { decodeSpeedReference, locateFfmpeg, probeVideo, streamFrames } from '../main/services/video';
import { scoreShots, type ShotTruth } from '../main/services/keyframes/shots-score';
import { SHARED_VIDEOS, sharedVideo } from '../test-support/fixtures';
import { longClip1080p } from './long-clip';
import { formatTable } from './table';

const params = DEFAULT_ANALYSIS_PARAMS;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);

async function firstFrames(path: string, count: number): Promise<RgbFrame[]> {
  const frames: RgbFrame[] = [];
  const controller = new AbortController();
  try {
    for await (const f of streamFrames(path, { width: params.analysisWidth, signal: controller.signal })) {
      frames.push({ ...f, data: f.data.slice() });
      if (frames.length >= count) break;
    }
  } finally {
    controller.abort();
  }
  return frames;
}

/** The clip's known transitions, from truth.json beside it (../shared/videos and hard-dev), if any. */
function truthOf(path: string): ShotTruth | undefined {
  try {
    const doc = JSON.parse(readFileSync(join(dirname(path), 'truth.json'), 'utf8')) as { clips: Array<ShotTruth & { file: string }> };
    return doc.clips.find((c) => c.file === basename(path));
  } catch {
    return undefined;
  }
}

const HARD_DEV = ['dev-a-bbb.mp4', 'dev-b-sintel.mp4', 'dev-c-live.mp4', 'dev-d-mix.mp4'].map((f) => join(SHARED_VIDEOS, 'hard-dev', f));

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

async function benchOne(path: string) {
  const info = await probeVideo(path);
  let reference = Infinity;
  let analysis = Infinity;
  let command = Infinity;
  let result;
  let doc;
  // Interleaved and best-of: the machine may be shared, and all sides see the same conditions.
  for (let i = 0; i < REPEATS; i++) {
    reference = Math.min(reference, await decodeSpeedReference(path, params.analysisWidth, { info }));
    let t = performance.now();
    result = await analyzeVideo(path, params);
    analysis = Math.min(analysis, (performance.now() - t) / 1000);
    // The whole `keyframes` command as the CLI runs it: the analysis, the key frames' full-resolution pictures and
    // thumbnails, keyframes.json, the swap into the output folder.
    const out = await mkdtemp(join(tmpdir(), 'bench-keyframes-'));
    t = performance.now();
    doc = await runKeyframesJob(path, { params, outDir: out });
    command = Math.min(command, (performance.now() - t) / 1000);
    rmSync(out, { recursive: true, force: true });
  }
  const frames = await firstFrames(path, 240);
  const kernels = measureKernelSpeed(frames, params, { repeats: 3 });
  const truth = truthOf(path);
  const f1 = truth ? scoreShots(result!.shots.slice(1).map((s) => s.startFrame), truth).f1 : undefined;
  return {
    f1,
    video: basename(path),
    size: `${info.width}x${info.height}`,
    frames: result!.info.frameCount,
    seconds: info.duration,
    shots: result!.shots.length,
    keyframes: result!.keyframes.length,
    reference,
    analysis,
    ratio: analysis / reference,
    command,
    commandRatio: command / reference,
    pictures: doc!.pictures,
    fps: result!.info.frameCount / analysis,
    speedup: kernels.speedup,
    nativeMs: kernels.nativeMsPerFrame,
    tsMs: kernels.typescriptMsPerFrame,
    rss: process.memoryUsage().rss,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const videos = args.length
    ? args
    : [
        sharedVideo('testvideo.mp4'),
        sharedVideo('issue-236-split-copy.mkv'),
        ...HARD_DEV.filter((p) => existsSync(p)),
        longClip1080p(),
      ].filter((p): p is string => Boolean(p));
  for (const v of videos) if (!existsSync(v)) throw new Error(`no such video: ${v}`);
  const k = loadKernels();
  const ffmpeg = locateFfmpeg();
  console.log(`machine: ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; ffmpeg ${ffmpeg.version} (${ffmpeg.source})`);
  console.log(`kernels: ${k.kind}${k.reason ? ` (${k.reason})` : ''}; analysis width ${params.analysisWidth}; best of ${REPEATS}`);
  const header = ['video', 'size', 'frames', 'ffmpeg alone', 'analysis', 'ratio', 'keyframes command', 'ratio', 'pictures (pass/again)', 'fps', 'kernels native/TS', 'speed-up', 'rss', 'shot F1', 'result'];
  const rows: string[][] = [];
  let worst = 0;
  let worstCommand = 0;
  for (const v of videos) {
    const r = await benchOne(v);
    worst = Math.max(worst, r.ratio);
    worstCommand = Math.max(worstCommand, r.commandRatio);
    console.log(`  ${r.video}: analysis ${r.analysis.toFixed(2)} s, keyframes command ${r.command.toFixed(2)} s, ffmpeg alone ${r.reference.toFixed(2)} s`);
    rows.push([
      r.video, r.size, String(r.frames), `${r.reference.toFixed(2)} s`, `${r.analysis.toFixed(2)} s`, r.ratio.toFixed(2),
      `${r.command.toFixed(2)} s`, r.commandRatio.toFixed(2), r.pictures ? `${r.pictures.fromAnalysis}/${r.pictures.decodedAgain}` : 'n/a',
      r.fps.toFixed(0), `${(r.nativeMs ?? NaN).toFixed(3)}/${r.tsMs.toFixed(3)} ms`, r.speedup ? `${r.speedup.toFixed(1)}x` : 'n/a',
      mb(r.rss), r.f1 === undefined ? 'n/a' : r.f1.toFixed(3), `${r.shots} shots, ${r.keyframes} key frames`,
    ]);
  }
  console.log(`\n${formatTable(header, rows)}\n`);
  console.log(`peak RSS of this process: ${mb(process.resourceUsage().maxRSS * 1024)}; worst ratio ${worst.toFixed(2)} for the analysis, ${worstCommand.toFixed(2)} for the whole command (target ≤ 1.25)`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
