import type { Mask } from '../../../../app/masks';
import type { FloatTensor } from '../tensor-codec';
import { maskToPlane, resizePlane, type Plane } from '../masks/resize-plane';

/**
 * The generator's mask input [1, K, H, W]: +1 inside an instance, -1 outside, and all -1 for a slot with no
 * instance (the network skips those, like the dataset's padding of missing instances). Masks are brought to the
 * processing size by area-weighted resampling and thresholded at half coverage.
 */
export function masksToTensor(masks: readonly Mask[], slots: number, width: number, height: number): FloatTensor {
  const plane = width * height;
  const data = new Float32Array(slots * plane).fill(-1);
  masks.forEach((m, k) => {
    const p = resizePlane(maskToPlane(m), width, height).data;
    for (let i = 0; i < plane; i++) if (p[i] > 0.5) data[k * plane + i] = 1;
  });
  return { data, dims: [1, slots, height, width] };
}

/** Slot `k` of the generator's mask output, mapped from [-1, 1] to a 0..1 coverage plane. */
export function tensorSlot(t: FloatTensor, k: number): Plane {
  const [, slots, height, width] = t.dims;
  if (t.dims.length !== 4 || k >= slots) throw new RangeError(`mask output [${t.dims.join(', ')}] has no slot ${k}`);
  const plane = width * height;
  const data = new Float32Array(plane);
  for (let i = 0; i < plane; i++) data[i] = Math.min(1, Math.max(0, (t.data[k * plane + i] + 1) / 2));
  return { width, height, data };
}
