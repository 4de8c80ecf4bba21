// Real inference with the verified models in ../shared/models (read in place, never copied). Skipped with the
// reason when that folder is absent; the rest of the suite covers the engine with hand-made graphs.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '../../../app/video';
import { sharedModel } from '../../../test-support/fixtures';
import { decodeImage } from '../video';
import { resolveModel } from './model-resolve';
import { planAxis } from './tiling';
import { segmentImage, shutdownInference, stylizeImage } from './stylize-image';

after(() => shutdownInference());

const WHITEBOX = sharedModel('whitebox_cartoon.onnx');
const DEEPLAB = sharedModel('deeplabv3_mnv2_257_voc.onnx');
const SAMPLES = ['astronaut_512x288', 'pexels_street_f20_512x288'];
const sample = (name: string) => sharedModel(`samples/${name}.png`)!;

function psnr(a: RgbImage, b: RgbImage): number {
  let se = 0;
  for (let i = 0; i < a.data.length; i++) se += (a.data[i] - b.data[i]) ** 2;
  return 10 * Math.log10((255 * 255) / (se / a.data.length));
}

test('White-box: matches the reference outputs (BGR feeding), right size and range, clearly not the input', async (t) => {
  if (!WHITEBOX) return t.skip('../shared/models/whitebox_cartoon.onnx is absent');
  const model = await resolveModel(WHITEBOX);
  assert.equal(model.entry?.id, 'whitebox-cartoon', 'the file is recognised by its sha256');
  for (const name of SAMPLES) {
    const input = await decodeImage(sample(name));
    const ref = await decodeImage(sharedModel(`samples/${name}.whitebox_cartoon.png`)!);
    const r = await stylizeImage(input, { model, provider: 'cpu', tile: 0 });
    assert.equal(r.image.width, 512);
    assert.equal(r.image.height, 288);
    let min = 255;
    let max = 0;
    let diff = 0;
    for (let i = 0; i < input.data.length; i++) {
      min = Math.min(min, r.image.data[i]);
      max = Math.max(max, r.image.data[i]);
      diff += Math.abs(r.image.data[i] - input.data[i]);
    }
    const p = psnr(r.image, ref);
    console.log(`# ${name}: PSNR vs reference ${p.toFixed(1)} dB, mean |out - in| ${(diff / input.data.length).toFixed(1)}, ${r.ms.toFixed(0)} ms`);
    assert.ok(p > 45, `PSNR ${p.toFixed(1)} dB`);
    assert.ok(max - min > 200, 'uses the full range');
    assert.ok(diff / input.data.length > 8, 'the output is stylized, not the input');
    // Fed RGB (the TF.js port's mistake) the result is measurably different: the channel order matters.
    if (name === SAMPLES[0]) {
      const rgbSpec = { ...model.spec, input: { ...model.spec.input, channelOrder: 'RGB' as const }, output: { ...model.spec.output, channelOrder: 'RGB' as const } };
      const wrong = await stylizeImage(input, { model: { file: WHITEBOX, spec: rgbSpec }, tile: 0 });
      const pw = psnr(wrong.image, ref);
      console.log(`# ${name}: fed RGB instead, PSNR ${pw.toFixed(1)} dB`);
      assert.ok(pw < p - 10);
    }
  }
});

test('White-box: tiled and whole-frame outputs agree away from the seams', async (t) => {
  if (!WHITEBOX) return t.skip('../shared/models/whitebox_cartoon.onnx is absent');
  const model = await resolveModel(WHITEBOX);
  const input = await decodeImage(sample(SAMPLES[1]));
  const whole = await stylizeImage(input, { model, tile: 0 });
  const tiled = await stylizeImage(input, { model, tile: 192, overlap: 64 });
  assert.ok(tiled.tiles >= 4, `${tiled.tiles} tiles`);
  // Distance of each column/row to the nearest seam zone (the overlaps between tiles).
  const seamDistance = (len: number) => {
    const p = planAxis(len, { tile: 192, overlap: 64, multiple: 4 });
    const d = new Float32Array(len).fill(Infinity);
    for (let i = 1; i < p.starts.length; i++) {
      const a = p.starts[i];
      const b = p.starts[i - 1] + p.size;
      for (let k = 0; k < len; k++) d[k] = Math.min(d[k], k < a ? a - k : k >= b ? k - b + 1 : 0);
    }
    return d;
  };
  const dx = seamDistance(input.width);
  const dy = seamDistance(input.height);
  let far = 0;
  let farN = 0;
  let near = 0;
  let nearN = 0;
  for (let y = 0; y < input.height; y++) {
    for (let x = 0; x < input.width; x++) {
      const o = (y * input.width + x) * 3;
      const e = (Math.abs(whole.image.data[o] - tiled.image.data[o]) + Math.abs(whole.image.data[o + 1] - tiled.image.data[o + 1]) + Math.abs(whole.image.data[o + 2] - tiled.image.data[o + 2])) / 3;
      if (Math.min(dx[x], dy[y]) > 32) (far += e), farN++;
      else (near += e), nearN++;
    }
  }
  console.log(`# tiled (192 px, 64 overlap, ${tiled.tiles} tiles) vs whole: mean abs diff ${(far / farN).toFixed(2)} away from seams (${farN} px), ${(near / nearN).toFixed(2)} in/near seams (${nearN} px); PSNR ${psnr(whole.image, tiled.image).toFixed(1)} dB`);
  assert.ok(far / farN < 1.5, `away from seams ${(far / farN).toFixed(2)}`);
  assert.ok(near / nearN < 6, `near seams ${(near / nearN).toFixed(2)}`);
});

test('DeepLabV3: the letterboxed person mask matches the reference masks', async (t) => {
  if (!DEEPLAB) return t.skip('../shared/models/deeplabv3_mnv2_257_voc.onnx is absent');
  const model = await resolveModel(DEEPLAB);
  assert.equal(model.entry?.id, 'deeplabv3-person');
  for (const name of SAMPLES) {
    const input = await decodeImage(sample(name));
    const ref = await decodeImage(sharedModel(`samples/${name}.deeplabv3_person_mask.png`)!);
    const seg = await segmentImage(input, { model });
    assert.equal(seg.classIndex, 15);
    let inter = 0;
    let union = 0;
    for (let i = 0; i < seg.probability.length; i++) {
      const a = seg.probability[i] > 0.5;
      const b = ref.data[i * 3] > 127;
      if (a && b) inter++;
      if (a || b) union++;
    }
    console.log(`# ${name}: person mask IoU ${(inter / union).toFixed(3)} (${union} px in the union), ${seg.ms.toFixed(0)} ms`);
    assert.ok(inter / union > 0.9, `IoU ${(inter / union).toFixed(3)}`);
  }
});
