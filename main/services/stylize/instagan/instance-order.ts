import { maskArea, type Mask } from '../../../../app/masks';

/**
 * The paper's sequential mini-batch order: instances sorted by area, largest first (InstaGAN's
 * `select_masks_decreasing`), then cut into mini-batches of `perBatch`. Empty masks are left out.
 * Returns indices into `masks`.
 */
export function planMiniBatches(masks: readonly Mask[], perBatch: number): number[][] {
  if (!(Number.isInteger(perBatch) && perBatch >= 1)) throw new RangeError(`instances per mini-batch must be >= 1, got ${perBatch}`);
  const order = masks
    .map((m, index) => ({ index, area: maskArea(m) }))
    .filter((m) => m.area > 0)
    .sort((a, b) => b.area - a.area || a.index - b.index)
    .map((m) => m.index);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += perBatch) batches.push(order.slice(i, i + perBatch));
  return batches;
}
