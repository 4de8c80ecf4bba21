#!/usr/bin/env node
// `npm run demo`: the main job on the built-in sample, end to end, with nothing downloaded:
// make the sample video, find its shots and key frames, turn the key frames into cartoon panels.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'out', 'demo');
const cli = join(root, 'bin', 'your-cartoon.js');

function step(title, args) {
  console.log(`\n== ${title}: your-cartoon ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`demo: "${title}" failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

const video = join(out, 'sample.mp4');
step('sample video', ['sample', '--out', video]);
step('key frames', ['keyframes', video, '--out', join(out, 'keyframes')]);
step('cartoon panels (built-in style)', ['stylize', join(out, 'keyframes'), '--out', join(out, 'panels')]);
console.log(`\ndemo: done. Key frames in ${join(out, 'keyframes')}, cartoon panels in ${join(out, 'panels')}`);
