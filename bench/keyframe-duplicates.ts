/**
 * `node --import tsx bench/keyframe-duplicates.ts [--fresh] [--pairs] [CLIP ...]`: the key frames of every clip of
 * ../shared/videos and ../shared/videos/hard-dev (or the named ones) after the mutual comparison without and with the
 * same-picture test (docs/keyframes-duplicates.md), each dropped key frame with the one it repeats and why, and with
 * --pairs the similarity and new-content share of every pair of key frames in one shot or in neighbouring shots.
 * Features are computed once per clip (one decoding pass, as the product does) and cached under
 * $TMPDIR/your-cartoon-dups-cache (--fresh recomputes them).
 */
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { DEFAULT_ANALYSIS_PARAMS } from '../app/keyframes';
import type { VideoInfo } from '../app/video';
import { keyframesOfShots, loadKernels, streamFeatures, type ClusterFrame, type ShotSignal } from '../main/services/keyframes';
import { fadeRampFrames } from '../main/services/keyframes/fade-ramps';
import { sampleEvery } from '../main/services/keyframes/inpass-pictures';
import { shotStructure } from '../main/services/keyframes/shot-structure';
import { frameRateOf, transitionSpans } from '../main/services/keyframes/shots';
import { removeDuplicates } from '../main/services/keyframes/mutual';
import { pictureNewShare, samePictureTest } from '../main/services/keyframes/same-picture';
import { probeVideo } from '../main/services/video';
import { SHARED_VIDEOS } from '../test-support/fixtures';

const params = DEFAULT_ANALYSIS_PARAMS;
const CACHE = join(tmpdir(), 'your-cartoon-dups-cache');

async function featuresOf(path: string, fresh: boolean) {
  const file = join(CACHE, `${basename(path)}.v8`);
  if (!fresh && existsSync(file)) return deserialize(readFileSync(file)) as { info: VideoInfo; signals: ShotSignal[]; frames: ClusterFrame[] };
  const info = await probeVideo(path);
  const { signals, frames } = await streamFeatures(path, info, params, loadKernels().kernels);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, serialize({ info, signals, frames }));
  return { info, signals, frames };
}

async function main() {
  const args = process.argv.slice(2);
  const fresh = args.includes('--fresh');
  const pairs = args.includes('--pairs');
  const only = args.filter((a) => !a.startsWith('--'));
  const rows: Array<[string, number, number, number, number]> = [];
  const { kernels } = loadKernels();
  const clips: string[] = [];
  for (const dir of [SHARED_VIDEOS, join(SHARED_VIDEOS, 'hard-dev')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.(mp4|mkv)$/.test(f)) clips.push(join(dir, f));
  }
  for (const path of clips) {
    if (only.length && !only.some((o) => path.includes(o))) continue;
    const { info, signals, frames } = await featuresOf(path, fresh);
    const flat = frames.map((f) => f.blank || f.flat === true);
    const fading = fadeRampFrames(signals, flat, frameRateOf(signals, info.fps), params.fadeMaxSeconds);
    fading.forEach((isFading, i) => (frames[i].fading = isFading));
    const { shots, boundaries } = shotStructure(signals, info, params, fading);
    for (const [a, b] of transitionSpans(boundaries)) for (let i = a; i <= b; i++) frames[i].transition = true;
    // As the analysis does: a frame the decoding pass holds is preferred when nearly as sharp (inpass-pictures.ts).
    const every = sampleEvery(info);
    const detected = keyframesOfShots(shots, frames, kernels, params, undefined, (i) => i % every === 0);
    const sim = (a: { frame: number }, b: { frame: number }) =>
      kernels.frameSimilarity(frames[a.frame].features, frames[b.frame].features, params);
    const shotOf = (k: { shot: number }) => k.shot;
    const t = performance.now();
    const before = removeDuplicates(detected, sim, params.duplicateSimilarity, shotOf);
    const after = removeDuplicates(detected, sim, params.duplicateSimilarity, shotOf, samePictureTest(signals));
    const ms = performance.now() - t;
    const name = basename(path);
    rows.push([name, shots.length, detected.length, before.kept.length, after.kept.length]);
    console.log(`${name}: ${shots.length} shots, clusters' key frames ${detected.length}, kept before ${before.kept.length} → after ${after.kept.length} (${ms.toFixed(1)} ms for both)`);
    for (const d of after.dropped) {
      const how = d.reason === 'same picture' ? `same picture, new share ${d.newShare?.toFixed(2)}` : 'similar';
      console.log(`  drop ${d.keyframe.shot}:${d.keyframe.frame} (cluster ${d.keyframe.clusterSize}) repeats ${d.duplicateOf.shot}:${d.duplicateOf.frame} (cluster ${d.duplicateOf.clusterSize}): ${how}, similarity ${d.similarity.toFixed(3)}`);
    }
    if (pairs) {
      for (let i = 0; i < detected.length; i++) {
        for (let j = i + 1; j < detected.length; j++) {
          const a = detected[i];
          const b = detected[j];
          if (Math.abs(a.shot - b.shot) > 1) continue;
          console.log(`  pair ${a.shot === b.shot ? 'same shot' : 'next shot'} ${a.shot}:${a.frame} ${b.shot}:${b.frame} similarity ${sim(a, b).toFixed(3)} new share ${pictureNewShare(signals[a.frame].thumb, signals[b.frame].thumb).toFixed(2)}`);
        }
      }
    }
  }
  console.log('\n| clip | shots | clusters | key frames before | after |\n| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

void main();
