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
  const cells = COLOUR_THUMB_WIDTH * COLOUR_THUMB_HEIGHT;
  const result = out ?? new Uint8Array(cells * 3);
  const sums = new Float64Array(cells * 3);
  const counts = new Uint32Array(cells);
  const column = new Uint16Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.min(COLOUR_THUMB_WIDTH - 1, Math.floor((x * COLOUR_THUMB_WIDTH) / width));
  for (let y = 0; y < height; y++) {
    const rowCell = Math.min(COLOUR_THUMB_HEIGHT - 1, Math.floor((y * COLOUR_THUMB_HEIGHT) / height)) * COLOUR_THUMB_WIDTH;
    let p = y * width * 3;
    for (let x = 0; x < width; x++, p += 3) {
      const c = rowCell + column[x];
      sums[c * 3] += rgb[p];
      sums[c * 3 + 1] += rgb[p + 1];
      sums[c * 3 + 2] += rgb[p + 2];
      counts[c]++;
    }
  }
  for (let c = 0; c < cells; c++) {
    const n = Math.max(1, counts[c]);
    for (let k = 0; k < 3; k++) result[c * 3 + k] = Math.round(sums[c * 3 + k] / n);
  }
  return result;
}
