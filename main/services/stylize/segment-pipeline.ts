import type { ModelSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { StylizeError } from './errors';
import { fitFixed, letterboxTensor, type TensorRunner } from './pipeline';
import { imageToTensor } from './tensor-codec';

/** Per-pixel result of a segmentation model, at the input image's size. */
export interface Segmentation {
  width: number;
  height: number;
  /** Most likely class per pixel (argmax of the logits, nearest-neighbour upscaled). */
  labels: Uint8Array;
  /** Softmax probability of `classIndex` per pixel (bilinear upscaled), 0..1. */
  probability: Float32Array;
  classIndex: number;
}

/** Bilinear resize of one float channel (sample centres aligned, edges clamped). */
export function resizeChannel(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const fy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / dh - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < dw; x++) {
      const fx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / dw - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const tx = fx - x0;
      const top = src[y0 * sw + x0] * (1 - tx) + src[y0 * sw + x1] * tx;
      const bottom = src[y1 * sw + x0] * (1 - tx) + src[y1 * sw + x1] * tx;
      out[y * dw + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

/** Runs a segmenter (letterboxed when its size is fixed) and reads its logits back at the image's size. */
export async function segmentPixels(img: RgbImage, spec: ModelSpec, run: TensorRunner, classIndex: number, file?: string): Promise<Segmentation> {
  const classes = spec.output.channels ?? 0;
  if (spec.output.meaning !== 'logits' || classes < 2) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file ?? 'model'}: not a segmentation model (its output is not class logits)`, file);
  }
  if (!(classIndex >= 0 && classIndex < classes)) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file ?? 'model'}: class ${classIndex} out of range 0..${classes - 1}`, file);
  }
  let box = { x: 0, y: 0, width: img.width, height: img.height };
  let input;
  if (spec.fixedSize) {
    const fitted = fitFixed(img, spec);
    box = fitted.box;
    input = letterboxTensor(fitted.input, spec);
  } else {
    input = imageToTensor(img, spec.input);
  }
  const out = await run(input);
  const nhwc = spec.output.layout === 'NHWC';
  const [oh, ow] = nhwc ? [out.dims[1], out.dims[2]] : [out.dims[2], out.dims[3]];
  const ch = nhwc ? out.dims[3] : out.dims[1];
  if (out.dims.length !== 4 || ch !== classes) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file ?? 'model'}: output shape [${out.dims.join(', ')}], expected ${classes} classes ${spec.output.layout}`, file);
  }
  // The logits map may be smaller than the input (output stride); scale the picture's box onto it.
  const inW = spec.fixedSize?.width ?? img.width;
  const inH = spec.fixedSize?.height ?? img.height;
  const bx = Math.round((box.x * ow) / inW);
  const by = Math.round((box.y * oh) / inH);
  const bw = Math.max(1, Math.round((box.width * ow) / inW));
  const bh = Math.max(1, Math.round((box.height * oh) / inH));
  const labels = new Uint8Array(bw * bh);
  const prob = new Float32Array(bw * bh);
  const at = (x: number, y: number, c: number) => (nhwc ? out.data[(y * ow + x) * classes + c] : out.data[(c * oh + y) * ow + x]);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      let best = 0;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) {
        const v = at(bx + x, by + y, c);
        if (v > max) (max = v), (best = c);
      }
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(at(bx + x, by + y, c) - max);
      labels[y * bw + x] = best;
      prob[y * bw + x] = Math.exp(at(bx + x, by + y, classIndex) - max) / sum;
    }
  }
  const fullLabels = new Uint8Array(img.width * img.height);
  for (let y = 0; y < img.height; y++) {
    const sy = Math.min(bh - 1, Math.floor(((y + 0.5) * bh) / img.height));
    for (let x = 0; x < img.width; x++) fullLabels[y * img.width + x] = labels[sy * bw + Math.min(bw - 1, Math.floor(((x + 0.5) * bw) / img.width))];
  }
  return { width: img.width, height: img.height, labels: fullLabels, probability: resizeChannel(prob, bw, bh, img.width, img.height), classIndex };
}
