import { emptyMask, type Mask } from '../../../../app/masks';
import type { JobContext } from '../../../../app/progress';
import type { RgbImage } from '../../../../app/video';
import { StylizeError } from '../errors';
import { fitFixed, letterboxTensor } from '../pipeline';
import { inferTensors, toResolved, type InferenceOptions, type SegmentOptions } from '../stylize-image';
import { splitInstances, type SplitOptions } from './connected-components';
import { resizePlane, thresholdPlane, type Plane } from './resize-plane';

export interface PersonMaskOptions extends InferenceOptions, SplitOptions {
  /** A segmentation model; default the catalog's DeepLabV3 person segmenter. */
  model?: SegmentOptions['model'];
  /** Class taken as "person"; default the entry's personClass (15 in PASCAL VOC). */
  classIndex?: number;
}

export interface PersonMasks {
  /** Every pixel the segmenter calls a person, at image size. */
  mask: Mask;
  /** `mask` split into connected components, largest first, tiny ones dropped. */
  instances: Mask[];
  model: string;
}

/** Argmax == classIndex over the picture's part of the logits (the letterbox border cut away), as 0/1. */
function classPlane(logits: Float32Array, dims: readonly number[], nhwc: boolean, classIndex: number, box: { x: number; y: number; width: number; height: number }): Plane {
  const [, d1, d2, d3] = dims;
  const [h, w, classes] = nhwc ? [d1, d2, d3] : [d2, d3, d1];
  const at = nhwc ? (x: number, y: number, c: number) => logits[(y * w + x) * classes + c] : (x: number, y: number, c: number) => logits[(c * h + y) * w + x];
  const data = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (at(box.x + x, box.y + y, c) > at(box.x + x, box.y + y, best)) best = c;
      data[y * box.width + x] = best === classIndex ? 1 : 0;
    }
  }
  return { width: box.width, height: box.height, data };
}

/**
 * People in an image, from a semantic segmenter, the way models/README's DeepLabV3 notes prescribe: letterbox to
 * the fixed 257x257 (pad 0.0), argmax over the 21 class logits, keep `person`, crop the border away, upscale
 * bilinearly to the image and threshold at 0.5. Touching people stay one instance (a semantic model's limit).
 */
export async function findPeople(image: RgbImage, options: PersonMaskOptions = {}, ctx: JobContext = {}): Promise<PersonMasks> {
  const model = await toResolved(options.model ?? 'deeplabv3-person');
  const spec = model.spec;
  const classIndex = options.classIndex ?? model.entry?.personClass ?? 15;
  if (spec.output.meaning !== 'logits' || !spec.output.channels || classIndex >= spec.output.channels) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${model.file}: "${model.id}" is not a segmentation model with class ${classIndex}`, model.file);
  }
  if (image.width < 1 || image.height < 1 || image.data.length !== image.width * image.height * 3) {
    throw new StylizeError('IMAGE_INVALID', `image ${image.width}x${image.height} has ${image.data.length} bytes, expected RGB24`);
  }
  let box = { x: 0, y: 0, width: image.width, height: image.height };
  let feeds;
  if (spec.fixedSize) {
    const fitted = fitFixed(image, spec);
    box = fitted.box;
    feeds = { [spec.input.name]: letterboxTensor(fitted.input, spec) };
  } else {
    feeds = { [spec.input.name]: letterboxTensor(image, spec) };
  }
  ctx.onProgress?.({ stage: 'segment', done: 0, total: 1 });
  const reply = await inferTensors({ file: model.file, spec }, feeds, { provider: options.provider, sessionOptions: options.sessionOptions, outputs: [spec.output.name] }, ctx);
  const logits = reply.outputs[spec.output.name];
  const nhwc = spec.output.layout === 'NHWC';
  const outH = nhwc ? logits.dims[1] : logits.dims[2];
  const outW = nhwc ? logits.dims[2] : logits.dims[3];
  const inW = spec.fixedSize?.width ?? image.width;
  const inH = spec.fixedSize?.height ?? image.height;
  if (logits.dims.length !== 4 || (nhwc ? logits.dims[3] : logits.dims[1]) !== spec.output.channels) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${model.file}: logits of shape [${logits.dims.join(', ')}]`, model.file);
  }
  // The logits may be coarser than the input (output stride): map the picture's box onto them.
  const sx = outW / inW;
  const sy = outH / inH;
  const crop = {
    x: Math.round(box.x * sx),
    y: Math.round(box.y * sy),
    width: Math.max(1, Math.round(box.width * sx)),
    height: Math.max(1, Math.round(box.height * sy)),
  };
  const plane = classPlane(logits.data, logits.dims, nhwc, classIndex, crop);
  const mask = plane.data.some((v) => v > 0) ? thresholdPlane(resizePlane(plane, image.width, image.height), 0.5) : emptyMask(image.width, image.height);
  ctx.onProgress?.({ stage: 'segment', done: 1, total: 1 });
  return { mask, instances: splitInstances(mask, options), model: model.id };
}
