import { emptyMask, maskUnion, type Mask } from '../../../../app/masks';
import type { JobContext } from '../../../../app/progress';
import type { ModelSpec, ProviderName, TensorSpec } from '../../../../app/stylize';
import type { RgbImage } from '../../../../app/video';
import { throwIfAborted } from '../../jobs';
import { StylizeError } from '../errors';
import { resizeFloat, toRgbImage } from '../image-ops';
import { compositeAlpha } from '../masks/composite';
import { featherMask } from '../masks/feather';
import { resizePlane, thresholdPlane } from '../masks/resize-plane';
import type { ResolvedModel } from '../model-resolve';
import { inferTensors, toResolved, type InferenceOptions, type StylizeOptions } from '../stylize-image';
import { imageToTensor, tensorToFloatImage, type FloatTensor } from '../tensor-codec';
import { planMiniBatches } from './instance-order';
import { masksToTensor, tensorSlot } from './mask-tensor';
import { processingSize } from './processing-size';

export interface InstaGanOptions extends InferenceOptions {
  /** An instance-aware model (catalog kind 'instagan'): id, file, entry or {file, spec}. */
  model: StylizeOptions['model'];
  /** Long side (px) the model runs at; default the spec's recommendedLongSide, else the image's (never enlarged). */
  size?: number;
  /** Instances per mini-batch; default the spec's maskInput.maxInstances (2 for the released models). */
  instancesPerBatch?: number;
  /** Feather radius in image px for the final composite; default scales with the upsampling (at least 2). */
  feather?: number;
  /**
   * What is replaced by the translation: 'union' (default) of each instance's mask and its translated mask, which
   * is the area the model's context-preserving loss lets change (a giraffe's neck may leave the sheep's mask);
   * 'input' only the given masks.
   */
  region?: 'union' | 'input';
}

export interface InstaGanResult {
  image: RgbImage;
  /** Translated masks at image size, in the order of the input masks (empty where the input was empty). */
  masks: Mask[];
  /** The pixels taken from the translation before feathering; outside it (beyond the feather) the input is kept. */
  region: Mask;
  /** Input indices, mini-batch by mini-batch, in the order they were translated. */
  batches: number[][];
  processedWidth: number;
  processedHeight: number;
  model: string;
  provider?: ProviderName;
  fallback?: string;
}

const sameConvention = (a: TensorSpec, b: TensorSpec) =>
  a.layout === b.layout && a.channelOrder === b.channelOrder && a.range[0] === b.range[0] && a.range[1] === b.range[1];

function check(image: RgbImage, masks: readonly Mask[], model: ResolvedModel): Required<Pick<ModelSpec, 'maskInput' | 'maskOutput'>> {
  const { maskInput, maskOutput } = model.spec;
  if (!maskInput || !maskOutput) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${model.file}: "${model.id}" is not an instance-aware model (its spec has no mask input/output)`, model.file);
  }
  if (image.width < 1 || image.height < 1 || image.data.length !== image.width * image.height * 3) {
    throw new StylizeError('IMAGE_INVALID', `image ${image.width}x${image.height} has ${image.data.length} bytes, expected RGB24`);
  }
  masks.forEach((m, i) => {
    if (m.width !== image.width || m.height !== image.height || m.data.length !== m.width * m.height) {
      throw new StylizeError('IMAGE_INVALID', `instance mask ${i} is ${m.width}x${m.height}, the image is ${image.width}x${image.height}`);
    }
  });
  return { maskInput, maskOutput };
}

/**
 * InstaGAN's sequential mini-batch translation (Mo et al., ICLR 2019, insta_gan_model.test): instances largest
 * first, K at a time; each step feeds the image the previous step produced plus the next K masks, and keeps the
 * translated masks of the instances it handled. The result is composited over the original with a feathered
 * edge, so outside the translated region the input pixels are returned unchanged.
 * Progress: stage "instagan", one unit per mini-batch; cancelling stops between mini-batches.
 */
export async function translateInstances(image: RgbImage, masks: readonly Mask[], options: InstaGanOptions, ctx: JobContext = {}): Promise<InstaGanResult> {
  throwIfAborted(ctx.signal);
  const model = await toResolved(options.model);
  const { maskInput, maskOutput } = check(image, masks, model);
  const spec = model.spec;
  const batches = planMiniBatches(masks, options.instancesPerBatch ?? maskInput.maxInstances);
  const proc = processingSize(image.width, image.height, options.size ?? spec.recommendedLongSide, spec.sizeMultiple);
  const { width: pw, height: ph } = proc;
  const base = { processedWidth: pw, processedHeight: ph, model: model.id, batches };
  if (batches.length === 0) {
    return { ...base, image: { ...image, data: Uint8Array.from(image.data) }, masks: masks.map((m) => emptyMask(m.width, m.height)), region: emptyMask(image.width, image.height) };
  }

  const slots = Math.max(...batches.map((b) => b.length));
  let input: FloatTensor = imageToTensor(resizeFloat(image, pw, ph), spec.input);
  let output: FloatTensor | undefined;
  const translated = new Map<number, ReturnType<typeof tensorSlot>>();
  let provider: ProviderName | undefined;
  let fallback: string | undefined;
  for (let b = 0; b < batches.length; b++) {
    throwIfAborted(ctx.signal);
    const batch = batches[b];
    const feeds = { [spec.input.name]: input, [maskInput.name]: masksToTensor(batch.map((i) => masks[i]), slots, pw, ph) };
    const reply = await inferTensors(
      { file: model.file, spec },
      feeds,
      { provider: options.provider, sessionOptions: options.sessionOptions, outputs: [spec.output.name, maskOutput.name] },
      { signal: ctx.signal },
    );
    ({ provider, fallback } = reply);
    output = reply.outputs[spec.output.name];
    const maskOut = reply.outputs[maskOutput.name];
    const [, , oh, ow] = maskOut?.dims ?? [];
    if (!output || !maskOut || oh !== ph || ow !== pw || maskOut.dims[1] !== slots) {
      throw new StylizeError('MODEL_SPEC_MISMATCH', `${model.file}: a ${pw}x${ph} input with ${slots} masks gave outputs of shape [${output?.dims.join(', ')}] and [${maskOut?.dims.join(', ')}]`, model.file);
    }
    batch.forEach((index, k) => translated.set(index, tensorSlot(maskOut, k)));
    // The next mini-batch starts from this one's image, as the authors' test loop does.
    input = sameConvention(spec.input, spec.output) ? output : imageToTensor(tensorToFloatImage(output, spec.output, model.file), spec.input);
    ctx.onProgress?.({ stage: 'instagan', done: b + 1, total: batches.length, fraction: (b + 1) / batches.length, message: model.id });
  }

  const styled = toRgbImage(resizeFloat(tensorToFloatImage(output!, spec.output, model.file), image.width, image.height));
  const outMasks = masks.map((m, i) => {
    const plane = translated.get(i);
    return plane ? thresholdPlane(resizePlane(plane, image.width, image.height), 0.5) : emptyMask(m.width, m.height);
  });
  const used = batches.flat();
  const region = maskUnion(
    used.flatMap((i) => (options.region === 'input' ? [masks[i]] : [masks[i], outMasks[i]])),
    image.width,
    image.height,
  );
  const feather = options.feather ?? Math.max(2, Math.round((2 * image.width) / pw));
  const result = compositeAlpha(image, styled, featherMask(region, feather));
  return { ...base, image: result, masks: outMasks, region, provider, fallback };
}
