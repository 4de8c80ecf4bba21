import type { ModelSpec } from '../../../app/stylize';

/**
 * The long side (px) a frame is stylized at, or undefined to run it at its own size.
 * - `size` > 0: what the user asked for (enlarging included);
 * - `size` 0: the frame's own size, whatever the model recommends;
 * - `size` absent: the spec's recommendedLongSide (the scale the authors trained and tested at, e.g. 200 for
 *   InstaGAN, 450 for CartoonGAN, 1280 for White-box) when the frame is larger, else the frame's own size. Never
 *   enlarged by default: the result is resized back to the frame, so upscaling would cost time and add nothing
 *   the frame does not hold, and InstaGAN's runner follows the same rule.
 */
export function processingLongSide(spec: Pick<ModelSpec, 'recommendedLongSide' | 'fixedSize'>, width: number, height: number, size?: number): number | undefined {
  if (spec.fixedSize) return undefined; // a fixed-size model is fitted to its size whatever is asked
  if (size !== undefined) return size > 0 ? size : undefined;
  const recommended = spec.recommendedLongSide;
  return recommended && recommended < Math.max(width, height) ? recommended : undefined;
}
