import { THUMB_HEIGHT, THUMB_WIDTH } from './features';

/**
 * Block size (in luma-thumbnail cells) and search range of the block comparison: 8 × 3 blocks of 4 × 6 cells
 * (32 × 48 pixels of a 256-pixel-wide analysis frame), each looked for within ±2 cells (±16 analysis pixels, 80 px of
 * a 1280-pixel frame) of where it was.
 */
const BLOCK_W = 4;
const BLOCK_H = 6;
const SEARCH = 2;
/** A block whose luma varies less than this (RMS, 8-bit) has no pattern to find again: no evidence either way. */
const TEXTURE_RMS = 4;
/** A block counts as found again when its best normalised cross-correlation reaches this. */
const FOUND_NCC = 0.7;

/**
 * The share of the picture in frame `a` that cannot be found again in frame `b`: the textured blocks of a's luma
 * thumbnail whose best match in b — any shift within ±SEARCH cells (motion compensation), compared by normalised
 * cross-correlation (blind to gain and offset: exposure, fades, flicker) — stays under FOUND_NCC. In [0, 1]; 0 when a
 * has no textured block. Camera motion within the search range, a change of exposure, or something moving across
 * part of the frame leaves most blocks findable; a new shot (after a cut or a dissolve) leaves few.
 */
export function unmatchedShare(a: Uint8Array, b: Uint8Array): number {
  const W = THUMB_WIDTH;
  const H = THUMB_HEIGHT;
  const n = BLOCK_W * BLOCK_H;
  let textured = 0;
  let unmatched = 0;
  for (let by = 0; by + BLOCK_H <= H; by += BLOCK_H) {
    for (let bx = 0; bx + BLOCK_W <= W; bx += BLOCK_W) {
      let mean = 0;
      for (let j = 0; j < BLOCK_H; j++) for (let i = 0; i < BLOCK_W; i++) mean += a[(by + j) * W + bx + i];
      mean /= n;
      let ss = 0;
      for (let j = 0; j < BLOCK_H; j++) for (let i = 0; i < BLOCK_W; i++) ss += (a[(by + j) * W + bx + i] - mean) ** 2;
      if (ss < TEXTURE_RMS * TEXTURE_RMS * n) continue;
      textured++;
      let best = -1;
      for (let dy = -SEARCH; dy <= SEARCH && best < FOUND_NCC; dy++) {
        const oy = by + dy;
        if (oy < 0 || oy + BLOCK_H > H) continue;
        for (let dx = -SEARCH; dx <= SEARCH && best < FOUND_NCC; dx++) {
          const ox = bx + dx;
          if (ox < 0 || ox + BLOCK_W > W) continue;
          let meanB = 0;
          for (let j = 0; j < BLOCK_H; j++) for (let i = 0; i < BLOCK_W; i++) meanB += b[(oy + j) * W + ox + i];
          meanB /= n;
          let sab = 0;
          let sbb = 0;
          for (let j = 0; j < BLOCK_H; j++) {
            for (let i = 0; i < BLOCK_W; i++) {
              const u = a[(by + j) * W + bx + i] - mean;
              const v = b[(oy + j) * W + ox + i] - meanB;
              sab += u * v;
              sbb += v * v;
            }
          }
          if (sbb > 0) best = Math.max(best, sab / Math.sqrt(ss * sbb));
        }
      }
      if (best < FOUND_NCC) unmatched++;
    }
  }
  return textured ? unmatched / textured : 0;
}

/**
 * How much of the picture two frames do not share, seen from both sides: the smaller of unmatchedShare(a, b) and
 * unmatchedShare(b, a). A transition to another shot replaces the picture, so both directions are high; an occluder
 * or a car entering covers part of the frame (high one way only, or moderate both ways).
 */
export function newContentShare(a: Uint8Array, b: Uint8Array): number {
  return Math.min(unmatchedShare(a, b), unmatchedShare(b, a));
}
