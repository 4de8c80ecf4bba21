/**
 * Remixed clips: new arrangements of the single shots of ../shared/videos/hard-dev, with truth by construction, to
 * see how the shot detector does on combinations it was not developed on (the product is judged on footage it never
 * saw). Each clip joins pieces of the hard-dev shots (never a frame of a transition) in a seeded random order, with
 * seeded joins (hard cuts, cuts between two framings of one scene, dissolves between whichever shots meet there
 * (most of hard-dev's shots move), fades through black and white) and, in about half of the pieces without a trap of their own (never the
 * letterboxed ones), a synthetic trap (flash, fast pan, zoom, hand-held shake, an occluder crossing the picture)
 * beside the natural traps the pieces carry. The pieces come from the same footage as
 * hard-dev, so this is not unseen footage; what is new is which shots meet at each boundary and which shots carry
 * which trap.
 *
 * Built once into $TMPDIR/your-cartoon-remix (FFV1 pieces, then one x264 encode per clip with a fixed 2-s GOP and
 * no scene-cut key frames, so the key frames do not mark the cuts), with a truth.json in the format of
 * ../shared/videos/hard-dev/truth.json, scored by ../shared/tools/shot_score.py --hard. Never committed. Built on
 * first use (about two minutes on two cores) by main/services/keyframes/shots-sets.test.ts and by
 * `bench/shots-score.ts --remix`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg, locateFfprobe } from '../main/services/video';
import { SHARED_VIDEOS } from './fixtures';

const W = 1280;
const H = 720;
const FPS = 25;
/** Bumped when the way clips are made changes (the cache key). */
const VERSION = 3;
const REMIX_DIR = join(tmpdir(), 'your-cartoon-remix');
const HARD_DEV = join(SHARED_VIDEOS, 'hard-dev');

type Span = [number, number];
type Trap = [number, number, string];

interface SourceClip {
  file: string;
  fps: number;
  gradual: Span[];
  traps: Trap[];
  shots: Array<[number, number, string]>;
}

/** A run of frames [a, b] of one source shot, clear of its transitions, with the traps inside it (source frames). */
interface Piece {
  file: string;
  fps: number;
  a: number;
  b: number;
  desc: string;
  traps: Trap[];
  /** The source shows a letterboxed picture (bars): synthetic traps would move the bars, so none is added. */
  letterbox: boolean;
}

type Join = { kind: 'cut' } | { kind: 'similar' } | { kind: 'dissolve'; frames: number } | { kind: 'fade'; frames: number; colour: 'black' | 'white' };

type Synthetic = 'flash' | 'pan' | 'zoom' | 'shake' | 'occluder';
const SYNTHETIC_FRAMES: Record<Synthetic, number> = { flash: 3, pan: 12, zoom: 14, shake: 25, occluder: 16 };

/** One segment of a remixed clip: a piece, optionally reframed (the second framing of a similar-shot cut), with a trap. */
interface Segment {
  piece: Piece;
  /** Source frames [a, b] of the piece's file. */
  a: number;
  b: number;
  /** Crop factor > 1: the same scene framed closer. */
  closer?: number;
  trap?: { kind: Synthetic; at: number };
}

/** mulberry32: a small seeded generator, so a clip is the same on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Margin (frames) kept from a source transition and from a piece's ends. */
const CLEAR = 3;
/** Frames between a synthetic trap and the segment's ends (or the transition there). */
const TRAP_MARGIN = 10;

function piecesOf(clip: SourceClip): Piece[] {
  const out: Piece[] = [];
  for (const [s, e, desc] of clip.shots) {
    let a = s;
    let b = e;
    for (const [ga, gb] of clip.gradual) {
      if (ga <= a && gb >= a) a = gb + CLEAR;
      if (ga <= b && gb >= b) b = ga - CLEAR;
    }
    if (b - a + 1 < 40) continue;
    const traps = clip.traps.filter(([ta, tb]) => tb >= a && ta <= b);
    // hard-dev's README: the Sintel clip is the letterboxed one (1280 × 546 on black bars).
    out.push({ file: clip.file, fps: clip.fps, a, b, desc, traps, letterbox: /sintel/.test(clip.file) });
  }
  return out;
}

function sourceClips(): SourceClip[] {
  const truth = JSON.parse(readFileSync(join(HARD_DEV, 'truth.json'), 'utf8')) as { clips: SourceClip[] };
  return truth.clips.filter((c) => existsSync(join(HARD_DEV, c.file)));
}

/** The plan of clip `k`: its segments and the joins between them. */
function plan(pool: Piece[], k: number, count: number): { segments: Segment[]; joins: Join[] } {
  const r = rng(1009 * (k + 1));
  const order = pool.map((p, i) => ({ p, key: r(), i }));
  order.sort((x, y) => x.key - y.key);
  const pieces = order.slice(0, count).map((o) => o.p);
  const segments: Segment[] = [];
  const joins: Join[] = [];
  for (const piece of pieces) {
    const span = piece.b - piece.a + 1;
    const length = Math.min(span, 40 + Math.floor(r() * 70));
    const a = piece.a + Math.floor(r() * (span - length + 1));
    const b = a + length - 1;
    if (segments.length) joins.push(pickJoin(r));
    // Now and then the same scene comes back framed closer after a short jump in time: a similar-shot cut.
    if (length >= 80 && r() < 0.3) {
      const m = a + Math.floor(length / 2) - 6;
      segments.push({ piece, a, b: m });
      joins.push({ kind: 'similar' });
      segments.push({ piece, a: m + 12, b, closer: 1.35 });
    } else {
      segments.push({ piece, a, b });
    }
  }
  // A dissolve or a fade needs room: each segment keeps 12 frames of its own besides the transitions at both ends.
  const transitionFrames = (j: Join | undefined) => (j && (j.kind === 'dissolve' || j.kind === 'fade') ? j.frames : 0);
  for (let j = 0; j < joins.length; j++) {
    if (!transitionFrames(joins[j])) continue;
    const room = (i: number) => lengthOf(segments[i]) - transitionFrames(joins[i - 1]) - transitionFrames(joins[i]);
    if (room(j) < 12 || room(j + 1) < 12) joins[j] = { kind: 'cut' };
  }
  // Synthetic traps in segments that carry none of their own, away from their ends (and from a fade's frames).
  segments.forEach((seg, i) => {
    const own = seg.piece.traps.some(([ta, tb]) => tb >= seg.a && ta <= seg.b);
    if (own || seg.piece.letterbox || r() >= 0.45) return;
    const kinds = Object.keys(SYNTHETIC_FRAMES) as Synthetic[];
    const kind = kinds[Math.floor(r() * kinds.length)];
    const head = TRAP_MARGIN + transitionFrames(joins[i - 1]);
    const tail = TRAP_MARGIN + transitionFrames(joins[i]);
    const room = lengthOf(seg) - head - tail - SYNTHETIC_FRAMES[kind];
    if (room < 0) return;
    seg.trap = { kind, at: head + Math.floor(r() * (room + 1)) };
  });
  return { segments, joins };
}

function pickJoin(r: () => number): Join {
  const x = r();
  if (x < 0.28) return { kind: 'dissolve', frames: [15, 20, 25][Math.floor(r() * 3)] };
  if (x < 0.38) return { kind: 'fade', frames: 12, colour: 'black' };
  if (x < 0.43) return { kind: 'fade', frames: 12, colour: 'white' };
  return { kind: 'cut' };
}

/**
 * Where frame d of a segment (counted from its first source frame) lands at the clip's rate: the 30-fps sources lose
 * frames 5, 11, 17, … (segmentGraph's select), so d moves back by the frames dropped before it; a dropped frame maps
 * to the next kept one.
 */
function outIndex(seg: Segment, d: number): number {
  return seg.piece.fps === 30 ? d - Math.floor(d / 6) : d;
}

/** Frames of a segment once at the clip's rate. */
function lengthOf(seg: Segment): number {
  return outIndex(seg, seg.b - seg.a + 1);
}

/**
 * The graph ([0:v] to [v]) of a segment's frames: trimmed, at the clip's rate, reframed, with its synthetic trap
 * (at local output frames).
 */
function segmentGraph(seg: Segment): string {
  const f: string[] = [`trim=start_frame=${seg.a}:end_frame=${seg.b + 1}`];
  // 30 fps to 25: one frame in six dropped (this ffmpeg's fps filter counts from the source's own start instead).
  if (seg.piece.fps === 30) f.push(`select='not(eq(mod(n,6),5))'`);
  else if (seg.piece.fps !== FPS) throw new Error(`remix: no rate conversion from ${seg.piece.fps} fps`);
  f.push(`setpts=N/(${FPS}*TB)`);
  if (seg.closer) {
    const z = seg.closer;
    f.push(`crop=iw/${z}:ih/${z}:(iw-iw/${z})/2:(ih-ih/${z})/2`);
  }
  f.push(`scale=${W}:${H}:flags=bicubic`, 'setsar=1');
  const t = seg.trap;
  if (t) {
    const a = t.at;
    const b = t.at + SYNTHETIC_FRAMES[t.kind] - 1;
    const p = `clip((n-${a})/${b - a},0,1)`;
    switch (t.kind) {
      case 'flash': {
        const k = b - a + 1;
        f.push(`eq=brightness='if(between(n,${a},${b}),0.6*(1-(n-${a})/${k}),0)':contrast='if(between(n,${a},${b}),1+0.3*(1-(n-${a})/${k}),1)':eval=frame`);
        break;
      }
      case 'pan':
        // Shown through a window 1/1.5 of the picture that slides across it within the trap's frames.
        f.push(`scale=${W * 1.5}:${H * 1.5}`, `crop=${W}:${H}:x='(iw-ow)*${p}':y='(ih-oh)/2'`);
        break;
      case 'zoom':
        f.push(`zoompan=z='1+0.6*clip((in-${a})/${b - a},0,1)':d=1:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=${W}x${H}:fps=${FPS}`);
        break;
      case 'shake': {
        const jx = `if(between(n,${a},${b}),24*(0.7*sin(n*1.9)+0.3*sin(n*5.3)),0)`;
        const jy = `if(between(n,${a},${b}),24*(0.6*cos(n*2.7)+0.4*sin(n*4.1)),0)`;
        f.push(`scale=${Math.round(W * 1.1 / 2) * 2}:${Math.round(H * 1.1 / 2) * 2}`, `crop=${W}:${H}:x='(iw-ow)/2+${jx}':y='(ih-oh)/2+${jy}'`);
        break;
      }
      case 'occluder': {
        // A dark shape, 45 % of the width, crossing the picture close to the lens (as a passer-by does).
        const bw = Math.round(W * 0.45);
        const x = `-${bw}+(${W}+${bw})*(n-${a})/${b - a}`;
        return `[0:v]${f.join(',')}[p];color=c=0x1a1410:s=${bw}x${H}:r=${FPS}[o];[p][o]overlay=x='${x}':y=0:shortest=1:enable='between(n,${a},${b})',format=yuv420p[v]`;
      }
    }
  }
  return `[0:v]${f.join(',')},format=yuv420p[v]`;
}

function run(bin: string, args: string[], what: string): string {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what}: ${bin} failed: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

function countFrames(path: string): number {
  const probe = locateFfprobe();
  if (!probe) throw new Error('remix clips need ffprobe to count frames');
  const out = run(probe.path, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path], `counting ${path}`);
  return Number(out.trim());
}

interface ClipTruth {
  file: string;
  fps: number;
  frameCount: number;
  width: number;
  height: number;
  cuts: number[];
  similarCuts: number[];
  gradual: Span[];
  gradualKinds: string[];
  traps: Trap[];
  tolerance: number;
  shots: Array<[number, number, string]>;
}

function buildClip(name: string, dir: string, segments: Segment[], joins: Join[]): ClipTruth {
  const ffmpeg = locateFfmpeg().path;
  const segFiles: string[] = [];
  const lengths: number[] = [];
  segments.forEach((seg, i) => {
    const file = join(dir, `${name}-seg${i}.mkv`);
    run(ffmpeg, ['-v', 'error', '-y', '-i', join(HARD_DEV, seg.piece.file), '-filter_complex', segmentGraph(seg), '-map', '[v]', '-c:v', 'ffv1', file], name);
    segFiles.push(file);
    lengths.push(countFrames(file));
  });
  // Where each segment's frame 0 lands in the clip, and the truth.
  const origin: number[] = [0];
  const truth: ClipTruth = { file: `${name}.mp4`, fps: FPS, frameCount: 0, width: W, height: H, cuts: [], similarCuts: [], gradual: [], gradualKinds: [], traps: [], tolerance: 2, shots: [] };
  for (let i = 1; i < segments.length; i++) {
    const j = joins[i - 1];
    const o = origin[i - 1] + lengths[i - 1] - (j.kind === 'dissolve' ? j.frames : 0);
    origin.push(o);
    if (j.kind === 'cut' || j.kind === 'similar') {
      truth.cuts.push(o);
      if (j.kind === 'similar') truth.similarCuts.push(o);
    } else if (j.kind === 'dissolve') {
      truth.gradual.push([o, o + j.frames - 1]);
      truth.gradualKinds.push(`dissolve ${j.frames} frames`);
    } else {
      truth.gradual.push([o - j.frames, o + j.frames - 1]);
      truth.gradualKinds.push(`fade-out/in through ${j.colour} ${j.frames}+${j.frames} frames`);
    }
  }
  truth.frameCount = origin[segments.length - 1] + lengths[segments.length - 1];
  segments.forEach((seg, i) => {
    const local = (t: number) => outIndex(seg, t - seg.a);
    for (const [ta, tb, kind] of seg.piece.traps) {
      if (tb < seg.a || ta > seg.b) continue;
      truth.traps.push([origin[i] + Math.max(0, local(ta)), origin[i] + Math.min(lengths[i] - 1, local(tb)), kind]);
    }
    if (seg.trap) truth.traps.push([origin[i] + seg.trap.at, origin[i] + seg.trap.at + SYNTHETIC_FRAMES[seg.trap.kind] - 1, `${seg.trap.kind} (synthetic)`]);
    const framing = seg.closer ? `, framed ${seg.closer}x closer` : '';
    truth.shots.push([origin[i], origin[i] + lengths[i] - 1, `${seg.piece.file} ${seg.a}-${seg.b}${framing}: ${seg.piece.desc}`]);
  });
  // A trap is what happens inside a shot: the part of a natural one that a transition's frames cover is no trap.
  truth.traps = truth.traps.flatMap(([ta, tb, kind]): Trap[] => {
    let a = ta;
    let b = tb;
    for (const [ga, gb] of truth.gradual) {
      if (ga - CLEAR <= a && gb + CLEAR >= a) a = gb + CLEAR + 1;
      if (ga - CLEAR <= b && gb + CLEAR >= b) b = ga - CLEAR - 1;
    }
    return b >= a ? [[a, b, kind]] : [];
  });
  truth.traps.sort((x, y) => x[0] - y[0]);
  // One graph: each segment (faded where a fade meets it) cut into its head (mixed into the dissolve before it),
  // its own frames and its tail (mixed into the dissolve after it), the dissolves blended, all concatenated.
  const g: string[] = [];
  const parts: string[] = [];
  segments.forEach((_, i) => {
    const before = i > 0 ? joins[i - 1] : undefined;
    const after = i < joins.length ? joins[i] : undefined;
    const L = lengths[i];
    let chain = `[${i}:v]settb=1/${FPS},setpts=N`;
    if (before?.kind === 'fade') chain += `,fade=t=in:start_frame=0:nb_frames=${before.frames}:color=${before.colour}`;
    if (after?.kind === 'fade') chain += `,fade=t=out:start_frame=${L - after.frames}:nb_frames=${after.frames}:color=${after.colour}`;
    const din = before?.kind === 'dissolve' ? before.frames : 0;
    const dout = after?.kind === 'dissolve' ? after.frames : 0;
    const outs = [`[own${i}]`, ...(din ? [`[head${i}]`] : []), ...(dout ? [`[tail${i}]`] : [])];
    g.push(`${chain},split=${outs.length}${outs.map((o) => `[x${o.slice(1)}`).join('')}`);
    const trim = (label: string, from: number, to: number) => g.push(`[x${label}]trim=start_frame=${from}:end_frame=${to},setpts=N[${label}]`);
    trim(`own${i}`, din, L - dout);
    if (din) trim(`head${i}`, 0, din);
    if (dout) trim(`tail${i}`, L - dout, L);
    if (din) {
      const D = din;
      g.push(`[tail${i - 1}][head${i}]blend=all_expr='A*(1-(N+1)/${D + 1})+B*(N+1)/${D + 1}',setpts=N[mix${i}]`);
      parts.push(`[mix${i}]`);
    }
    parts.push(`[own${i}]`);
  });
  g.push(`${parts.join('')}concat=n=${parts.length}:v=1:a=0,settb=1/${FPS},setpts=N,format=yuv420p[v]`);
  const out = join(dir, `${name}.mp4`);
  const tmp = join(dir, `${name}.partial.mp4`);
  const args = ['-v', 'error', '-y'];
  for (const f of segFiles) args.push('-i', f);
  args.push('-filter_complex', g.join(';'), '-map', '[v]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21');
  args.push('-x264-params', `keyint=${2 * FPS}:min-keyint=${2 * FPS}:scenecut=0`, '-pix_fmt', 'yuv420p', '-r', String(FPS), '-movflags', '+faststart', tmp);
  run(ffmpeg, args, name);
  const got = countFrames(tmp);
  if (got !== truth.frameCount) throw new Error(`${name}: the clip has ${got} frames, its truth says ${truth.frameCount}`);
  renameSync(tmp, out);
  for (const f of segFiles) rmSync(f, { force: true });
  return truth;
}

/**
 * Folders of builds whose process is gone (killed mid-build: its FFV1 pieces would stay behind),
 * and finished sets of other keys (an older VERSION or plan), older than a day so that a checkout of another
 * version running now keeps its own.
 */
function removeAbandonedBuilds(keep: string): void {
  let names: string[];
  try {
    names = readdirSync(REMIX_DIR);
  } catch {
    return;
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const path = join(REMIX_DIR, name);
    if (path === keep) continue;
    const pid = Number(/\.partial-(\d+)$/.exec(name)?.[1]);
    const stale = pid ? pid !== process.pid && !isAlive(pid) : statSync(path).mtimeMs < dayAgo;
    if (stale) rmSync(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const REMIX_CLIPS = 3;
const SEGMENTS_PER_CLIP = 11;

/**
 * Builds the remixed clips once (cached by the plan and this file's VERSION) and returns the folder holding them and
 * their truth.json, or `missing` (why) when ../shared/videos/hard-dev is not beside the repo. `set` 0 is the suite's;
 * other sets are other seeded orders and joins of the same pieces (`bench/shots-score.ts --remix=N`), held out: a
 * change of the detector is developed on set 0 and checked on a set it never saw.
 */
export function remixClips(set = 0): { dir: string } | { missing: string } {
  if (!Number.isInteger(set) || set < 0) throw new RangeError(`remixClips: set must be a whole number ≥ 0, got ${set}`);
  if (!existsSync(join(HARD_DEV, 'truth.json'))) return { missing: `no ${HARD_DEV}/truth.json` };
  const pool = sourceClips().flatMap(piecesOf);
  const plans = Array.from({ length: REMIX_CLIPS }, (_, k) => plan(pool, set * REMIX_CLIPS + k, SEGMENTS_PER_CLIP));
  const key = createHash('sha1').update(JSON.stringify({ VERSION, plans })).digest('hex').slice(0, 10);
  const dir = join(REMIX_DIR, key);
  const truthFile = join(dir, 'truth.json');
  removeAbandonedBuilds(dir);
  if (existsSync(truthFile)) return { dir };
  // Built aside and renamed into place whole: two test processes may build the set at once.
  const work = `${dir}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const clips = plans.map((p, k) => buildClip(`remix-${set ? `s${set}-` : ''}${k + 1}`, work, p.segments, p.joins));
    writeFileSync(join(work, 'truth.json'), `${JSON.stringify({ conventions: 'as ../shared/videos/hard-dev/truth.json; built by test-support/remix-clips.ts', clips }, null, 1)}\n`);
    try {
      renameSync(work, dir);
    } catch (err) {
      if (!existsSync(truthFile)) throw err; // another process finished first
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { dir };
}
