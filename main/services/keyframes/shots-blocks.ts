import { FINE_THUMB_HEIGHT, FINE_THUMB_WIDTH, THUMB_HEIGHT, THUMB_WIDTH } from './features';

/**
 * A luma image cut into blocks for the block comparison: `width` × `height` cells, blocks of `blockW` × `blockH`
 * cells, each looked for within ±`search` cells of where it was.
 */
export interface ShotBlockGrid {
  width: number;
  height: number;
  blockW: number;
  blockH: number;
  search: number;
}

/**
 * On the 32 × 18 luma thumbnail: 8 × 3 blocks of 4 × 6 cells (32 × 48 pixels of a 256-pixel-wide analysis frame),
 * each looked for within ±2 cells (±16 analysis pixels, 80 px of a 1280-pixel frame).
 */
export const COARSE_GRID: ShotBlockGrid = { width: THUMB_WIDTH, height: THUMB_HEIGHT, blockW: 4, blockH: 6, search: 2 };
/**
 * On the 64 × 36 fine thumbnail: the same 8 × 3 blocks of the picture (8 × 12 cells, 32 × 48 analysis pixels), each
 * looked for within ±4 cells (±16 analysis pixels, as on the coarse grid, in steps of half a coarse cell).
 */
export const FINE_GRID: ShotBlockGrid = { width: FINE_THUMB_WIDTH, height: FINE_THUMB_HEIGHT, blockW: 8, blockH: 12, search: 4 };
/** A block whose luma varies less than this (RMS, 8-bit) has no pattern to find again: no evidence either way. */
const TEXTURE_RMS = 4;
/** A block counts as found again when its best normalised cross-correlation reaches this. */
const FOUND_NCC = 0.7;

/**
 * The thumbnail's block at (bx, by) of bw × bh cells, less its mean, into `out` (row by row); returns its sum of
 * squares (the block's texture, and the denominator of a normalised correlation with it).
 */
export function centredBlock(img: Uint8Array, bx: number, by: number, bw: number, bh: number, out: Float64Array, W: number = THUMB_WIDTH): number {
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
 * Summed-area tables of an image and of its squares ((W + 1) × (H + 1), first row and column 0), so the sum and the
 * sum of squares of any block take four lookups. Kept per image while the image lives: the return test compares the
 * same few dozen frames in many pairs.
 */
interface SummedAreas {
  sum: Float64Array;
  sq: Float64Array;
}
const summed = new WeakMap<Uint8Array, SummedAreas>();
function summedAreas(img: Uint8Array, W: number, H: number): SummedAreas {
  let t = summed.get(img);
  if (t) return t;
  const S = W + 1;
  t = { sum: new Float64Array(S * (H + 1)), sq: new Float64Array(S * (H + 1)) };
  for (let y = 0; y < H; y++) {
    let row = 0;
    let rowSq = 0;
    for (let x = 0; x < W; x++) {
      const v = img[y * W + x];
      row += v;
      rowSq += v * v;
      t.sum[(y + 1) * S + x + 1] = t.sum[y * S + x + 1] + row;
      t.sq[(y + 1) * S + x + 1] = t.sq[y * S + x + 1] + rowSq;
    }
  }
  summed.set(img, t);
  return t;
}

/** The shifts within ±s, [dx, dy] pairs, nearest first: a block found again is mostly found near where it was. */
const shiftLists = new Map<number, Int32Array>();
function shiftsNearestFirst(s: number): Int32Array {
  let list = shiftLists.get(s);
  if (!list) {
    const pairs: Array<[number, number]> = [];
    for (let dy = -s; dy <= s; dy++) for (let dx = -s; dx <= s; dx++) pairs.push([dx, dy]);
    pairs.sort((p, q) => p[0] * p[0] + p[1] * p[1] - (q[0] * q[0] + q[1] * q[1]) || p[1] - q[1] || p[0] - q[0]);
    list = Int32Array.from(pairs.flat());
    shiftLists.set(s, list);
  }
  return list;
}

const FLAT = -1;
const NOT_FOUND = 0;
const FOUND = 1;

/**
 * Whether a's block at (bx, by) of the grid is found again in b: FLAT when it has too little texture to tell,
 * else FOUND when some shift within the search range that keeps it inside the frame gives a normalised
 * cross-correlation ≥ FOUND_NCC (blind to gain and offset), else NOT_FOUND. Exact integer sums:
 * n·Σ(a − ā)² = n·Σa² − (Σa)², the same for b (from its summed-area tables), n·Σ(a − ā)(b − b̄) = n·Σab − Σa·Σb.
 */
let foundDx = 0;
let foundDy = 0;
function findBlock(a: Uint8Array, b: Uint8Array, grid: ShotBlockGrid, bx: number, by: number, cx = 0, cy = 0, search = grid.search): number {
  const { width: W, height: H, blockW: BW, blockH: BH } = grid;
  const n = BW * BH;
  let sa = 0;
  let saa = 0;
  for (let j = 0; j < BH; j++) {
    for (let i = 0, q = (by + j) * W + bx; i < BW; i++, q++) {
      const v = a[q];
      sa += v;
      saa += v * v;
    }
  }
  const varA = n * saa - sa * sa;
  if (varA < TEXTURE_RMS * TEXTURE_RMS * n * n) return FLAT;
  const { sum, sq } = summedAreas(b, W, H);
  const S = W + 1;
  const shifts = shiftsNearestFirst(search);
  const bound = FOUND_NCC * FOUND_NCC * varA;
  for (let t = 0; t < shifts.length; t += 2) {
    const dx = cx + shifts[t];
    const dy = cy + shifts[t + 1];
    const ox = bx + dx;
    const oy = by + dy;
    if (ox < 0 || oy < 0 || ox + BW > W || oy + BH > H) continue;
    const top = oy * S + ox;
    const bottom = (oy + BH) * S + ox;
    const sb = sum[bottom + BW] - sum[bottom] - sum[top + BW] + sum[top];
    const varB = n * (sq[bottom + BW] - sq[bottom] - sq[top + BW] + sq[top]) - sb * sb;
    if (varB <= 0) continue;
    let sab = 0;
    for (let j = 0; j < BH; j++) {
      for (let i = 0, p = (by + j) * W + bx, q = (oy + j) * W + ox; i < BW; i++, p++, q++) sab += a[p] * b[q];
    }
    const cov = n * sab - sa * sb;
    if (cov > 0 && cov * cov >= bound * varB) {
      foundDx = dx;
      foundDy = dy;
      return FOUND;
    }
  }
  return NOT_FOUND;
}

const NO_MOTION = { dx: 0, dy: 0 };
/** How far (fine cells each way) the fine search looks around where the coarse search found a block: one coarse cell. */
const REFINE = 2;

/** How far (coarse cells each way) the camera's motion between two frames is looked for: a quarter of the picture. */
const GLOBAL_X = THUMB_WIDTH / 4;
const GLOBAL_Y = Math.floor(THUMB_HEIGHT / 4);

/** Normalised cross-correlation of two profiles, p[i] against q[i + d], over their overlap. */
function profileNcc(p: Float64Array, q: Float64Array, d: number): number {
  const from = Math.max(0, -d);
  const to = Math.min(p.length, q.length - d);
  const n = to - from;
  let sp = 0;
  let sq = 0;
  let spp = 0;
  let sqq = 0;
  let spq = 0;
  for (let i = from; i < to; i++) {
    const u = p[i];
    const v = q[i + d];
    sp += u;
    sq += v;
    spp += u * u;
    sqq += v * v;
    spq += u * v;
  }
  const vp = n * spp - sp * sp;
  const vq = n * sqq - sq * sq;
  return vp > 0 && vq > 0 ? (n * spq - sp * sq) / Math.sqrt(vp * vq) : -1;
}

/** The shift within ±range at which profile q best matches profile p. */
function profileShift(p: Float64Array, q: Float64Array, range: number): number {
  let best = 0;
  let bestNcc = -Infinity;
  for (let d = -range; d <= range; d++) {
    const ncc = profileNcc(p, q, d);
    if (ncc > bestNcc || (ncc === bestNcc && Math.abs(d) < Math.abs(best))) {
      best = d;
      bestNcc = ncc;
    }
  }
  return best;
}

/** Normalised cross-correlation of b's coarse thumbnail shifted by (dx, dy) against a's, over their overlap. */
function shiftedNcc(a: Uint8Array, b: Uint8Array, dx: number, dy: number): number {
  const W = THUMB_WIDTH;
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(W, W - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(THUMB_HEIGHT, THUMB_HEIGHT - dy);
  const n = (x1 - x0) * (y1 - y0);
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, p = y * W + x0, q = (y + dy) * W + x0 + dx; x < x1; x++, p++, q++) {
      const u = a[p];
      const v = b[q];
      sa += u;
      sb += v;
      saa += u * u;
      sbb += v * v;
      sab += u * v;
    }
  }
  const varA = n * saa - sa * sa;
  const varB = n * sbb - sb * sb;
  return varA > 0 && varB > 0 ? (n * sab - sa * sb) / Math.sqrt(varA * varB) : 0;
}

/**
 * The camera's motion from frame a to frame b, in coarse cells, within a quarter of the picture each way: the
 * horizontal shift that best aligns the two thumbnails' column profiles and the vertical one of their row profiles
 * (integral projections, a classic global-motion estimate), refined to the best of its 3 × 3 neighbourhood by the
 * normalised cross-correlation of the whole overlapping pictures, which is returned with it. Between two frames
 * seconds apart of a panning camera the picture has moved beyond the blocks' search range.
 */
export function cameraShift(a: Uint8Array, b: Uint8Array): { dx: number; dy: number; ncc: number } {
  const W = THUMB_WIDTH;
  const H = THUMB_HEIGHT;
  const cols = [new Float64Array(W), new Float64Array(W)];
  const rows = [new Float64Array(H), new Float64Array(H)];
  [a, b].forEach((img, k) => {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        cols[k][x] += img[y * W + x];
        rows[k][y] += img[y * W + x];
      }
    }
  });
  const px = profileShift(cols[0], cols[1], GLOBAL_X);
  const py = profileShift(rows[0], rows[1], GLOBAL_Y);
  let best = { dx: 0, dy: 0, ncc: -Infinity };
  for (let dy = Math.max(-GLOBAL_Y, py - 1); dy <= Math.min(GLOBAL_Y, py + 1); dy++) {
    for (let dx = Math.max(-GLOBAL_X, px - 1); dx <= Math.min(GLOBAL_X, px + 1); dx++) {
      const ncc = shiftedNcc(a, b, dx, dy);
      if (ncc > best.ncc) best = { dx, dy, ncc };
    }
  }
  return best;
}

/**
 * The share of the picture in frame `a` that cannot be found again in frame `b`: the textured blocks of a's luma
 * thumbnail (cut by `grid`) not found again in b by findBlock. In [0, 1]; 0 when a has no textured block. A block is
 * only compared at shifts that keep it inside the frame, so blocks that camera motion carries past the edge count as
 * not found (allowing partial overlaps there matched too easily: on hard-dev two true dissolves fell under the
 * threshold, docs/keyframes.md). Camera motion within the search range, a change of exposure, or something moving
 * across part of the frame leaves most blocks findable; a new shot (after a cut or a dissolve) leaves few.
 */
export function unmatchedShare(a: Uint8Array, b: Uint8Array, grid: ShotBlockGrid = COARSE_GRID): number {
  checkSize(a, b, grid);
  let textured = 0;
  let unmatched = 0;
  for (let by = 0; by + grid.blockH <= grid.height; by += grid.blockH) {
    for (let bx = 0; bx + grid.blockW <= grid.width; bx += grid.blockW) {
      const r = findBlock(a, b, grid, bx, by);
      if (r === FLAT) continue;
      textured++;
      if (r === NOT_FOUND) unmatched++;
    }
  }
  return textured ? unmatched / textured : 0;
}

function checkSize(a: Uint8Array, b: Uint8Array, grid: ShotBlockGrid): void {
  const cells = grid.width * grid.height;
  if (a.length !== cells || b.length !== cells) {
    throw new RangeError(`block comparison: images of ${grid.width} × ${grid.height} cells expected, got ${a.length} and ${b.length}`);
  }
}

/** A frame's luma thumbnails as the block comparison reads them (ShotSignal has both). */
export interface BlockPictures {
  thumb: Uint8Array;
  fineThumb?: Uint8Array;
}

/**
 * unmatchedShare at two scales: a textured block of the coarse thumbnail is found again only when it is found on the
 * coarse grid and its own area is found again on the fine thumbnail too (at any shift within the same range, in
 * half-cell steps; a block flat at the fine scale keeps the coarse answer). Coarse to fine, as in pyramid matching:
 * at 32 × 18 a block is mostly a smooth gradient and finds a gradient of the same direction anywhere, so frames of
 * unrelated shots "shared" their picture by chance; the fine view, with twice the detail each way, refutes most such
 * matches, and the coarse search, cheap, settles most blocks of a new picture before the fine one runs. Without
 * fine thumbnails (signals made by hand), the coarse comparison alone.
 */
export function unmatchedShareOf(a: BlockPictures, b: BlockPictures, motion = NO_MOTION): number {
  const C = COARSE_GRID;
  const F = FINE_GRID;
  const fine = a.fineThumb && b.fineThumb ? [a.fineThumb, b.fineThumb] : undefined;
  if (!fine) return unmatchedShare(a.thumb, b.thumb, C);
  checkSize(a.thumb, b.thumb, C);
  checkSize(fine[0], fine[1], F);
  const sx = F.blockW / C.blockW;
  const sy = F.blockH / C.blockH;
  const moved = motion.dx !== 0 || motion.dy !== 0;
  let textured = 0;
  let unmatched = 0;
  for (let by = 0; by + C.blockH <= C.height; by += C.blockH) {
    for (let bx = 0; bx + C.blockW <= C.width; bx += C.blockW) {
      let coarse = findBlock(a.thumb, b.thumb, C, bx, by);
      if (coarse === NOT_FOUND && moved) coarse = findBlock(a.thumb, b.thumb, C, bx, by, motion.dx, motion.dy);
      if (coarse === FLAT) continue;
      textured++;
      if (coarse === NOT_FOUND || findBlock(fine[0], fine[1], F, bx * sx, by * sy, foundDx * sx, foundDy * sy, REFINE) === NOT_FOUND) unmatched++;
    }
  }
  return textured ? unmatched / textured : 0;
}

/**
 * How much of the picture two frames do not share, seen from both sides: the smaller of unmatchedShareOf(a, b) and
 * unmatchedShareOf(b, a). With `atLeast`, a first direction already under it is returned as is (the caller only asks
 * whether the share reaches that). A transition to another shot replaces the picture, so both directions are high;
 * an occluder or a car entering covers part of the frame (high one way only, or moderate both ways). Thumbnails
 * alone (Uint8Array) are compared on the coarse grid.
 */
export function newContentShare(a: BlockPictures | Uint8Array, b: BlockPictures | Uint8Array, atLeast = 0): number {
  const x = a instanceof Uint8Array ? { thumb: a } : a;
  const y = b instanceof Uint8Array ? { thumb: b } : b;
  const one = unmatchedShareOf(x, y);
  if (one < atLeast) return one;
  const both = Math.min(one, unmatchedShareOf(y, x));
  if (both < atLeast || !x.fineThumb || !y.fineThumb) return both;
  // Most of the picture is new near where it was: it may have moved further, with the camera.
  const motion = cameraShift(x.thumb, y.thumb);
  if (motion.ncc < FOUND_NCC || (Math.abs(motion.dx) <= COARSE_GRID.search && Math.abs(motion.dy) <= COARSE_GRID.search)) return both;
  const there = unmatchedShareOf(x, y, motion);
  return there < atLeast ? there : Math.min(there, unmatchedShareOf(y, x, { dx: -motion.dx, dy: -motion.dy }));
}
