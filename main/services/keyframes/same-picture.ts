import { THUMB_HEIGHT, THUMB_WIDTH } from './features';
import type { SamePictureTest } from './mutual';
import { blockNcc, centredBlock } from './shots-blocks';

/**
 * How the luma thumbnails are cut and searched: blocks of `blockW` × `blockH` cells, each looked for within ±`search`
 * cells of where it was, found again when its best normalised cross-correlation reaches `foundNcc`.
 */
export interface BlockGrid {
  blockW: number;
  blockH: number;
  search: number;
  foundNcc: number;
}

/**
 * The grid of the same-picture test: 8 × 6 blocks of 4 × 3 luma-thumbnail cells (32 × 24 pixels of a 256-pixel-wide
 * analysis frame, about square), each looked for within ±3 cells (±24 analysis pixels: 9 % of the width, 17 % of the
 * height) and found again only at a correlation of 0.9 (a gain-and-offset copy explains at least 81 % of its
 * variance). Stricter than shot detection's blocks (shots-blocks.ts: 4 × 6 cells, ±2, 0.7, which ask "is this another shot?" and must forgive
 * blur and noise): here the question is whether a reader would see the same panel, so a block must come back nearly
 * unchanged, and the blocks are small enough that a new object of a sixth of the frame shows. Measured on
 * ../shared/videos/hard-dev in docs/keyframes-duplicates.md.
 */
export const PICTURE_GRID: BlockGrid = { blockW: 4, blockH: 3, search: 3, foundNcc: 0.9 };

/**
 * Two key frames of one shot are the same picture when at most this share of either one's textured blocks cannot be
 * found in the other: under a third (repeats on hard-dev: 0.14–0.24; different key frames of one shot: 0.35 and more,
 * docs/keyframes-duplicates.md).
 */
export const SAME_PICTURE_MAX_NEW = 0.3;

/** A block whose luma varies less than this (RMS, 8-bit; as in shot detection) has no pattern to find again. */
const TEXTURE_RMS = 4;
const W = THUMB_WIDTH;
const H = THUMB_HEIGHT;

/**
 * The share of frame a's picture that is not in frame b: a's luma thumbnail is cut into PICTURE_GRID's blocks and each
 * textured block is looked for in b at every shift within the search range (motion compensation) by normalised
 * cross-correlation (blind to gain and offset: exposure, an auto-exposure dip, flicker); a block is found when the
 * best correlation reaches the grid's foundNcc. The camera's motion is the shift most found blocks agree on; a block
 * not found that this motion carries (partly) out of the frame has left the view rather than changed, and is not
 * counted either way. In [0, 1]; 0 when a has no textured block.
 */
export function missingShare(a: Uint8Array, b: Uint8Array, grid: BlockGrid = PICTURE_GRID): number {
  const { blockW, blockH, search, foundNcc } = grid;
  const n = blockW * blockH;
  const u = new Float64Array(n);
  const side = 2 * search + 1;
  const votes = new Int32Array(side * side);
  const lost: Array<[number, number]> = [];
  let textured = 0;
  for (let by = 0; by + blockH <= H; by += blockH) {
    for (let bx = 0; bx + blockW <= W; bx += blockW) {
      const ss = centredBlock(a, bx, by, blockW, blockH, u);
      if (ss < TEXTURE_RMS * TEXTURE_RMS * n) continue;
      textured++;
      let best = -Infinity;
      let bestShift = -1;
      for (let dy = -search; dy <= search; dy++) {
        const oy = by + dy;
        if (oy < 0 || oy + blockH > H) continue;
        for (let dx = -search; dx <= search; dx++) {
          const ox = bx + dx;
          if (ox < 0 || ox + blockW > W) continue;
          const ncc = blockNcc(u, ss, b, ox, oy, blockW, blockH);
          if (ncc > best) {
            best = ncc;
            bestShift = (dy + search) * side + dx + search;
          }
        }
      }
      if (best >= foundNcc) votes[bestShift]++;
      else lost.push([bx, by]);
    }
  }
  if (!textured) return 0;
  // The camera's motion: the shift found blocks agree on most (no motion when none are found, or on a tie with it).
  let motion = search * side + search;
  for (let s = 0; s < votes.length; s++) if (votes[s] > votes[motion]) motion = s;
  const mdx = (motion % side) - search;
  const mdy = Math.floor(motion / side) - search;
  let missing = 0;
  let leftView = 0;
  for (const [bx, by] of lost) {
    const x = bx + mdx;
    const y = by + mdy;
    if (x < 0 || y < 0 || x + blockW > W || y + blockH > H) leftView++;
    else missing++;
  }
  return textured > leftView ? missing / (textured - leftView) : 0;
}

/**
 * The share of the picture that is new between two frames, seen from the side where it is larger: the larger of
 * missingShare(a, b) and missingShare(b, a). Blind to gain and offset (exposure, auto-exposure dips, flicker) and to
 * motion within the search range; a new object, a new framing, a zoom or a wider view raises it.
 */
export function pictureNewShare(a: Uint8Array, b: Uint8Array): number {
  return Math.max(missingShare(a, b), missingShare(b, a));
}

/**
 * The same-picture test of the mutual comparison (mutual.ts) on key frames of a video whose frames are `signals`
 * (or, for an analysis still under way, whatever `signals()` holds when a pair is compared).
 */
export function samePictureTest(signals: ReadonlyArray<{ thumb: Uint8Array }> | (() => ReadonlyArray<{ thumb: Uint8Array }>)): SamePictureTest<{ frame: number }> {
  const now = typeof signals === 'function' ? signals : () => signals;
  return {
    newShare: (a, b) => pictureNewShare(now()[a.frame].thumb, now()[b.frame].thumb),
    maxNew: SAME_PICTURE_MAX_NEW,
  };
}
