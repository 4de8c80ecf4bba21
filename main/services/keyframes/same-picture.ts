import { unmatchedShare, type BlockGrid } from './shots-blocks';
import type { SamePictureTest } from './mutual';

/**
 * The grid of the same-picture test: 8 × 6 blocks of 4 × 3 luma-thumbnail cells (32 × 24 pixels of a 256-pixel-wide
 * analysis frame, about square), each looked for within ±3 cells (±24 analysis pixels: 9 % of the width, 17 % of the
 * height) and found again only at a correlation of 0.9 (a gain-and-offset copy explains at least 81 % of its
 * variance). Stricter than shot detection's grid (which asks "is this another shot?" and must forgive blur and noise):
 * here the question is whether a reader would see the same panel, so a block must come back nearly unchanged, and the
 * blocks are small enough that a new object of a sixth of the frame shows. Measured on ../shared/videos/hard-dev in
 * docs/keyframes-duplicates.md.
 */
export const PICTURE_GRID: BlockGrid = { blockW: 4, blockH: 3, search: 3, foundNcc: 0.9 };

/**
 * Two key frames of one shot are the same picture when at most this share of either one's textured blocks cannot be
 * found in the other (repeats on hard-dev: 0.14 and 0.20; different key frames of one shot: 0.35 and more).
 */
export const SAME_PICTURE_MAX_NEW = 0.3;

/**
 * The share of the picture that is new between two frames, seen from the side where it is larger: the larger of
 * unmatchedShare(a, b) and unmatchedShare(b, a) on PICTURE_GRID. Blind to gain and offset (exposure, auto-exposure
 * dips, flicker) and to motion within the search range; a new object, a new framing or a wider view raises it.
 */
export function pictureNewShare(a: Uint8Array, b: Uint8Array): number {
  return Math.max(unmatchedShare(a, b, PICTURE_GRID), unmatchedShare(b, a, PICTURE_GRID));
}

/** The same-picture test of the mutual comparison (mutual.ts) on key frames of a video whose frames are `signals`. */
export function samePictureTest(signals: ReadonlyArray<{ thumb: Uint8Array }>): SamePictureTest<{ frame: number }> {
  return {
    newShare: (a, b) => pictureNewShare(signals[a.frame].thumb, signals[b.frame].thumb),
    maxNew: SAME_PICTURE_MAX_NEW,
  };
}
