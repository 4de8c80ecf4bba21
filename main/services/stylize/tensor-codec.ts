import type { TensorSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import type { FloatRgbImage } from './image-ops';
import { StylizeError } from './errors';

/** A float32 tensor as it crosses the worker boundary and enters onnxruntime. */
export interface FloatTensor {
  data: Float32Array;
  dims: number[];
}

/** Channel `c` of the tensor holds image channel `SOURCE[c]` (RGB → BGR swaps 0 and 2). */
const channelSource = (order: TensorSpec['channelOrder']) => (order === 'BGR' ? [2, 1, 0] : [0, 1, 2]);

/** RGB pixels (0..255) → a [1,3,H,W] or [1,H,W,3] tensor in the spec's channel order and value range. */
export function imageToTensor(img: RgbImage | FloatRgbImage, spec: TensorSpec): FloatTensor {
  const { width: w, height: h, data: px } = img;
  const [lo, hi] = spec.range;
  const scale = (hi - lo) / 255;
  const src = channelSource(spec.channelOrder);
  const n = w * h;
  const out = new Float32Array(n * 3);
  if (spec.layout === 'NHWC') {
    for (let i = 0; i < n; i++) {
      const p = i * 3;
      out[p] = px[p + src[0]] * scale + lo;
      out[p + 1] = px[p + src[1]] * scale + lo;
      out[p + 2] = px[p + src[2]] * scale + lo;
    }
    return { data: out, dims: [1, h, w, 3] };
  }
  for (let c = 0; c < 3; c++) {
    const plane = c * n;
    const s = src[c];
    for (let i = 0; i < n; i++) out[plane + i] = px[i * 3 + s] * scale + lo;
  }
  return { data: out, dims: [1, 3, h, w] };
}

/** Height and width of an image tensor laid out per `spec` (throws when the shape is not a 3-channel image). */
export function tensorSize(dims: readonly number[], spec: TensorSpec, file?: string): { width: number; height: number } {
  const nhwc = spec.layout === 'NHWC';
  const channels = spec.channels ?? 3;
  const ok = dims.length === 4 && dims[0] === 1 && (nhwc ? dims[3] : dims[1]) === channels;
  if (!ok) {
    throw new StylizeError(
      'MODEL_SPEC_MISMATCH',
      `${file ?? 'model'}: output "${spec.name}" has shape [${dims.join(', ')}], expected ${spec.layout} with ${channels} channels`,
      file,
    );
  }
  return nhwc ? { height: dims[1], width: dims[2] } : { height: dims[2], width: dims[3] };
}

/** An image tensor → RGB floats 0..255, clipped to the spec's range first (generators overshoot it). */
export function tensorToFloatImage(t: FloatTensor, spec: TensorSpec, file?: string): FloatRgbImage {
  const { width: w, height: h } = tensorSize(t.dims, spec, file);
  const [lo, hi] = spec.range;
  const scale = 255 / (hi - lo);
  const src = channelSource(spec.channelOrder); // the same swap maps BGR back to RGB
  const n = w * h;
  const out = new Float32Array(n * 3);
  const d = t.data;
  const value = (v: number) => ((v < lo ? lo : v > hi ? hi : v) - lo) * scale;
  if (spec.layout === 'NHWC') {
    for (let i = 0; i < n; i++) {
      const p = i * 3;
      out[p + src[0]] = value(d[p]);
      out[p + src[1]] = value(d[p + 1]);
      out[p + src[2]] = value(d[p + 2]);
    }
  } else {
    for (let c = 0; c < 3; c++) {
      const plane = c * n;
      const s = src[c];
      for (let i = 0; i < n; i++) out[i * 3 + s] = value(d[plane + i]);
    }
  }
  return { width: w, height: h, data: out };
}

export function tensorToImage(t: FloatTensor, spec: TensorSpec, file?: string): RgbImage {
  const f = tensorToFloatImage(t, spec, file);
  const data = new Uint8Array(f.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(f.data[i]);
  return { width: f.width, height: f.height, data };
}
