/**
 * The size the generator runs at: the image scaled so its long side is `longSide` (never enlarged), each side then
 * rounded to the nearest multiple of `multiple` (the network's two stride-2 stages need 4). Resizing rather than
 * padding keeps the whole frame in view of instance normalisation; the result is resized back afterwards.
 */
export function processingSize(width: number, height: number, longSide: number | undefined, multiple: number): { width: number; height: number } {
  const long = Math.max(width, height);
  const scale = longSide && longSide < long ? longSide / long : 1;
  const round = (v: number) => Math.max(multiple, Math.round((v * scale) / multiple) * multiple);
  return { width: round(width), height: round(height) };
}
