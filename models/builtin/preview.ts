// Runs the built-in style on images and writes PNGs into a folder, with timings: the loop used to tune
// make_toon.py by eye.   node --import tsx models/builtin/preview.ts OUT_DIR IMAGE... [--size WxH]
// (TOON_MODEL=path runs another build of the graph.)
import { basename, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { bundledModelFile } from '../../main/services/store/bundled-paths';
import { decodeImage, encodeImage } from '../../main/services/video';
import { runToon } from './run-toon';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizeAt = args.indexOf('--size');
  const size = sizeAt >= 0 ? args.splice(sizeAt, 2)[1].split('x').map(Number) : undefined;
  const [outDir, ...images] = args;
  mkdirSync(outDir, { recursive: true });
  const model = process.env.TOON_MODEL ?? bundledModelFile('builtin/toon.onnx');
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 2 });
  for (const image of images) {
    const rgb = await decodeImage(image, size ? { width: size[0], height: size[1] } : {});
    await runToon(session, rgb); // warm-up
    const times: number[] = [];
    let out = rgb;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      out = await runToon(session, rgb);
      times.push(performance.now() - t0);
    }
    const target = join(outDir, basename(image).replace(/\.\w+$/, '.toon.png'));
    await encodeImage(target, out);
    console.log(`${target}: ${rgb.width}x${rgb.height}, ms per run: ${times.map((t) => t.toFixed(0)).join(' ')}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
