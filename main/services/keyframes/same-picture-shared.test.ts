import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_PARAMS } from '../../../app/keyframes';
import { SHARED_VIDEOS } from '../../../test-support/fixtures';
import { analyzeVideo } from './analyze';

/**
 * The same-picture test of the mutual comparison on the real clips of ../shared/videos and ../shared/videos/hard-dev
 * when this checkout has them: every shot keeps a key frame, a key frame is dropped as the same picture as another of
 * its shot only inside a lighting change of the truth (hard-dev's auto-exposure dips; elsewhere never), and on
 * dev-c-live the last parking-lot shot keeps one key frame during its exposure dip (it kept two nearly identical ones).
 */
const HARD = join(SHARED_VIDEOS, 'hard-dev');

function clipsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(mp4|mkv)$/.test(f)).sort().map((f) => join(dir, f)) : [];
}

function lightingTraps(): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  const file = join(HARD, 'truth.json');
  if (!existsSync(file)) return out;
  const truth = JSON.parse(readFileSync(file, 'utf8')) as { clips: Array<{ file: string; traps?: Array<[number, number, string]> }> };
  for (const c of truth.clips) out.set(c.file, (c.traps ?? []).filter(([, , kind]) => /lighting/.test(kind)).map(([a, b]) => [a, b]));
  return out;
}

const clips = [...clipsIn(SHARED_VIDEOS), ...clipsIn(HARD)];
const traps = lightingTraps();

if (!clips.length) test('same picture on the shared clips', (t) => t.skip(`no clips in ${SHARED_VIDEOS} in this checkout`));

for (const path of clips) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  test(`same picture on ${name}: every shot keeps a key frame; repeats dropped only inside lighting changes`, async (t) => {
    const r = await analyzeVideo(path, DEFAULT_ANALYSIS_PARAMS);
    const dropped = r.duplicates ?? [];
    const same = dropped.filter((d) => d.reason === 'same picture');
    t.diagnostic(`${name}: ${r.shots.length} shots, ${r.keyframes.length + dropped.length} clusters' key frames, ` +
      `${r.keyframes.length} kept; same picture: ${same.map((d) => `${d.frame} as ${d.duplicateOf.frame} (${d.newShare?.toFixed(2)})`).join(', ') || 'none'}`);
    const withKey = new Set([...r.keyframes, ...dropped].map((k) => k.shot));
    for (const shot of withKey) assert.ok(r.keyframes.some((k) => k.shot === shot), `shot ${shot} lost its key frames`);
    const spans = traps.get(name) ?? [];
    for (const d of same) {
      assert.ok(d.newShare !== undefined && d.newShare <= d.threshold, JSON.stringify(d));
      assert.equal(d.shot, d.duplicateOf.shot);
      assert.ok(
        spans.some(([a, b]) => d.frame >= a && d.frame <= b && d.duplicateOf.frame >= a && d.duplicateOf.frame <= b),
        `${name}: ${JSON.stringify(d)} is not inside a lighting change (${JSON.stringify(spans)})`,
      );
    }
    if (name === 'dev-c-live.mp4') {
      // The parking lot during the auto-exposure dip at the end: one key frame (two nearly identical ones before).
      const inDip = r.keyframes.filter((k) => k.frame >= 737 && k.frame <= 828);
      assert.equal(inDip.length, 1, JSON.stringify(inDip));
      assert.ok(same.length >= 1, JSON.stringify(dropped));
    }
  });
}
