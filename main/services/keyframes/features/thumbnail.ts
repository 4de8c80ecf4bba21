import { THUMB_HEIGHT, THUMB_WIDTH } from './types';

/**
 * Source range [start, end) of thumbnail cell `cell` of `cells` along a side of `size` pixels:
 * start = floor(cell · size / cells), end = max(start + 1, floor((cell + 1) · size / cells)).
 * For size ≥ cells the ranges partition the side (area averaging); for smaller frames pixels repeat.
 */
export function cellRange(cell: number, cells: number, size: number): [number, number] {
  const start = Math.floor((cell * size) / cells);
  return [start, Math.max(start + 1, Math.floor(((cell + 1) * size) / cells))];
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
      const n = (x1 - x0) * (y1 - y0);
      out[ty * THUMB_WIDTH + tx] = Math.floor((2 * sum + n) / (2 * n)); // round half up
    }
  }
}
