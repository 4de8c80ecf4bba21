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
// Local copies: an imported binding compiles to a getter call under CommonJS, and these are read in inner loops.
const W = THUMB_WIDTH;
const H = THUMB_HEIGHT;

/**
 * The thumbnail's block at (bx, by) of bw × bh cells, less its mean, into `out` (row by row); returns its sum of
 * squares (the block's texture, and the denominator of a normalised correlation with it).
 */
export function centredBlock(img: Uint8Array, bx: number, by: number, bw: number, bh: number, out: Float64Array): number {
  let mean = 0;
  for (let j = 0; j < bh; j++) for (let i = 0; i < bw; i++) mean += img[(by + j) * W + bx + i];
  mean /= bw * bh;
  let ss = 0;
  for (let j = 0, k = 0; j < bh; j++) {
    for (let i = 0; i < bw; i++, k++) {
      out[k] = img[(by + j) * W + bx + i] - mean;
      ss += out[k] * out[k];
    }
  }
  return ss;
}

/**
 * The normalised cross-correlation of the centred block `u` (bw × bh, its sum of squares `ss`: centredBlock) with
 * thumbnail `b`'s block at (ox, oy); 0 where b's block is flat. One pass: Σ u·b equals Σ u·(b − mean b) because
 * Σ u = 0, and Σ (b − mean b)² = Σ b² − (Σ b)² / n.
 */
export function blockNcc(u: Float64Array, ss: number, b: Uint8Array, ox: number, oy: number, bw: number, bh: number): number {
  let sb = 0;
  let sbb = 0;
  let sub = 0;
  for (let j = 0, k = 0; j < bh; j++) {
    for (let i = 0, q = (oy + j) * W + ox; i < bw; i++, k++, q++) {
      const v = b[q];
      sb += v;
      sbb += v * v;
      sub += u[k] * v;
    }
  }
  const varB = sbb - (sb * sb) / (bw * bh);
  return varB > 0 ? sub / Math.sqrt(ss * varB) : 0;
}

/**
 * The share of the picture in frame `a` that cannot be found again in frame `b`: the textured blocks of a's luma
 * thumbnail whose best match in b — any shift within ±SEARCH cells (motion compensation), compared by normalised
 * cross-correlation (blind to gain and offset: exposure, fades, flicker) — stays under FOUND_NCC. In [0, 1]; 0 when a
 * has no textured block. A block is only compared at shifts that keep it inside the frame, so blocks that camera motion
 * carries past the edge count as not found (allowing partial overlaps there matched too easily: on hard-dev two true
 * dissolves fell under the threshold, docs/keyframes.md). Camera motion within the search range, a change of
 * exposure, or something moving across part of the frame leaves most blocks findable; a new shot (after a cut or a
 * dissolve) leaves few.
 */
export function unmatchedShare(a: Uint8Array, b: Uint8Array): number {
  const n = BLOCK_W * BLOCK_H;
  const u = new Float64Array(n);
  let textured = 0;
  let unmatched = 0;
  for (let by = 0; by + BLOCK_H <= H; by += BLOCK_H) {
    for (let bx = 0; bx + BLOCK_W <= W; bx += BLOCK_W) {
      const ss = centredBlock(a, bx, by, BLOCK_W, BLOCK_H, u);
      if (ss < TEXTURE_RMS * TEXTURE_RMS * n) continue;
      textured++;
      let found = false;
      for (let dy = -SEARCH; dy <= SEARCH && !found; dy++) {
        const oy = by + dy;
        if (oy < 0 || oy + BLOCK_H > H) continue;
        for (let dx = -SEARCH; dx <= SEARCH && !found; dx++) {
          const ox = bx + dx;
          if (ox < 0 || ox + BLOCK_W > W) continue;
          found = blockNcc(u, ss, b, ox, oy, BLOCK_W, BLOCK_H) >= FOUND_NCC;
        }
      }
      if (!found) unmatched++;
    }
  }
  return textured ? unmatched / textured : 0;
}

/**
 * How much of the picture two frames do not share, seen from both sides: the smaller of unmatchedShare(a, b) and
 * unmatchedShare(b, a). With `atLeast`, a first direction already under it is returned as is (the caller only asks
 * whether the share reaches that). A transition to another shot replaces the picture, so both directions are high; an occluder
 * or a car entering covers part of the frame (high one way only, or moderate both ways).
 */
export function newContentShare(a: Uint8Array, b: Uint8Array, atLeast = 0): number {
  const one = unmatchedShare(a, b);
  return one < atLeast ? one : Math.min(one, unmatchedShare(b, a));
}
