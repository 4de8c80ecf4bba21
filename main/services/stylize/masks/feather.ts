import type { Mask } from '../../../../app/masks';

/**
 * A soft alpha (0..1) from a binary mask: a box blur of `radius` px each way, so the blend ramps over the
 * 2·radius+1 px straddling the edge. Pixels farther than `radius` (Chebyshev distance) from every mask pixel get
 * exactly 0 and pixels that deep inside get exactly 1 (integer sums), which lets a composite leave them untouched.
 */
export function featherMask(mask: Mask, radius: number): Float32Array {
  const { width: w, height: h, data } = mask;
  const r = Math.max(0, Math.round(radius));
  const out = new Float32Array(w * h);
  if (r === 0) {
    for (let i = 0; i < data.length; i++) out[i] = data[i] ? 1 : 0;
    return out;
  }
  // Horizontal then vertical running sums; borders repeat the edge pixel so a mask touching the frame stays 1.
  const rows = new Uint16Array(w * h);
  const clampX = (x: number) => (x < 0 ? 0 : x >= w ? w - 1 : x);
  const clampY = (y: number) => (y < 0 ? 0 : y >= h ? h - 1 : y);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let s = 0;
    for (let x = -r; x <= r; x++) s += data[row + clampX(x)] ? 1 : 0;
    for (let x = 0; x < w; x++) {
      rows[row + x] = s;
      s += (data[row + clampX(x + r + 1)] ? 1 : 0) - (data[row + clampX(x - r)] ? 1 : 0);
    }
  }
  const full = (2 * r + 1) * (2 * r + 1);
  for (let x = 0; x < w; x++) {
    let s = 0;
    for (let y = -r; y <= r; y++) s += rows[clampY(y) * w + x];
    for (let y = 0; y < h; y++) {
      out[y * w + x] = s === full ? 1 : s / full;
      s += rows[clampY(y + r + 1) * w + x] - rows[clampY(y - r) * w + x];
    }
  }
  return out;
}
