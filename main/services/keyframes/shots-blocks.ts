import { THUMB_HEIGHT, THUMB_WIDTH } from './features';

/**
 * How a block comparison cuts and searches the luma thumbnails: blocks of `blockW` × `blockH` cells, each looked for
 * within ±`search` cells of where it was, found again when its best normalised cross-correlation reaches `foundNcc`.
 */
export interface BlockGrid {
  blockW: number;
  blockH: number;
  search: number;
  foundNcc: number;
}

/**
 * The grid of shot detection: 8 × 3 blocks of 4 × 6 cells (32 × 48 pixels of a 256-pixel-wide analysis frame), each
 * looked for within ±2 cells (±16 analysis pixels, 80 px of a 1280-pixel frame) of where it was, found again at a
 * correlation of 0.7 (lenient: motion blur and noise must not make a shot change).
 */
export const SHOT_GRID: BlockGrid = { blockW: 4, blockH: 6, search: 2, foundNcc: 0.7 };
/** A block whose luma varies less than this (RMS, 8-bit) has no pattern to find again: no evidence either way. */
const TEXTURE_RMS = 4;
// Local copies: an imported binding compiles to a getter call under CommonJS, and these are read in inner loops.
const W = THUMB_WIDTH;
const H = THUMB_HEIGHT;

/**
 * The share of the picture in frame `a` that cannot be found again in frame `b`: the textured blocks of a's luma
 * thumbnail (cut as `grid` says, SHOT_GRID unless told) whose best match in b — any shift within ±grid.search cells
 * (motion compensation), compared by normalised cross-correlation (blind to gain and offset: exposure, fades,
 * flicker) — stays under grid.foundNcc. In [0, 1]; 0 when a has no textured block. A block is only compared at shifts that keep it inside the frame, so blocks that camera motion
 * carries past the edge count as not found (allowing partial overlaps there matched too easily: on hard-dev two true
 * dissolves fell under the threshold, docs/keyframes.md). Camera motion within the search range, a change of exposure, or something moving across
 * part of the frame leaves most blocks findable; a new shot (after a cut or a dissolve) leaves few.
 */
export function unmatchedShare(a: Uint8Array, b: Uint8Array, grid: BlockGrid = SHOT_GRID): number {
  const { blockW, blockH, search, foundNcc } = grid;
  const n = blockW * blockH;
  const u = new Float64Array(n);
  let textured = 0;
  let unmatched = 0;
  for (let by = 0; by + blockH <= H; by += blockH) {
    for (let bx = 0; bx + blockW <= W; bx += blockW) {
      let mean = 0;
      for (let j = 0; j < blockH; j++) for (let i = 0; i < blockW; i++) mean += a[(by + j) * W + bx + i];
      mean /= n;
      let ss = 0;
      for (let j = 0, k = 0; j < blockH; j++) {
        for (let i = 0; i < blockW; i++, k++) {
          u[k] = a[(by + j) * W + bx + i] - mean;
          ss += u[k] * u[k];
        }
      }
      if (ss < TEXTURE_RMS * TEXTURE_RMS * n) continue;
      textured++;
      let found = false;
      for (let dy = -search; dy <= search && !found; dy++) {
        const oy = by + dy;
        if (oy < 0 || oy + blockH > H) continue;
        for (let dx = -search; dx <= search && !found; dx++) {
          const ox = bx + dx;
          if (ox < 0 || ox + blockW > W) continue;
          // One pass: Σ u·b equals Σ u·(b − mean b) because Σ u = 0, and Σ (b − mean b)² = Σ b² − (Σ b)² / n.
          let sb = 0;
          let sbb = 0;
          let sub = 0;
          for (let j = 0, k = 0; j < blockH; j++) {
            for (let i = 0, q = (oy + j) * W + ox; i < blockW; i++, k++, q++) {
              const v = b[q];
              sb += v;
              sbb += v * v;
              sub += u[k] * v;
            }
          }
          const varB = sbb - (sb * sb) / n;
          found = varB > 0 && sub >= foundNcc * Math.sqrt(ss * varB);
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
