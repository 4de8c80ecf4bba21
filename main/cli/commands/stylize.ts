import { PROVIDER_CHOICES, type ProviderChoice } from '../../../app/stylize';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';
import { join } from 'node:path';
import { attributionText, DEFAULT_MODEL_ID, DEFAULT_OVERLAP, DEFAULT_TILE, DEFAULT_TILE_GLOBAL_NORM, isProviderChoice, listInputImages, modelAttribution, processImageFiles, shutdownInference } from '../../services/stylize';
import { writeFileAtomic } from '../../services/store/atomic-file';
import { planStylize } from './stylize-plan';
import { reportStylize } from './stylize-report';

const usage = `Usage: your-cartoon stylize INPUT... --out DIR [--model ID|FILE] [options]
       your-cartoon stylize INPUT... --out DIR --people ID|FILE|photo [--model ID|FILE|photo] [regions]
       your-cartoon stylize INPUT... --out DIR --instagan ID|FILE [regions]

Stylizes images (files, or every image in a folder) into DIR, one PNG per input named after it. A folder's
other files (keyframes.json, hidden files, sub-folders) are passed over. An image that cannot be read is reported
at the end and the others are still stylized; the exit code is then 1. When a model's licence asks for credit
(White-box, CartoonGAN, InstaGAN, the segmenter), DIR/ATTRIBUTION.txt says whom and under which licence; the
summary names each licence and says when a model is not for commercial use.

Options:
  -o, --out DIR          output folder (created if needed)
  -m, --model ID|FILE    a catalog id (installed or built in) or an .onnx file; a file whose sha256 is in the
                         catalog uses that entry's spec, another a spec in FILE.json beside it, else the spec of
                         the catalog models its inputs/outputs fit (e.g. your CartoonGAN export). Default: ${DEFAULT_MODEL_ID}
      --provider NAME    auto|cpu|cuda|dml|coreml (default auto: the best present, else CPU; a provider that
                         fails falls back to CPU and says why)
      --engine NAME      auto|onnxruntime (default auto: on the CPU the built-in style is computed by its C++
                         kernel, every other model by onnxruntime; onnxruntime: every model by onnxruntime)
      --size N           stylize at N px on the long side, then resize back to the input size; 0 = each
                         image's own size. Default: the model's recommended long side when the image is
                         larger (InstaGAN 200-240, CartoonGAN 450, White-box 1280; never enlarged), else the
                         image's own size (the built-in style has no recommended size)
      --tile N           largest tile side in px for large frames (default ${DEFAULT_TILE}, ${DEFAULT_TILE_GLOBAL_NORM} for
                         models with whole-image normalisation such as CartoonGAN; 0 = whole frame)
      --overlap N        overlap between tiles in px (default ${DEFAULT_OVERLAP})
      --json             print the results as JSON on stdout

People and regions (without drawing; the editor does the same with drawn masks):
      --people STYLE     style of the people (a model id or file, or "photo" to keep them as they are); the
                         rest of the picture gets --model, or stays as the photo without --model
      --instagan MODEL   translate each person with an InstaGAN model (instances largest first, in
                         sequential mini-batches); the rest of the picture is kept as it is
      --segmenter ID|FILE  the person segmenter that finds the people (default deeplabv3-person: import it once
                         with "your-cartoon models import deeplabv3_mnv2_257_voc.onnx")
      --mask FILE.png    your own region instead of the segmenter: white = region, black = the rest; scaled to
                         each image of the same aspect ratio. Repeatable: each mask is one region (one InstaGAN
                         instance); the same masks apply to every input
      --feather PX       soft edge of the regions in px (default 4; InstaGAN: scaled to its upsampling, >= 2)`;

export const stylizeCommand: CliCommand = {
  name: 'stylize',
  summary: 'turn images into cartoon panels with a style model (or people and background in two styles)',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(argv, {
      out: { type: 'string', short: 'o' },
      model: { type: 'string', short: 'm' },
      people: { type: 'string' },
      instagan: { type: 'string' },
      segmenter: { type: 'string' },
      mask: { type: 'string', multiple: true },
      feather: { type: 'string' },
      provider: { type: 'string' },
      engine: { type: 'string' },
      size: { type: 'string' },
      tile: { type: 'string' },
      overlap: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!positionals.length) throw new UsageError('give at least one input image or folder');
    if (!values.out) throw new UsageError('--out DIR is required');
    const provider = values.provider ?? 'auto';
    const engine = values.engine ?? 'auto';
    if (engine !== 'auto' && engine !== 'onnxruntime') throw new UsageError(`--engine must be auto or onnxruntime (got "${engine}")`);
    if (!isProviderChoice(provider)) throw new UsageError(`--provider must be one of ${PROVIDER_CHOICES.join(', ')} (got "${provider}")`);
    const size = numberOption(values.size, 'size', 0, 8192);
    if (size !== undefined && size > 0 && size < 16) throw new UsageError('--size must be 0 (each image\'s own size) or at least 16');
    const tile = numberOption(values.tile, 'tile', 0, 4096);
    const overlap = numberOption(values.overlap, 'overlap', 0, 1024);
    if (tile !== undefined && tile > 0 && tile < 64) throw new UsageError('--tile must be 0 (no tiling) or at least 64');
    const feather = numberOption(values.feather, 'feather', 0, 256);

    const inputs = (await Promise.all(positionals.map(listInputImages))).flat();
    const bar = createProgressBar(io);
    try {
      const plan = await planStylize({
        model: values.model,
        people: values.people,
        instagan: values.instagan,
        segmenter: values.segmenter,
        masks: values.mask ?? [],
        feather,
        provider: provider as ProviderChoice,
        engine,
        size,
        tile,
        overlap,
        signal: io.signal,
      });
      plan.prepare();
      const result = await processImageFiles(inputs, values.out, plan.work, { signal: io.signal, onProgress: bar.listener });
      bar.done();
      const attribution = modelAttribution(plan.models);
      // Credits travel with the pictures: beside them in the folder, whenever a model used asks for it.
      const creditsFile = attribution.credits.length && result.files.length ? join(values.out, 'ATTRIBUTION.txt') : undefined;
      if (creditsFile) await writeFileAtomic(creditsFile, attributionText(attribution));
      return reportStylize(io, plan, result, { json: values.json, out: values.out, inputs: inputs.length, attribution, creditsFile });
    } finally {
      bar.done();
      await shutdownInference();
    }
  },
};
