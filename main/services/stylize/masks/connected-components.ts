import { emptyMask, type Mask } from '../../../../app/masks';

export interface SplitOptions {
  /** Components smaller than this many pixels are dropped (noise, a stray hand at the frame edge). */
  minArea?: number;
  /** ...or smaller than this fraction of the image; the larger of the two limits applies. Default 0.002. */
  minFraction?: number;
}

/**
 * Splits a mask into its 8-connected components, largest first (the order InstaGAN translates instances in).
 * A semantic segmenter merges touching people into one blob; that is a limit of the source, not undone here.
 */
export function splitInstances(mask: Mask, opts: SplitOptions = {}): Mask[] {
  const { width: w, height: h, data } = mask;
  const minArea = Math.max(opts.minArea ?? 1, Math.ceil((opts.minFraction ?? 0.002) * w * h));
  const labels = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const components: { pixels: Int32Array; area: number }[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || labels[start] >= 0) continue;
    const label = components.length;
    let top = 0;
    let area = 0;
    stack[top++] = start;
    labels[start] = label;
    const pixels: number[] = [];
    while (top > 0) {
      const p = stack[--top];
      pixels.push(p);
      area++;
      const x = p % w;
      const y = (p - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (data[q] && labels[q] < 0) {
            labels[q] = label;
            stack[top++] = q;
          }
        }
      }
    }
    components.push({ pixels: Int32Array.from(pixels), area });
  }
  return components
    .filter((c) => c.area >= minArea)
    .sort((a, b) => b.area - a.area)
    .map((c) => {
      const m = emptyMask(w, h);
      for (const p of c.pixels) m.data[p] = 1;
      return m;
    });
}
