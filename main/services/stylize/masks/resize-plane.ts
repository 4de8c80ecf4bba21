import { emptyMask, type Mask } from '../../../../app/masks';
import { resampleTaps } from '../image-ops';

/** One-channel float image (mask probabilities, logits of one class). */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Resizes a plane: bilinear with half-pixel centres when enlarging (what the segmenter's README asks for when
 * upscaling its mask), an area-weighted triangle filter when shrinking (a mask brought to processing size).
 */
export function resizePlane(src: Plane, width: number, height: number): Plane {
  if (src.width === width && src.height === height) return { width, height, data: Float32Array.from(src.data) };
  const tx = resampleTaps(src.width, width);
  const ty = resampleTaps(src.height, height);
  const tmp = new Float32Array(width * src.height);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < width; x++) {
      const { first, weights } = tx[x];
      let acc = 0;
      for (let k = 0; k < weights.length; k++) acc += weights[k] * src.data[y * src.width + first + k];
      tmp[y * width + x] = acc;
    }
  }
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const { first, weights } = ty[y];
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = 0; k < weights.length; k++) acc += weights[k] * tmp[(first + k) * width + x];
      data[y * width + x] = acc;
    }
  }
  return { width, height, data };
}

export function maskToPlane(mask: Mask): Plane {
  const data = new Float32Array(mask.data.length);
  for (let i = 0; i < data.length; i++) data[i] = mask.data[i] ? 1 : 0;
  return { width: mask.width, height: mask.height, data };
}

/** Pixels whose value is strictly above `threshold` become 1. */
export function thresholdPlane(plane: Plane, threshold = 0.5): Mask {
  const m = emptyMask(plane.width, plane.height);
  for (let i = 0; i < plane.data.length; i++) m.data[i] = plane.data[i] > threshold ? 1 : 0;
  return m;
}

/** A binary mask at another size: resample its 0/1 coverage and keep what is more than half covered. */
export function resizeMask(mask: Mask, width: number, height: number): Mask {
  if (mask.width === width && mask.height === height) return mask;
  return thresholdPlane(resizePlane(maskToPlane(mask), width, height), 0.5);
}
