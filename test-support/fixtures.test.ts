import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { locateFfmpeg } from '../main/services/video/locate-ffmpeg';

const root = join(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'out' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** One frame of a lavfi source, as bytes. */
function frameOf(source: string): Buffer {
  const r = spawnSync(locateFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', source, '-frames:v', '3', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

test('lavfi life and cellauto draw a new grid on every run unless seeded, and a seed makes them repeat', () => {
  assert.notDeepEqual(frameOf('life=s=64x36:ratio=0.3'), frameOf('life=s=64x36:ratio=0.3'));
  assert.deepEqual(frameOf('life=s=64x36:ratio=0.3:seed=1'), frameOf('life=s=64x36:ratio=0.3:seed=1'));
  assert.deepEqual(frameOf('cellauto=s=64x36:rule=110:seed=1'), frameOf('cellauto=s=64x36:rule=110:seed=1'));
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
