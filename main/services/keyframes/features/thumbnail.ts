import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH, THUMB_HEIGHT, THUMB_WIDTH } from './types';

/**
 * Source range [start, end) of thumbnail cell `cell` of `cells` along a side of `size` pixels:
 * start = floor(cell · size / cells), end = max(start + 1, floor((cell + 1) · size / cells)).
 * For size ≥ cells the ranges partition the side (area averaging); for smaller frames pixels repeat.
 */
export function cellRange(cell: number, cells: number, size: number): [number, number] {
  const start = Math.floor((cell * size) / cells);
  return [start, Math.max(start + 1, Math.floor(((cell + 1) * size) / cells))];
}

/** The rounded mean (round half up) of `n` values summing to `sum`, in exact integer arithmetic. */
function roundedMean(sum: number, n: number): number {
  return Math.floor((2 * sum + n) / (2 * n));
}

/** THUMB_WIDTH × THUMB_HEIGHT thumbnail of an 8-bit luma image: each cell the rounded mean of its source block. */
export function lumaThumbnail(luma: Uint8Array, width: number, height: number, out: Uint8Array): void {
  const xr = Array.from({ length: THUMB_WIDTH }, (_, c) => cellRange(c, THUMB_WIDTH, width));
  for (let ty = 0; ty < THUMB_HEIGHT; ty++) {
    const [y0, y1] = cellRange(ty, THUMB_HEIGHT, height);
    for (let tx = 0; tx < THUMB_WIDTH; tx++) {
      const [x0, x1] = xr[tx];
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += luma[y * width + x];
      out[ty * THUMB_WIDTH + tx] = roundedMean(sum, (x1 - x0) * (y1 - y0));
    }
  }
}

/**
 * COLOUR_THUMB_WIDTH × COLOUR_THUMB_HEIGHT RGB thumbnail of a packed RGB24 frame: each cell the rounded mean of its
 * source block, per channel. Shot detection needs it beside the luma thumbnail: a cut between two shots of equal
 * brightness but different colours (red to green) does not show in luma; the colour histogram does see it, but its
 * hard bin edges make a fade to white jump in steps that look like cuts, whereas area averages keep colour changes
 * continuous under fades and abrupt at cuts.
 */
export function colourThumbnail(rgb: Uint8Array, width: number, height: number, out?: Uint8Array): Uint8Array {
  const result = out ?? new Uint8Array(COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT * 3);
  const xr = Array.from({ length: COLOUR_THUMB_WIDTH }, (_, c) => cellRange(c, COLOUR_THUMB_WIDTH, width));
  for (let ty = 0; ty < COLOUR_THUMB_HEIGHT; ty++) {
    const [y0, y1] = cellRange(ty, COLOUR_THUMB_HEIGHT, height);
    for (let tx = 0; tx < COLOUR_THUMB_WIDTH; tx++) {
      const [x0, x1] = xr[tx];
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        for (let p = (y * width + x0) * 3, end = (y * width + x1) * 3; p < end; p += 3) {
          r += rgb[p];
          g += rgb[p + 1];
          b += rgb[p + 2];
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      const o = (ty * COLOUR_THUMB_WIDTH + tx) * 3;
      result[o] = roundedMean(r, n);
      result[o + 1] = roundedMean(g, n);
      result[o + 2] = roundedMean(b, n);
    }
  }
  return result;
}
