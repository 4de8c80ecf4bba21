import { relative } from 'node:path';
import { PROVIDER_CHOICES, type ProviderChoice } from '../../../app/stylize';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';
import { DEFAULT_MODEL_ID, DEFAULT_OVERLAP, DEFAULT_TILE, DEFAULT_TILE_GLOBAL_NORM, isProviderChoice, listInputImages, resolveModel, shutdownInference, stylizeFiles } from '../../services/stylize';

const usage = `Usage: your-cartoon stylize INPUT... --out DIR [options]

Stylizes images (files, or every image in a folder) into DIR, one PNG per input named after it. A folder's
other files (keyframes.json, hidden files, sub-folders) are passed over. An image that cannot be read is reported
at the end and the others are still stylized; the exit code is then 1.

Options:
  -o, --out DIR          output folder (created if needed)
  -m, --model ID|FILE    a catalog id (installed or built in) or an .onnx file; a file whose sha256 is in the
                         catalog uses that entry's spec, another needs FILE.json beside it. Default: ${DEFAULT_MODEL_ID}
      --provider NAME    auto|cpu|cuda|dml|coreml (default auto: the best present, else CPU; a provider that
                         fails falls back to CPU and says why)
      --size N           stylize at N px on the long side, then resize back to the input size; 0 = each
                         image's own size. Default: the model's recommended long side when the image is
                         larger (InstaGAN 200-240, CartoonGAN 450, White-box 1280; never enlarged), else the
                         image's own size (the built-in style has no recommended size)
      --tile N           largest tile side in px for large frames (default ${DEFAULT_TILE}, ${DEFAULT_TILE_GLOBAL_NORM} for
                         models with whole-image normalisation such as CartoonGAN; 0 = whole frame)
      --overlap N        overlap between tiles in px (default ${DEFAULT_OVERLAP})
      --json             print the results as JSON on stdout`;

export const stylizeCommand: CliCommand = {
  name: 'stylize',
  summary: 'turn images into cartoon panels with a style model',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(argv, {
      out: { type: 'string', short: 'o' },
      model: { type: 'string', short: 'm' },
      provider: { type: 'string' },
      size: { type: 'string' },
      tile: { type: 'string' },
      overlap: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!positionals.length) throw new UsageError('give at least one input image or folder');
    if (!values.out) throw new UsageError('--out DIR is required');
    const provider = values.provider ?? 'auto';
    if (!isProviderChoice(provider)) throw new UsageError(`--provider must be one of ${PROVIDER_CHOICES.join(', ')} (got "${provider}")`);
    const size = numberOption(values.size, 'size', 0, 16384);
    if (size !== undefined && size > 0 && size < 16) throw new UsageError('--size must be 0 (each image\'s own size) or at least 16');
    const tile = numberOption(values.tile, 'tile', 0, 16384);
    const overlap = numberOption(values.overlap, 'overlap', 0, 1024);
    if (tile !== undefined && tile > 0 && tile < 64) throw new UsageError('--tile must be 0 (no tiling) or at least 64');

    const inputs = (await Promise.all(positionals.map(listInputImages))).flat();
    const model = await resolveModel(values.model ?? DEFAULT_MODEL_ID);
    const bar = createProgressBar(io);
    try {
      if (model.entry && !model.entry.licence.commercialUse) {
        io.stderr.write(`note: ${model.entry.name} is licensed ${model.entry.licence.name}: not for commercial use\n`);
      }
      const { files: results, failures } = await stylizeFiles(inputs, values.out, { model, provider: provider as ProviderChoice, size, tile, overlap }, { signal: io.signal, onProgress: bar.listener });
      bar.done();
      const first = results[0];
      if (first) io.stderr.write(`model ${model.id} ran on ${first.provider.toUpperCase()}${first.fallback ? ` (fallback: ${first.fallback})` : ''}\n`);
      if (values.json) {
        const files = results.map((r) => ({ input: r.input, output: r.output, width: r.width, height: r.height, tiles: r.tiles, processedWidth: r.processedWidth, processedHeight: r.processedHeight, provider: r.provider, fallback: r.fallback, ms: Math.round(r.ms) }));
        io.stdout.write(`${JSON.stringify({ model: model.id, file: model.file, provider: first?.provider, fallback: first?.fallback, files, failures }, null, 2)}\n`);
      } else {
        for (const r of results) {
          const shown = relative(process.cwd(), r.output);
          const at = r.processedWidth !== r.width || r.processedHeight !== r.height ? ` (at ${r.processedWidth}x${r.processedHeight})` : '';
          io.stdout.write(`${shown.startsWith('..') ? r.output : shown}  ${r.width}x${r.height}${at}  ${r.tiles} tile${r.tiles > 1 ? 's' : ''}  ${r.ms.toFixed(0)} ms\n`);
        }
      }
      // Failures last, after the work that did succeed, so they are what the user sees at the end.
      for (const f of failures) io.stderr.write(`failed: ${f.error}\n`);
      if (failures.length) {
        io.stderr.write(`your-cartoon stylize: ${failures.length} of ${inputs.length} image${inputs.length > 1 ? 's' : ''} failed; ${results.length} written to ${values.out}\n`);
        return 1;
      }
      return 0;
    } finally {
      bar.done();
      await shutdownInference();
    }
  },
};
