import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { locateFfmpeg } from '../main/services/video/locate-ffmpeg';

const root = join(__dirname, '..');

/** The repository's TypeScript and module sources (not installed packages, build or run outputs). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'out', 'dist', 'build'].includes(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** The first three frames of a lavfi source, as raw bytes. */
function framesOf(source: string): Buffer {
  const r = spawnSync(locateFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', source, '-frames:v', '3', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

test('lavfi life and cellauto draw a new grid on every run unless seeded, and a seed makes them repeat', () => {
  assert.notDeepEqual(framesOf('life=s=64x36:ratio=0.3'), framesOf('life=s=64x36:ratio=0.3'));
  assert.deepEqual(framesOf('life=s=64x36:ratio=0.3:seed=1'), framesOf('life=s=64x36:ratio=0.3:seed=1'));
  assert.deepEqual(framesOf('cellauto=s=64x36:rule=110:seed=1'), framesOf('cellauto=s=64x36:rule=110:seed=1'));
});

test('every life or cellauto source in the repository has a seed (fixtures are cached by their arguments)', () => {
  const unseeded: string[] = [];
  for (const file of sources(root)) {
    if (file === __filename) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(/\b(life|cellauto)=[^,;'"`\]\[]*/g)) {
          if (!/(^|:)(random_)?seed=/.test(m[0].slice(m[1].length + 1))) unseeded.push(`${relative(root, file)}:${i + 1}: ${m[0]}`);
        }
      });
  }
  assert.deepEqual(unseeded, []);
});
