import type { RgbImage } from '../../../app/video';
import { cropImage, type FloatRgbImage } from './image-ops';

/** Where tiles start along one axis, and each tile's blend weight per pixel (normalised: they sum to 1). */
export interface AxisPlan {
  starts: number[];
  size: number;
  weights: Float32Array[];
}

export interface TileOptions {
  /** Tile side in pixels (rounded down to the size multiple); a frame no larger than this is run whole. */
  tile: number;
  /** Minimum overlap between neighbouring tiles, blended with a cosine ramp. */
  overlap: number;
  /** Tile sizes and starts are multiples of this, so every tile sees the same stride grid as the whole image. */
  multiple: number;
}

/** Cosine ramp from ~0 at an inner tile edge to 1 at `overlap` pixels in; never exactly 0, so sums stay positive. */
function ramp(d: number, overlap: number): number {
  return d >= overlap ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * (d + 0.5)) / overlap);
}

export function planAxis(length: number, opts: TileOptions): AxisPlan {
  const m = Math.max(1, opts.multiple);
  const maxSize = Math.max(m, Math.floor(opts.tile / m) * m);
  if (length <= maxSize) return { starts: [0], size: length, weights: [new Float32Array(length).fill(1)] };
  const overlap = Math.min(Math.max(0, opts.overlap), Math.floor(maxSize / 2));
  const n = Math.ceil((length - overlap) / (maxSize - overlap));
  // The fewest tiles that fit, then shrunk to just cover the axis with the overlap asked: full-size tiles spread
  // evenly would overlap far more than needed (1.9x the pixels of a 1080p frame at 512 px instead of 1.3x).
  const size = Math.min(maxSize, Math.ceil((length + (n - 1) * overlap) / n / m) * m);
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    const exact = (i * (length - size)) / (n - 1);
    starts.push(i === n - 1 ? length - size : Math.round(exact / m) * m);
  }
  const raw = starts.map((s) => {
    const w = new Float32Array(size);
    for (let k = 0; k < size; k++) {
      const left = s > 0 ? k : Infinity;
      const right = s + size < length ? size - 1 - k : Infinity;
      w[k] = overlap > 0 ? ramp(Math.min(left, right), overlap) : 1;
    }
    return w;
  });
  const sum = new Float32Array(length);
  starts.forEach((s, i) => raw[i].forEach((v, k) => (sum[s + k] += v)));
  const weights = raw.map((w, i) => w.map((v, k) => v / sum[starts[i] + k]));
  return { starts, size, weights };
}

export interface TilePlan {
  x: AxisPlan;
  y: AxisPlan;
  count: number;
}

export function planTiles(width: number, height: number, opts: TileOptions): TilePlan {
  const x = planAxis(width, opts);
  const y = planAxis(height, opts);
  return { x, y, count: x.starts.length * y.starts.length };
}

/** A 0..255 float32 rounded (half up, as Math.round) and clamped to a byte; NaN is 0. About 1.5x faster than Math.min/max/round. */
function toByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
}

/** Stylizes one tile: same size in, same size out (0..255 floats). */
export type TileRunner = (tile: RgbImage, index: number) => Promise<FloatRgbImage>;

/**
 * Runs `img` through `runTile` tile by tile and blends the results. Only one band of tile rows is held in float
 * (width × tile height), so memory stays bounded for 4K frames; finished rows are rounded into the output at once.
 */
export async function runTiled(img: RgbImage, plan: TilePlan, runTile: TileRunner): Promise<RgbImage> {
  const { width: W, height: H } = img;
  const out = new Uint8Array(W * H * 3);
  if (plan.count === 1 && plan.x.size === W && plan.y.size === H) {
    // One tile, the whole picture: its weights are all 1, so no crop, no band, only the rounding.
    const result = await runTile(img, 0);
    if (result.width !== W || result.height !== H) throw new Error(`tile ${W}x${H} came back as ${result.width}x${result.height}`);
    const d = result.data;
    for (let i = 0; i < out.length; i++) out[i] = toByte(d[i]);
    return { width: W, height: H, data: out };
  }
  let band = new Float32Array(0);
  let bandY = 0;
  let bandRows = 0;
  const flush = (untilY: number) => {
    for (let y = bandY; y < untilY; y++) {
      const src = (y - bandY) * W * 3;
      const dst = y * W * 3;
      for (let i = 0; i < W * 3; i++) out[dst + i] = toByte(band[src + i]);
    }
  };
  let index = 0;
  for (let r = 0; r < plan.y.starts.length; r++) {
    const y0 = plan.y.starts[r];
    const th = plan.y.size;
    flush(Math.min(y0, bandY + bandRows));
    const next = new Float32Array(W * th * 3);
    const keepFrom = Math.max(y0, bandY);
    const keepRows = Math.max(0, bandY + bandRows - keepFrom);
    if (keepRows > 0) next.set(band.subarray((keepFrom - bandY) * W * 3, (keepFrom - bandY + keepRows) * W * 3), (keepFrom - y0) * W * 3);
    band = next;
    bandY = y0;
    bandRows = th;
    const wy = plan.y.weights[r];
    for (let c = 0; c < plan.x.starts.length; c++) {
      const x0 = plan.x.starts[c];
      const tw = plan.x.size;
      const wx = plan.x.weights[c];
      const result = await runTile(cropImage(img, x0, y0, tw, th), index++);
      if (result.width !== tw || result.height !== th) {
        throw new Error(`tile ${tw}x${th} came back as ${result.width}x${result.height}`);
      }
      for (let y = 0; y < th; y++) {
        const rowW = wy[y];
        const b = (y * W + x0) * 3;
        const s = y * tw * 3;
        for (let x = 0; x < tw; x++) {
          const w = rowW * wx[x];
          const bi = b + x * 3;
          const si = s + x * 3;
          band[bi] += w * result.data[si];
          band[bi + 1] += w * result.data[si + 1];
          band[bi + 2] += w * result.data[si + 2];
        }
      }
    }
  }
  flush(bandY + bandRows);
  return { width: W, height: H, data: out };
}
