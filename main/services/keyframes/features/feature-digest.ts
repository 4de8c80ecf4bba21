import { createHash } from 'node:crypto';
import { DEFAULT_ANALYSIS_PARAMS as P } from '../../../../app/keyframes';
import { decodeTestFrames, lavfi } from './test-frames';
import type { FeatureKernels } from './types';

/**
 * SHA-1 of every feature (bytes of hsv, glcm, both thumbnails, luma statistics, sharpness) of a fixed set of images: a slice of all
 * RGB colours, pseudo-random images of odd sizes and two lavfi frames. Tests compare it across kernels and code
 * paths (e.g. the native module with YOUR_CARTOON_NATIVE_SIMD=baseline in a child process).
 */
export function featureDigest(kernels: FeatureKernels): string {
  const hash = createHash('sha1');
  const add = (rgb: Uint8Array, w: number, h: number) => {
    for (const params of [P, { ...P, hsvBins: { h: 7, s: 11, v: 13 }, glcmLevels: 32 }]) {
      const f = kernels.frameFeatures(rgb, w, h, params);
      for (const a of [f.hsv, f.glcm, f.thumb, f.colourThumb]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      hash.update(new Uint8Array(Float64Array.of(f.meanLuma, f.stdLuma, f.sharpness).buffer));
    }
  };
  const colours = new Uint8Array(256 * 256 * 3);
  for (let r = 0; r < 256; r += 15) {
    for (let i = 0; i < 256 * 256; i++) colours.set([r, i >> 8, i & 255], 3 * i);
    add(colours, 256, 256);
  }
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
  for (const [w, h] of [[1, 1], [33, 19], [257, 3], [5, 31]]) add(Uint8Array.from({ length: w * h * 3 }, random), w, h);
  for (const graph of ['testsrc2=size=640x360:rate=25', 'mandelbrot=size=640x360:rate=25']) {
    const [f] = decodeTestFrames(lavfi(graph), 256, 1, '', 144);
    add(f.data, f.width, f.height);
  }
  return hash.digest('hex');
}
