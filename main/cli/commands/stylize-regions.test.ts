// `your-cartoon stylize --people / --instagan / --mask`: regions without the editor, with real inference (White-box
// and DeepLabV3 from ../shared/models when present, the built-in style always, a random-weight InstaGAN with PyTorch).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawBox, emptyMask, maskArea, maskUnion, type Mask } from '../../../app/masks';
import type { RgbImage } from '../../../app/video';
import { exportModel, findTorchPython } from '../../../models/export/run-export';
import { makeWithFfmpeg, sharedModel } from '../../../test-support/fixtures';
import { main } from '../../cli';
import { getModel, resolveModel, shutdownInference, stylizeImage } from '../../services/stylize';
import { importModel } from '../../services/stylize/install';
import { featherMask, findPeople } from '../../services/stylize/masks';
import { decodeImage, encodeImage } from '../../services/video';
import { captureIO } from '../../../test-support/cli-capture';

const capture = captureIO;

const WHITEBOX = sharedModel('whitebox_cartoon.onnx');
const DEEPLAB = sharedModel('deeplabv3_mnv2_257_voc.onnx');
const ASTRONAUT = sharedModel('samples/astronaut_512x288.png');
const W = 256;
const H = 144;
const dataBefore = process.env.YOUR_CARTOON_DATA;
let dir: string;
let photo: string; // the astronaut at 256x144 when ../shared is here, else a lavfi picture
let photoImage: RgbImage;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stylize-regions-cli-'));
  process.env.YOUR_CARTOON_DATA = join(dir, 'data'); // empty: nothing installed
  photo = ASTRONAUT
    ? makeWithFfmpeg('astronaut-256.png', ['-i', ASTRONAUT, '-vf', `scale=${W}:${H}`])
    : makeWithFfmpeg('regions-cli.png', ['-f', 'lavfi', '-i', `testsrc2=size=${W}x${H}:rate=1`, '-frames:v', '1']);
  photoImage = await decodeImage(photo);
});
after(async () => {
  if (dataBefore === undefined) delete process.env.YOUR_CARTOON_DATA;
  else process.env.YOUR_CARTOON_DATA = dataBefore;
  await shutdownInference();
});

const same = (a: RgbImage, b: RgbImage, i: number) => a.data[3 * i] === b.data[3 * i] && a.data[3 * i + 1] === b.data[3 * i + 1] && a.data[3 * i + 2] === b.data[3 * i + 2];

/** Inside (alpha 1) the output must be `inside`, outside (alpha 0) `outside`, pixel for pixel. */
function assertRegions(out: RgbImage, region: Mask, feather: number, inside: RgbImage, outside: RgbImage): { inner: number; outer: number } {
  const alpha = featherMask(region, feather);
  let inner = 0;
  let outer = 0;
  for (let i = 0; i < W * H; i++) {
    if (alpha[i] === 1) (inner++, assert.ok(same(out, inside, i), `inside pixel ${i % W},${Math.floor(i / W)}`));
    if (alpha[i] === 0) (outer++, assert.ok(same(out, outside, i), `outside pixel ${i % W},${Math.floor(i / W)}`));
  }
  return { inner, outer };
}

async function writeMask(name: string, mask: Mask): Promise<string> {
  const rgb = new Uint8Array(mask.width * mask.height * 3);
  for (let i = 0; i < mask.data.length; i++) rgb.fill(mask.data[i] ? 255 : 0, 3 * i, 3 * i + 3);
  const file = join(dir, name);
  await encodeImage(file, { width: mask.width, height: mask.height, data: rgb });
  return file;
}

test('people in White-box over the photo, and the reverse, with the models imported by id', async (t) => {
  if (!WHITEBOX || !DEEPLAB || !ASTRONAUT) return t.skip('needs ../shared/models (White-box, DeepLabV3, samples)');
  let c = capture();
  assert.equal(await main(['stylize', photo, '--out', join(dir, 'none'), '--people', 'builtin-toon'], c.io), 1);
  assert.match(c.err(), /needs the person segmenter "deeplabv3-person", which is not installed: import its file once with "your-cartoon models import deeplabv3_mnv2_257_voc\.onnx" \(or pass --segmenter FILE\), or give the regions yourself with --mask FILE\.png/);

  await importModel(WHITEBOX);
  await importModel(DEEPLAB);
  const people = await findPeople(photoImage, { provider: 'cpu' });
  const region = maskUnion(people.instances, W, H);
  const cartoon = (await stylizeImage(photoImage, { model: 'whitebox-cartoon', provider: 'cpu' })).image;
  t.diagnostic(`astronaut ${W}x${H}: ${people.instances.length} person, ${((100 * maskArea(region)) / (W * H)).toFixed(1)}% of the frame`);
  assert.equal(people.instances.length, 1);

  c = capture();
  assert.equal(await main(['stylize', photo, '--out', join(dir, 'people'), '--people', 'whitebox-cartoon', '--feather', '3', '--json'], c.io), 0, c.err());
  const report = JSON.parse(c.out());
  assert.equal(report.mode, 'people');
  assert.deepEqual(report.models, { people: 'whitebox-cartoon', background: 'photo', segmenter: 'deeplabv3-person' });
  assert.equal(report.files[0].people, 1);
  assert.deepEqual(report.attribution.credits.map((x: { id: string }) => x.id), ['deeplabv3-person', 'whitebox-cartoon']);
  assert.match(readFileSync(join(dir, 'people', 'ATTRIBUTION.txt'), 'utf8'), /Xinrui Wang[^]*Google, DeepLabV3|Google, DeepLabV3[^]*Xinrui Wang/);
  const [name] = readdirSync(join(dir, 'people')).filter((f) => f.endsWith('.png'));
  assert.deepEqual(readdirSync(join(dir, 'people')).sort(), ['ATTRIBUTION.txt', name].sort());
  const a = assertRegions(await decodeImage(join(dir, 'people', name)), region, 3, cartoon, photoImage);
  assert.ok(a.inner > 0.15 * W * H && a.outer > 0.3 * W * H, JSON.stringify(a));

  c = capture();
  assert.equal(await main(['stylize', photo, '--out', join(dir, 'reverse'), '--people', 'photo', '--model', 'whitebox-cartoon', '--feather', '3'], c.io), 0, c.err());
  assert.match(c.out(), /256x144 {2}1 person {2}\d+ ms/);
  assertRegions(await decodeImage(join(dir, 'reverse', name)), region, 3, photoImage, cartoon);

  // A picture without people: written with the background style all over, and said so.
  const pattern = makeWithFfmpeg('regions-nobody.png', ['-f', 'lavfi', '-i', `testsrc2=size=${W}x${H}:rate=1`, '-frames:v', '1']);
  c = capture();
  assert.equal(await main(['stylize', pattern, '--out', join(dir, 'nobody'), '--people', 'whitebox-cartoon', '--model', 'builtin-toon'], c.io), 0, c.err());
  assert.match(c.out(), /256x144 {2}0 people/);
  assert.match(c.err(), /note: no person found in .*regions-nobody\.png: the background style covers the whole picture/);
  const nobody = await decodeImage(pattern);
  const toon = (await stylizeImage(nobody, { provider: 'cpu' })).image;
  assert.ok(Buffer.from((await decodeImage(join(dir, 'nobody', readdirSync(join(dir, 'nobody'))[0]))).data).equals(Buffer.from(toon.data)));
});

test('--mask files instead of the segmenter: scaled from a thumbnail, built-in style inside, photo outside', async () => {
  // Drawn on a half-size thumbnail: only the resolution differs, so it is scaled to each image.
  const thumbMask = drawBox(emptyMask(W / 2, H / 2), { x: 10, y: 8, width: 40, height: 30 });
  const maskFile = await writeMask('box-thumb.png', thumbMask);
  const region = drawBox(emptyMask(W, H), { x: 20, y: 16, width: 80, height: 60 });
  const toon = (await stylizeImage(photoImage, { provider: 'cpu' })).image;
  const c = capture();
  // No segmenter is installed in this data folder: --mask does not need one.
  assert.equal(await main(['stylize', photo, '--out', join(dir, 'masked'), '--people', 'builtin-toon', '--mask', maskFile, '--feather', '2'], c.io), 0, c.err());
  const [name] = readdirSync(join(dir, 'masked'));
  assert.equal(readdirSync(join(dir, 'masked')).length, 1, 'no segmenter, only the built-in style: no ATTRIBUTION.txt');
  const r = assertRegions(await decodeImage(join(dir, 'masked', name)), region, 2, toon, photoImage);
  assert.equal(r.inner, 76 * 56);
});

test('a mask of another shape fails that image only; bad combinations of options are usage errors', async () => {
  const square = await writeMask('square.png', drawBox(emptyMask(50, 50), { x: 5, y: 5, width: 20, height: 20 }));
  const wide = makeWithFfmpeg('regions-wide.png', ['-f', 'lavfi', '-i', 'testsrc2=size=200x50:rate=1', '-frames:v', '1']);
  const c = capture();
  const code = await main(['stylize', photo, wide, '--out', join(dir, 'shapes'), '--people', 'builtin-toon', '--mask', square, '--json'], c.io);
  assert.equal(code, 1);
  const report = JSON.parse(c.out());
  assert.equal(report.files.length + report.failures.length, 2);
  for (const f of report.failures) assert.match(f.error, /--mask square\.png is 50x50, which does not fit a (256x144|200x50) image \(another aspect ratio\)/);
  writeFileSync(join(dir, 'not-a-mask.png'), 'x');
  const usage: string[][] = [
    ['--people', 'builtin-toon', '--instagan', 'x'],
    ['--instagan', 'x', '--model', 'builtin-toon'],
    ['--mask', square],
    ['--model', 'photo'],
    ['--people', 'photo'],
    ['--segmenter', 'x'],
    ['--feather', '3'],
    ['--people', 'builtin-toon', '--mask', square, '--segmenter', 'x'],
  ];
  for (const args of usage) {
    const u = capture();
    assert.equal(await main(['stylize', photo, '--out', join(dir, 'u'), ...args], u.io), 2, args.join(' '));
    assert.match(u.err(), /Usage: your-cartoon stylize/);
  }
  const bad = capture();
  assert.equal(await main(['stylize', photo, '--out', join(dir, 'u'), '--people', 'builtin-toon', '--mask', join(dir, 'not-a-mask.png')], bad.io), 1);
  assert.match(bad.err(), /not-a-mask\.png: not an image file/);
});

test('--instagan translates the given instances in mini-batches and reports them', async (t) => {
  const { python, reason } = findTorchPython();
  if (!python) return t.skip(reason);
  const file = exportModel('instagan_to_onnx.py', ['--random-weights', '--ngf', '4', '--blocks', '1']);
  // The two catalog InstaGANs differ only in their recommended size, so an unknown file names its spec.
  const imported = await importModel(file, { id: 'my-instagan', spec: getModel('instagan-shp2gir').spec });
  assert.equal(imported.record?.kind, 'instagan');
  const boxes = [
    { x: 10, y: 10, width: 40, height: 50 },
    { x: 120, y: 30, width: 30, height: 30 },
    { x: 200, y: 80, width: 20, height: 20 },
  ];
  const masks = await Promise.all(boxes.map((b, i) => writeMask(`instance-${i}.png`, drawBox(emptyMask(W, H), b))));
  const c = capture();
  const args = ['stylize', photo, '--out', join(dir, 'instagan'), '--instagan', 'my-instagan', ...masks.flatMap((m) => ['--mask', m]), '--json'];
  assert.equal(await main(args, c.io), 0, c.err());
  const report = JSON.parse(c.out());
  assert.equal(report.mode, 'instagan');
  assert.equal(report.models.instagan, 'my-instagan');
  assert.deepEqual([report.files[0].people, report.files[0].batches], [3, 2], 'three instances, two per mini-batch');
  const out = await decodeImage(report.files[0].output);
  const first = drawBox(emptyMask(W, H), boxes[0]);
  let changed = 0;
  for (let i = 0; i < W * H; i++) if (first.data[i] && !same(out, photoImage, i)) changed++;
  assert.ok(changed > 0.9 * maskArea(first), `the largest instance is translated (${changed} px changed)`);
  const model = await resolveModel('my-instagan');
  assert.ok(model.spec.maskInput);
});
