import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { TensorSpec } from '../../app/stylize';
import type { RgbImage } from '../../app/video';
import { makeWithFfmpeg } from '../../test-support/fixtures';
import { decodeImage } from '../../main/services/video';
import { bundledModelFile } from '../../main/services/store/bundled-paths';
import { builtinNativeRunner, builtinNativeWhole } from '../../main/services/stylize/builtin-native';
import { stylizePixels } from '../../main/services/stylize/pipeline';
import { resolveModel } from '../../main/services/stylize';
import { shutdownInference, stylizeImage } from '../../main/services/stylize';
import { imageToTensor } from '../../main/services/stylize/tensor-codec';
import { nativeAddonCandidates } from '../../main/services/keyframes/features/load-kernels';
import { existsSync } from 'node:fs';

after(() => shutdownInference());

const MODEL = bundledModelFile('builtin/toon.onnx');
const SPEC: TensorSpec = { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range: [0, 1] };
const built = nativeAddonCandidates().some((p) => existsSync(p));

// Busy pictures: a test card with fine coloured detail and text, a fractal with grain (edges, flat areas, noise).
const pictures = () => [
  makeWithFfmpeg('toon-native-card.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=1', '-frames:v', '1']),
  makeWithFfmpeg('toon-native-fractal.png', ['-f', 'lavfi', '-i', 'mandelbrot=size=480x270:rate=1,noise=alls=12:allf=t', '-frames:v', '1']),
];

/** How far two results are apart: largest float difference, and the 8-bit pixels that differ (and by how much). */
function compare(a: Float32Array | Uint8Array, b: Float32Array | Uint8Array, scale: number) {
  assert.equal(a.length, b.length);
  let max = 0;
  let differ = 0;
  let max8 = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    max = Math.max(max, d);
    const d8 = Math.abs(Math.round(a[i] * scale) - Math.round(b[i] * scale));
    if (d8) differ++;
    max8 = Math.max(max8, d8);
  }
  return { max, differ, max8, share: differ / a.length };
}

test('the native built-in style gives what onnxruntime gives running toon.onnx (any size, borders included)', async (t) => {
  if (!built) return t.skip('the native kernels are not built (node main/native/build.js)');
  const native = await builtinNativeRunner(MODEL);
  assert.ok(native, 'the shipped toon.onnx is recognised as the built-in graph');
  const session = await ort.InferenceSession.create(MODEL, { intraOpNumThreads: 2 });
  const images: RgbImage[] = await Promise.all(pictures().map((p) => decodeImage(p)));
  // Sizes smaller than the filters' windows and odd ones: every border case of the clipped box means.
  const card = images[0];
  for (const [w, h] of [[1, 1], [2, 3], [7, 5], [33, 17]]) {
    const data = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w * 3; x++) data[y * w * 3 + x] = card.data[(y * card.width * 3) + x];
    images.push({ width: w, height: h, data });
  }
  for (const img of images) {
    const input = imageToTensor(img, SPEC);
    const ref = (await session.run({ image: new ort.Tensor('float32', input.data, input.dims) })).cartoon.data as Float32Array;
    const got = await native(input);
    assert.deepEqual(got.dims, input.dims);
    const c = compare(got.data, ref, 255);
    const where = `${img.width}x${img.height}`;
    assert.ok(c.max < 1e-4, `${where}: largest difference ${c.max}`);
    assert.ok(c.max8 <= 1 && c.share < 1e-4, `${where}: ${c.differ} 8-bit values differ (at most by ${c.max8})`);
  }
});

test('a whole picture from RGB to RGB in the kernel gives the very bytes of the pipeline running the kernel in one tile', async (t) => {
  if (!built) return t.skip('the native kernels are not built (node main/native/build.js)');
  const { spec } = await resolveModel('builtin-toon');
  const [runner, whole] = [await builtinNativeRunner(MODEL), await builtinNativeWhole(MODEL)];
  assert.ok(runner && whole);
  for (const p of pictures()) {
    const img = await decodeImage(p);
    const viaPipeline = await stylizePixels(img, spec, runner!, { tile: 0 }, { checkCancelled: () => undefined });
    assert.equal(viaPipeline.tiles, 1);
    const direct: RgbImage = whole!(img);
    assert.deepEqual([direct.width, direct.height], [img.width, img.height]);
    assert.ok(Buffer.from(direct.data).equals(Buffer.from(viaPipeline.image.data)), `${p}: the same bytes`);
  }
});

test('a file that is not the built-in graph is never computed natively', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toon-native-'));
  const other = join(dir, 'toon.onnx');
  writeFileSync(other, 'not the graph');
  assert.equal(await builtinNativeRunner(other), undefined);
  assert.equal(await builtinNativeRunner(join(dir, 'missing.onnx')), undefined);
  assert.equal(await builtinNativeWhole(other), undefined);
});

test('stylizeImage: the built-in style on the CPU runs natively (no onnxruntime session), whole or in tiles, as onnxruntime does', async (t) => {
  if (!built) return t.skip('the native kernels are not built (node main/native/build.js)');
  await shutdownInference(); // a fresh worker: no session yet
  const img = await decodeImage(pictures()[0]);
  const viaOrt = await stylizeImage(img, { provider: 'cpu', engine: 'onnxruntime', tile: 0 });
  assert.equal(viaOrt.sessionsOpened, 1);
  await shutdownInference();
  const whole = await stylizeImage(img, { provider: 'cpu' });
  assert.equal(whole.sessionsOpened, 0, 'no onnxruntime session was needed');
  assert.equal(whole.tiles, 1, 'a 640x360 picture runs whole');
  assert.equal(whole.provider, 'cpu');
  const tiled = await stylizeImage(img, { provider: 'cpu', tile: 256 });
  assert.ok(tiled.tiles > 1);
  for (const [label, r] of [['whole', whole], ['tiles', tiled]] as const) {
    const c = compare(r.image.data, viaOrt.image.data, 1);
    assert.ok(c.max8 <= 1 && c.share < 1e-3, `${label}: ${c.differ} bytes differ from onnxruntime's (at most by ${c.max8})`);
  }
});
