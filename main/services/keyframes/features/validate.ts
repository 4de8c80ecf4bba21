import { KernelInputError, type ClusterParams, type FeatureParams } from './types';

/** Limits that keep every integer in the kernels exact and the features small (checked before either kernel runs). */
export const MAX_BINS_PER_CHANNEL = 256;
export const MAX_JOINT_BINS = 4096;
export const MAX_GLCM_OFFSET = 64;

function isIntIn(x: unknown, lo: number, hi: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
}

export function checkFrameSize(width: number, height: number): void {
  if (!isIntIn(width, 1, 1 << 15) || !isIntIn(height, 1, 1 << 15)) {
    throw new KernelInputError(`frame size ${width}x${height} is not a positive integer size (at most 32768)`);
  }
}

export function checkFrame(rgb: Uint8Array, width: number, height: number): void {
  if (!(rgb instanceof Uint8Array)) throw new KernelInputError('frame data must be a Uint8Array of packed RGB24');
  checkFrameSize(width, height);
  if (rgb.length < width * height * 3) {
    throw new KernelInputError(`frame data holds ${rgb.length} bytes, a ${width}x${height} RGB24 frame needs ${width * height * 3}`);
  }
}

export function checkGlcmParams(levels: number, offsets: ReadonlyArray<readonly [number, number]>): void {
  if (!isIntIn(levels, 2, 256)) throw new KernelInputError(`glcmLevels must be an integer in 2..256, got ${levels}`);
  if (!Array.isArray(offsets) || offsets.length === 0 || offsets.length > 16) {
    throw new KernelInputError('glcmOffsets must be a list of 1 to 16 [dx, dy] pairs');
  }
  for (const o of offsets) {
    const ok = Array.isArray(o) && o.length === 2 && o.every((v) => isIntIn(v, -MAX_GLCM_OFFSET, MAX_GLCM_OFFSET));
    if (!ok || (o[0] === 0 && o[1] === 0)) {
      throw new KernelInputError(`glcmOffsets entry ${JSON.stringify(o)} must be two integers in ±${MAX_GLCM_OFFSET}, not both 0`);
    }
  }
}

export function checkFeatureParams(p: FeatureParams): void {
  const b = p.hsvBins;
  if (!b || ![b.h, b.s, b.v].every((n) => isIntIn(n, 1, MAX_BINS_PER_CHANNEL)) || b.h * b.s * b.v > MAX_JOINT_BINS) {
    throw new KernelInputError(
      `hsvBins ${JSON.stringify(b)} must be integers in 1..${MAX_BINS_PER_CHANNEL} with h·s·v at most ${MAX_JOINT_BINS}`,
    );
  }
  checkGlcmParams(p.glcmLevels, p.glcmOffsets);
}

export function checkWeight(w: number): void {
  if (!(typeof w === 'number' && w >= 0 && w <= 1)) throw new KernelInputError(`histogramWeight must be in [0, 1], got ${w}`);
}

export function checkClusterParams(p: ClusterParams): void {
  checkWeight(p.histogramWeight);
  if (!(typeof p.delta === 'number' && p.delta >= 0 && p.delta <= 1)) {
    throw new KernelInputError(`delta must be in [0, 1], got ${p.delta}`);
  }
}

export function checkSameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new KernelInputError(`${what}: lengths differ (${a.length} vs ${b.length})`);
}

export function checkGreyImage(
  grey: Uint8Array,
  width: number,
  height: number,
  levels: number,
  offsets: ReadonlyArray<readonly [number, number]>,
): void {
  checkGlcmParams(levels, offsets);
  if (!(grey instanceof Uint8Array)) throw new KernelInputError('grey image must be a Uint8Array');
  if (!isIntIn(width, 1, 1 << 15) || !isIntIn(height, 1, 1 << 15) || grey.length < width * height) {
    throw new KernelInputError(`grey image of ${grey.length} values does not hold ${width}x${height} pixels`);
  }
  for (let i = 0; i < width * height; i++) {
    if (grey[i] >= levels) throw new KernelInputError(`grey image value ${grey[i]} at ${i} is not below ${levels} levels`);
  }
}
