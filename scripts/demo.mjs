#!/usr/bin/env node
// `npm run demo`: the main job on the built-in sample, end to end, with nothing downloaded:
// make the sample video, then the comic: its shots and key frames, cartoon panels in the built-in style, A4 pages
// in a PDF (the key frames and panels stay in out/demo/comic-work).
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
const pdf = join(out, 'comic.pdf');
step('comic (key frames, built-in style, pages)', ['comic', video, '--out', pdf]);
const work = join(out, 'comic-work');
console.log(`\ndemo: done. The comic: ${pdf}; key frames in ${join(work, 'keyframes')}, panels in ${join(work, 'panels')}`);
