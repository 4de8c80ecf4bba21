// Writes frame-greys.json: the quantised grey images (16 levels) of two lavfi frames at 64x36, the "real frame"
// inputs of make_glcm_golden.py. Run from the repository root:
//   node --import tsx main/services/keyframes/features/golden/export-frame-greys.ts
// The file is committed: the golden test reads the grey images, so it does not depend on this ffmpeg's scaler.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { luma8, quantiseLuma } from '../color';
import { decodeTestFrames, lavfi } from '../test-frames';

const LEVELS = 16;
const sources = { testsrc2: 'testsrc2=size=640x360:rate=25', mandelbrot: 'mandelbrot=size=640x360:rate=25' };
const frames = Object.entries(sources).map(([name, graph]) => {
  const [f] = decodeTestFrames(lavfi(graph), 64, 1, '', 36);
  const grey = Array.from({ length: f.width * f.height }, (_, p) =>
    quantiseLuma(luma8(f.data[3 * p], f.data[3 * p + 1], f.data[3 * p + 2]), LEVELS),
  );
  return { name: `${name} frame 0 at 64x36`, width: f.width, height: f.height, levels: LEVELS, grey };
});
writeFileSync(join(__dirname, 'frame-greys.json'), `${JSON.stringify({ frames })}\n`);
console.log(`wrote ${frames.length} grey images`);
