import type { RgbImage } from '../../../../app/video';

/**
 * `over` blended onto `base` by a per-pixel alpha (0..1, one value per pixel). Alpha 0 keeps base's bytes and
 * alpha 1 takes over's bytes exactly, so the context outside a feathered mask is the original, not a rounding of it.
 */
export function compositeAlpha(base: RgbImage, over: RgbImage, alpha: Float32Array): RgbImage {
  if (base.width !== over.width || base.height !== over.height || alpha.length !== base.width * base.height) {
    throw new RangeError(`composite: sizes differ (${base.width}x${base.height}, ${over.width}x${over.height}, alpha ${alpha.length})`);
  }
  const out = new Uint8Array(base.data.length);
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i];
    const p = i * 3;
    if (a <= 0) {
      out[p] = base.data[p];
      out[p + 1] = base.data[p + 1];
      out[p + 2] = base.data[p + 2];
    } else if (a >= 1) {
      out[p] = over.data[p];
      out[p + 1] = over.data[p + 1];
      out[p + 2] = over.data[p + 2];
    } else {
      for (let c = 0; c < 3; c++) out[p + c] = Math.round(base.data[p + c] + a * (over.data[p + c] - base.data[p + c]));
    }
  }
  return { width: base.width, height: base.height, data: out };
}
