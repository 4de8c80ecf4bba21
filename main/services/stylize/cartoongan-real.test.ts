// The four CartoonGAN styles of ../shared/models through the product (read in place, never copied): recognised by
// sha256, fed as the catalog says, equal to the reference outputs of shared/models/samples; the people/background
// split with them. Skipped with the reason when the files are absent.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '../../../app/video';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg, sharedModel, sharedVideo } from '../../../test-support/fixtures';
import { decodeImage, encodeImage } from '../video';
import { featherMask } from './masks/feather';
import { resolveModel } from './model-resolve';
import { stylizePeople } from './regions';
import { segmentImage, shutdownInference, stylizeImage } from './stylize-image';

after(() => shutdownInference());

const STYLES = ['hayao', 'hosoda', 'paprika', 'shinkai'] as const;
const SAMPLES = ['astronaut_512x288', 'pexels_street_f20_512x288'];
const file = (style: string) => sharedModel(`cartoongan_${style}.onnx`);
const sample = (name: string) => sharedModel(`samples/${name}.png`)!;
const absent = STYLES.filter((s) => !file(s));

function psnr(a: RgbImage, b: RgbImage): number {
  assert.equal(a.data.length, b.data.length);
  let se = 0;
  for (let i = 0; i < a.data.length; i++) se += (a.data[i] - b.data[i]) ** 2;
  return se === 0 ? Infinity : 10 * Math.log10((255 * 255) / (se / a.data.length));
}

for (const style of STYLES) {
  test(`CartoonGAN ${style}: recognised by its sha256 and equal to the reference outputs on both samples (>= 40 dB)`, async (t) => {
    if (!file(style)) return t.skip(`../shared/models/cartoongan_${style}.onnx is absent`);
    const model = await resolveModel(file(style)!);
    assert.equal(model.entry?.id, `cartoongan-${style}`);
    for (const name of SAMPLES) {
      const input = await decodeImage(sample(name));
      const ref = await decodeImage(sharedModel(`samples/${name}.cartoongan_${style}.png`)!);
      // The references are the model run at the samples' own 512x288 (size 0: not the recommended 450).
      const r = await stylizeImage(input, { model, provider: 'cpu', size: 0 });
      assert.equal(r.tiles, 1);
      assert.deepEqual([r.image.width, r.image.height], [512, 288]);
      const p = psnr(r.image, ref);
      console.log(`# ${style} ${name}: ${p.toFixed(1)} dB vs the reference, ${r.ms.toFixed(0)} ms`);
      assert.ok(p >= 40, `${style} ${name}: ${p.toFixed(1)} dB`);
      assert.ok(psnr(r.image, input) < 25, 'the output is a cartoon, not the photo');
    }
  });
}

test('CartoonGAN styles differ from each other (the right weights are in each entry)', async (t) => {
  if (absent.length) return t.skip(`absent: ${absent.join(', ')}`);
  const ref = (style: string) => decodeImage(sharedModel(`samples/${SAMPLES[0]}.cartoongan_${style}.png`)!);
  const shinkai = await ref('shinkai');
  for (const other of ['hayao', 'hosoda', 'paprika']) assert.ok(psnr(shinkai, await ref(other)) < 25, other);
});

test('people in Shinkai over a Hayao background: the split works with these models like with the others', async (t) => {
  const seg = sharedModel('deeplabv3_mnv2_257_voc.onnx');
  if (!file('shinkai') || !file('hayao') || !seg) return t.skip('needs cartoongan_shinkai, cartoongan_hayao and deeplabv3 in ../shared/models');
  const [people, background, segmenter] = await Promise.all([resolveModel(file('shinkai')!), resolveModel(file('hayao')!), resolveModel(seg)]);
  const image = await decodeImage(sample(SAMPLES[1]));
  const r = await stylizePeople(image, { people, background, segmenter, feather: 3, provider: 'cpu', size: 0 });
  assert.equal(r.source, 'segmenter');
  assert.ok(r.people >= 1, `${r.people} people found`);
  assert.deepEqual([...r.models].sort(), ['cartoongan-hayao', 'cartoongan-shinkai']);
  const a = (await stylizeImage(image, { model: people, provider: 'cpu', size: 0 })).image;
  const b = (await stylizeImage(image, { model: background, provider: 'cpu', size: 0 })).image;
  const found = await segmentImage(image, { model: segmenter });
  const mask = new Uint8Array(found.probability.length);
  found.probability.forEach((v, i) => (mask[i] = v > 0.5 ? 1 : 0));
  const alpha = featherMask({ width: image.width, height: image.height, data: mask }, 3);
  let inPeople = 0;
  let farFromPeople = 0;
  let matchA = 0;
  let matchB = 0;
  for (let i = 0; i < alpha.length; i++) {
    const same = (x: RgbImage) => Math.abs(r.image.data[3 * i] - x.data[3 * i]) + Math.abs(r.image.data[3 * i + 1] - x.data[3 * i + 1]) + Math.abs(r.image.data[3 * i + 2] - x.data[3 * i + 2]) <= 6;
    if (alpha[i] === 1) (inPeople++, same(a) && matchA++);
    if (alpha[i] === 0) (farFromPeople++, same(b) && matchB++);
  }
  console.log(`# split: ${r.people} people, ${inPeople} px people (${((100 * matchA) / inPeople).toFixed(1)}% = Shinkai), ${farFromPeople} px background (${((100 * matchB) / farFromPeople).toFixed(1)}% = Hayao)`);
  assert.ok(inPeople > 1000 && matchA / inPeople > 0.97, 'the people are drawn in Shinkai');
  assert.ok(matchB / farFromPeople > 0.97, 'the rest in Hayao');
});

test('CartoonGAN Shinkai on a 1920x1080 frame: tiled (whole-picture statistics) matches the whole-frame run at >= 35 dB', async (t) => {
  const video = sharedVideo('hard-dev/dev-c-live.mp4');
  if (!file('shinkai') || !video) return t.skip('needs ../shared/models/cartoongan_shinkai.onnx and ../shared/videos/hard-dev/dev-c-live.mp4');
  // A live-action frame (people, trees, sky) at 1920x1080.
  const frame = await decodeImage(makeWithFfmpeg('styles-live-1080.png', ['-ss', '12', '-i', video, '-frames:v', '1', '-vf', 'scale=1920:1080:flags=bicubic']));
  const model = await resolveModel(file('shinkai')!);
  const whole = await stylizeImage(frame, { model, size: 0, tile: 0, provider: 'cpu' });
  // Tiles of at most 1024 px, the statistics taken from the whole frame at full size (as on a machine with the
  // memory for it: statsBudget; the default runs such a frame whole).
  const tiled = await stylizeImage(frame, { model, size: 0, tile: 1024, provider: 'cpu', statsMaxPixels: 1920 * 1080 });
  assert.equal(whole.tiles, 1);
  assert.ok(tiled.tiles >= 4, `${tiled.tiles} tiles`);
  const p = psnr(tiled.image, whole.image);
  const out = join(tmpdir(), 'ycis-styles-tiling');
  mkdirSync(out, { recursive: true });
  await encodeImage(join(out, 'whole.png'), whole.image);
  await encodeImage(join(out, 'tiled.png'), tiled.image);
  console.log(`# 1920x1080 Shinkai: whole ${whole.ms.toFixed(0)} ms, ${tiled.tiles} tiles ${tiled.ms.toFixed(0)} ms, tiled vs whole ${p.toFixed(1)} dB (pictures in ${out})`);
  assert.ok(p >= 35, `tiled vs whole: ${p.toFixed(1)} dB`);
});
