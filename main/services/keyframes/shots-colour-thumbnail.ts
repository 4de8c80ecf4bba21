/** Size of the colour thumbnail shot detection keeps per frame (16 × 9 cells × RGB = 432 bytes). */
export const COLOUR_THUMB_WIDTH = 16;
export const COLOUR_THUMB_HEIGHT = 9;

/**
 * A coarse RGB thumbnail (area averages, rounded) of a packed RGB24 frame. The feature kernels' thumbnail is luma only,
 * so a cut between two shots of equal brightness but different colours (red to green) would not show in it; the
 * colour histogram does see it, but its hard bin edges make a fade to white jump in steps that look like cuts.
 * Averaging pixels keeps colour changes continuous under fades and abrupt at cuts.
 */
export function colourThumbnail(rgb: Uint8Array, width: number, height: number, out?: Uint8Array): Uint8Array {
  const result = out ?? new Uint8Array(COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT * 3);
  const columns = Array.from({ length: COLOUR_THUMB_WIDTH }, (_, c) => cellRange(c, COLOUR_THUMB_WIDTH, width));
  for (let cy = 0; cy < COLOUR_THUMB_HEIGHT; cy++) {
    const [y0, y1] = cellRange(cy, COLOUR_THUMB_HEIGHT, height);
    for (let cx = 0; cx < COLOUR_THUMB_WIDTH; cx++) {
      const [x0, x1] = columns[cx];
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
      const o = (cy * COLOUR_THUMB_WIDTH + cx) * 3;
      result[o] = Math.round(r / n);
      result[o + 1] = Math.round(g / n);
      result[o + 2] = Math.round(b / n);
    }
  }
  return result;
}

/** Source pixels [start, end) of cell `cell` of `cells` along `size` pixels; small frames repeat pixels. */
function cellRange(cell: number, cells: number, size: number): [number, number] {
  const start = Math.min(size - 1, Math.floor((cell * size) / cells));
  return [start, Math.max(start + 1, Math.floor(((cell + 1) * size) / cells))];
}
